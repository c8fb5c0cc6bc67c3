package org.marcloom.internal.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.marcloom.Diagnostic;
import org.marcloom.ErrorCode;
import org.marcloom.MarcParseException;
import org.marcloom.ReaderOptions;
import org.marcloom.record.MarcRecord;

/// [MarcXmlScanner] against the JDK's StAX parser, which it replaces for documents without a DTD:
/// on every fixture, on a list of well-formedness edge cases, and on random one-character edits
/// of a document, both must accept the same documents with the same records and diagnostics, and
/// reject the same documents with the same error code at the same record. (Error messages and
/// the positions of syntax errors are the scanner's own.)
class MarcXmlScannerDifferentialTest {

    /// What one read gave: records, then the error (code and record) or the trailing diagnostics.
    record Outcome(List<MarcRecord> records, List<String> diagnostics, String error, List<Integer> columns) {
    }

    private static void column(Diagnostic d, List<Integer> out) {
        if (d.code() != ErrorCode.SYNTAX_ERROR && !d.message().startsWith("text outside")) {
            out.add(d.column());
        }
    }

    static Outcome read(byte[] doc, boolean lenient, boolean stax) {
        ReaderOptions options = ReaderOptions.builder().lenient(lenient).build();
        MarcXmlSource source = new MarcXmlSource(Channels.newChannel(new java.io.ByteArrayInputStream(doc)), true,
                options, null);
        source.forceStax = stax;
        List<MarcRecord> records = new ArrayList<>();
        List<String> diagnostics = new ArrayList<>();
        List<Integer> columns = new ArrayList<>();
        String error = null;
        try (source) {
            MarcRecord r;
            while ((r = source.next()) != null) {
                records.add(r);
                r.diagnostics().forEach(d -> diagnostics.add(describe(d)));
                r.diagnostics().forEach(d -> column(d, columns));
            }
            source.trailingDiagnostics().forEach(d -> diagnostics.add(describe(d)));
            source.trailingDiagnostics().forEach(d -> column(d, columns));
        } catch (MarcParseException e) {
            error = describe(e.diagnostic());
            column(e.diagnostic(), columns);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Outcome(records, diagnostics, error, columns);
    }

    /// A diagnostic without what differs legitimately: the message, the position of a syntax
    /// error (each parser stops at its own place) and the column of misplaced text (the JDK's
    /// parser reports it after a look-ahead that depends on how it split the text).
    static String describe(Diagnostic d) {
        if (d.code() == ErrorCode.SYNTAX_ERROR) {
            return d.code() + " record " + d.recordIndex();
        }
        return d.code() + " record " + d.recordIndex() + " line " + d.line() + " " + d.tag() + " " + d.byteOffset();
    }

    /// The columns of the diagnostics other than syntax errors and misplaced text: the JDK's parser
    /// is sometimes one or two columns short after text that starts with a line break (its own
    /// bookkeeping), so columns are compared within two.
    static List<Integer> columns(Outcome o) {
        return o.columns();
    }

    private static final Pattern DECLARED_ENCODING = Pattern.compile("^<\\?xml[^>]*?encoding\\s*=\\s*([\"'])(.*?)\\1", Pattern.DOTALL);
    private static final Pattern LEADING_COLON = Pattern.compile("</?:|\\s:[^\\s=>]*\\s*=");

    /// Documents the JDK's parser accepts although they are not well-formed: an encoding name that
    /// is not an EncName (the parser ignores the declaration when it is handed characters), and a
    /// name that starts with a colon (not a QName in Namespaces in XML). The scanner rejects them.
    static boolean jdkIsLax(String doc) {
        Matcher m = DECLARED_ENCODING.matcher(doc);
        if (m.find() && !m.group(2).matches("[A-Za-z][A-Za-z0-9._-]*")) {
            return true;
        }
        return LEADING_COLON.matcher(doc).find();
    }

    static void assertSame(byte[] doc, String label) {
        String text = new String(doc, StandardCharsets.UTF_8);
        if (jdkIsLax(text)) {
            Outcome scanner = read(doc, false, false);
            org.junit.jupiter.api.Assertions.assertTrue(scanner.error() != null
                    && scanner.error().startsWith("SYNTAX_ERROR"), label + "\n" + text);
            return;
        }
        for (boolean lenient : new boolean[] {false, true}) {
            Outcome stax = read(doc, lenient, true);
            Outcome scanner = read(doc, lenient, false);
            String what = label + (lenient ? " (lenient)" : " (strict)") + "\n"
                    + new String(doc, StandardCharsets.UTF_8);
            assertEquals(stax.error(), scanner.error(), what);
            assertEquals(stax.records(), scanner.records(), what);
            assertEquals(stax.diagnostics(), scanner.diagnostics(), what);
            assertEquals(stax.columns().size(), scanner.columns().size(), what);
            for (int i = 0; i < stax.columns().size(); i++) {
                int a = stax.columns().get(i);
                int b = scanner.columns().get(i);
                org.junit.jupiter.api.Assertions.assertTrue(Math.abs(a - b) <= 2, what + "\ncolumns " + stax.columns()
                        + " vs " + scanner.columns());
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> everyFixtureReadsAlike() throws IOException {
        try (Stream<Path> files = Files.list(XmlTestSupport.FIXTURES)) {
            return files.sorted().toList().stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(),
                    () -> assertSame(Files.readAllBytes(p), p.getFileName().toString())));
        }
    }

    private static final String LEADER = "00000nam a2200000 a 4500";
    private static final String NS = "http://www.loc.gov/MARC21/slim";

    /// `n` distinct attributes, the last repeating the first when `duplicate`.
    private static String manyAttributes(int n, boolean duplicate) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(" a").append(i).append("=\"").append(i).append('"');
        }
        return duplicate ? sb.append(" a0=\"again\"").toString() : sb.toString();
    }

    /// A record whose 245 $a is `value` (written as given: markup allowed).
    private static String doc(String value) {
        return "<?xml version=\"1.0\"?>\n<collection xmlns=\"" + NS + "\"><record><leader>" + LEADER + "</leader>"
                + "<controlfield tag=\"001\">c1</controlfield><datafield tag=\"245\" ind1=\"1\" ind2=\"0\">"
                + "<subfield code=\"a\">" + value + "</subfield></datafield></record>\n<record><leader>" + LEADER
                + "</leader><controlfield tag=\"001\">c2</controlfield></record></collection>\n";
    }

    static final List<String> CASES = List.of(
            doc("plain"),
            doc("a &amp; b &lt; c &gt; d &apos; e &quot; f"),
            doc("&#65;&#x42;&#x1F600;&#10;&#13;&#9;"),
            doc("&#0;"),
            doc("&#x110000;"),
            doc("&#xD800;"),
            doc("&#xFFFE;"),
            doc("&#X41;"),
            doc("&#;"),
            doc("&#x;"),
            doc("&#12a;"),
            doc("&foo;"),
            doc("&amp"),
            doc("& amp;"),
            doc("&;"),
            doc("a ]] b ] c ]>"),
            doc("a ]]> b"),
            doc("<![CDATA[ <x> & ]] ]]>"),
            doc("<![CDATA[a]]><![CDATA[]]>b"),
            doc("<!-- a comment -->x<!---->y"),
            doc("<!-- a -- b -->"),
            doc("<!-- a --->"),
            doc("<?pi data?>x<?pi?>"),
            doc("<?xml bad?>"),
            doc("<?XmL bad?>"),
            doc("<?xml-stylesheet ok?>"),
            doc("<?pidata ok?>"),
            doc("line\r\nend\rx\n"),
            doc("\u0001"),
            doc("\u007F \u0085 \u00A0"),
            doc("\uFFFE"),
            doc("\uFFFF"),
            doc("\uD83D\uDE00"),
            doc("<b>inside</b>"),
            doc("<b/>"),
            doc("<b>"),
            doc("</b>"),
            doc("< b>"),
            doc("<b >x</b >"),
            doc("<b/ >"),
            doc("<1b/>"),
            doc("<-b/>"),
            doc("<b-1.x_y/>"),
            doc("<\u00e9l\u00e8ve/>"),
            doc("<p:b/>"),
            doc("<p:b xmlns:p=\"urn:p\"/>"),
            doc("<p:b:c xmlns:p=\"urn:p\"/>"),
            doc("<:b/>"),
            doc("<b:/>"),
            doc("<xmlns:b/>"),
            doc("<b xmlns:p=\"\"/>"),
            doc("<b xmlns:xml=\"urn:x\"/>"),
            doc("<b xmlns:xml=\"http://www.w3.org/XML/1998/namespace\"/>"),
            doc("<b xmlns:x=\"http://www.w3.org/XML/1998/namespace\"/>"),
            doc("<b xmlns:xmlns=\"urn:x\"/>"),
            doc("<b xmlns=\"http://www.w3.org/2000/xmlns/\"/>"),
            doc("<b xmlns=\"\"/>"),
            doc("<b a=\"1\" a=\"2\"/>"),
            doc("<b xmlns:p=\"urn:a\" xmlns:p=\"urn:b\"/>"),
            doc("<b xmlns=\"urn:a\" xmlns=\"urn:a\"/>"),
            doc("<b " + manyAttributes(40, false) + "/>"),
            doc("<b " + manyAttributes(40, true) + "/>"),
            doc("<b xmlns:p=\"urn:p\" " + manyAttributes(40, false).replace("a0=", "p:a0=") + " p:a0=\"x\"/>"),
            doc("<b xmlns:p=\"urn:p\" xmlns:q=\"urn:p\" p:a=\"1\" q:a=\"2\"/>"),
            doc("<b xmlns:p=\"urn:p\" p:a=\"1\" a=\"2\"/>"),
            doc("<b p:a=\"1\"/>"),
            doc("<b xml:lang=\"en\"/>"),
            doc("<b a=\"1\"c=\"2\"/>"),
            doc("<b a=1/>"),
            doc("<b a/>"),
            doc("<b a=\"x<y\"/>"),
            doc("<b a=\"x>y\" c='\"'/>"),
            doc("<b a=\"&#60;&lt;&amp;\"/>"),
            doc("<b a=\"&nope;\"/>"),
            doc("<b a=\"unterminated/>"),
            doc("<b a=\"\u0001\"/>"),
            doc("<b\ta\n=\r\n\"1\"\r/>"),
            doc("<b>text</c>"),
            doc("<b>text</b"),
            doc("<b>text</b x>"),
            doc("<!DOCTYPE x>"),
            doc("<!ELEMENT x>"),
            doc("<!x>"),
            "<?xml version=\"1.0\"?>\n<record><leader>" + LEADER + "</leader></record>",
            "<?xml version='1.0' encoding='utf-8' standalone='yes'?><record><leader>" + LEADER + "</leader></record>",
            "<?xml version=\"1.0\" standalone=\"maybe\"?><record><leader>" + LEADER + "</leader></record>",
            "<?xml encoding=\"UTF-8\"?><record><leader>" + LEADER + "</leader></record>",
            "<?xml version=\"1.0\" standalone=\"yes\" encoding=\"UTF-8\"?><record><leader>" + LEADER + "</leader></record>",
            "<?xml version=\"1.0\"encoding=\"UTF-8\"?><record><leader>" + LEADER + "</leader></record>",
            "<?xml version=\"1.0\" encoding=\"8bit\"?><record><leader>" + LEADER + "</leader></record>",
            "<?xml version=\"1.0\" ?><record><leader>" + LEADER + "</leader></record>",
            "<?xml  version=\"1.0\"?><record/>",
            "<?xml version=\"1.1\"?><record><leader>" + LEADER + "</leader></record>",
            "<?xml version=\"2.0\"?><record><leader>" + LEADER + "</leader></record>",
            "<?xml version=\"1.0\"?>",
            "",
            "   \n  ",
            "<!-- only a comment -->",
            "<?xml version=\"1.0\"?><!-- c --><?pi x?>\n<record><leader>" + LEADER + "</leader></record><!-- c -->\n",
            " <?xml version=\"1.0\"?><record/>",
            "x<record/>",
            "<record/>x",
            "<record/><record/>",
            "<record/><!-- ok --> <?pi ok?>\n",
            "<record/>&amp;",
            "<record/><![CDATA[x]]>",
            "<![CDATA[x]]><record/>",
            "<record><leader>" + LEADER + "</leader>",
            "<record><leader>" + LEADER + "</leader></record",
            "<record><leader>" + LEADER + "</leader></record><",
            "<record><leader>" + LEADER + "</leader></recor>",
            "<marc:record xmlns:marc=\"" + NS + "\"><marc:leader>" + LEADER + "</marc:leader></marc:record>",
            "<marc:record xmlns:marc=\"" + NS + "\"><leader>" + LEADER + "</leader></marc:record>",
            "<record xmlns=\"urn:other\"><leader>" + LEADER + "</leader></record>",
            "<record xmlns=\"" + NS + "\"><x:leader xmlns:x=\"" + NS + "\">" + LEADER + "</x:leader></record>",
            "<record><leader>" + LEADER + "</leader><datafield tag=\"245\" ind1=\"\" ind2=\"12\"><subfield>x</subfield>"
                    + "</datafield><controlfield>y</controlfield></record>",
            "<record><leader>" + LEADER + "</leader><![CDATA[   ]]><![CDATA[ x ]]></record>",
            "<record><leader>" + LEADER + "</leader>a<!--c-->b<?p q?>c&#32;&#x20;<x><y>z</y></x></record>",
            "<record><leader>" + LEADER + "</leader>&#32;<datafield tag=\"245\" ind1=\" \" ind2=\" \">&#32;\n"
                    + "<![CDATA[ ]]><subfield code=\"a\" xml:space=\"preserve\">  x  </subfield></datafield></record>",
            "<record>\r\n<leader>" + LEADER + "</leader>\r\n<controlfield tag=\"001\">a\r\nb</controlfield>\r\n"
                    + "<datafield tag=\"245\"\r\nind1=\"1\"\tind2=\"0\"><subfield code=\"a\">x</subfield></datafield>"
                    + "<bad/></record>",
            "<collection><record><leader>" + LEADER + "</leader></record><record><leader>short</leader></record>"
                    + "<record><controlfield tag=\"001\">no leader</controlfield></record></collection>",
            // Found by randomEditsReadAlike: "xmlns:" with no prefix is no QName (the scanner bound
            // it as the default namespace).
            "<collection xmlns:=\"" + NS + "\"><record><leader>" + LEADER + "</leader></record></collection>",
            "<collection xmlns:a:b=\"" + NS + "\"><record><leader>" + LEADER + "</leader></record></collection>");

    @TestFactory
    Stream<DynamicTest> edgeCasesReadAlike() {
        return java.util.stream.IntStream.range(0, CASES.size()).mapToObj(i -> {
            String c = CASES.get(i);
            return DynamicTest.dynamicTest(i + ": " + (c.length() > 60 ? c.substring(0, 60) : c),
                    () -> assertSame(c.getBytes(StandardCharsets.UTF_8), c));
        });
    }

    /// One character inserted, deleted or replaced anywhere in a document, with characters that
    /// matter to XML: both parsers agree.
    @Property(tries = 1500)
    void randomEditsReadAlike(@ForAll("edits") String doc) {
        assertSame(doc.getBytes(StandardCharsets.UTF_8), "edit");
    }

    /// The same rich document after white space of any length, so that the scanner's buffer ends
    /// inside every kind of construct (names, attribute values, references, CDATA, comments,
    /// surrogate pairs, line ends).
    @Property(tries = 200)
    void bufferBoundariesFallEverywhere(@ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 4000) int shift,
                                        @ForAll boolean crlf) {
        String rich = "<record><leader>" + LEADER + "</leader><controlfield tag=\"001\">c&amp;1</controlfield>"
                + "<datafield tag='245' ind1=\"1\" ind2=\"0\" xmlns:p=\"urn:p\" p:x=\"a&#10;b\tc&lt;\">"
                + "<subfield code=\"a\">t\u00e9xt \uD83D\uDE00 &#x1F600; <![CDATA[<c>]]><!-- c --><?pi d?>]] ]\n"
                + "\u4e2d</subfield><p:subfield code=\"b\">p</p:subfield></datafield></record>\n";
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\"?>\n<collection xmlns=\"" + NS + "\">\n");
        sb.append(" ".repeat(60_000 + shift));
        for (int i = 0; i < 60; i++) {
            sb.append(rich);
        }
        String doc = sb.append("</collection>\n").toString();
        if (crlf) {
            doc = doc.replace("\n", "\r\n");
        }
        assertSame(doc.getBytes(StandardCharsets.UTF_8), "shift " + shift);
    }

    @Provide
    Arbitrary<String> edits() {
        String base = doc("a &amp; b <![CDATA[c]]> &#65; d<!-- e -->f") .replace("<?xml version=\"1.0\"?>",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>") + "<!-- end -->";
        String marc4j = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><marc:collection xmlns:marc=\"" + NS + "\">"
                + "<marc:record><marc:leader>" + LEADER + "</marc:leader><marc:datafield tag='100' ind1='1' ind2=' '>"
                + "<marc:subfield code='a'>x</marc:subfield></marc:datafield></marc:record></marc:collection>";
        Arbitrary<String> docs = Arbitraries.of(base, marc4j);
        Arbitrary<Character> chars = Arbitraries.of('<', '>', '&', ';', '"', '\'', '=', '/', '!', '?', ':', ' ', 'a',
                ']', '-', '#', 'x', '\r', '\n', '[', 'm', 'l', '0', '\u00e9', '\u0001');
        return Combinators.combine(docs, Arbitraries.integers().between(0, 10_000), Arbitraries.integers().between(0, 2),
                chars).as((d, at, op, c) -> {
                    int i = at % (d.length() + 1);
                    return switch (op) {
                        case 0 -> d.substring(0, i) + c + d.substring(i);
                        case 1 -> i < d.length() ? d.substring(0, i) + d.substring(i + 1) : d;
                        default -> i < d.length() ? d.substring(0, i) + c + d.substring(i + 1) : d + c;
                    };
                });
    }
}
