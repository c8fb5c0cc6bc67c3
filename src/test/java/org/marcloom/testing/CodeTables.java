package org.marcloom.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/// Test support: the Library of Congress code tables (`src/build/marc8/codetables.xml`, the
/// project's copy) read with DOM, independently of `Marc8TableGenerator`'s StAX reader, so the
/// tests take their expected values from the source data rather than from the code under test.
public final class CodeTables {

    public static final Path XML = Path.of("src/build/marc8/codetables.xml");

    /// One `<code>` element: its set's final byte (`ISOcode`), the MARC-8 code as written in the
    /// table (one byte, or three for EACC), the code point (-1 when `<ucs>` is empty) and whether
    /// it is a combining mark.
    public record Entry(int set, String setName, int marc, int codePoint, boolean combining) {

        public boolean threeBytes() {
            return set == 0x31;
        }

        /// The control characters of Basic Latin (ESC and the ISO 2709 delimiters).
        public boolean control() {
            return !threeBytes() && marc < 0x20;
        }

        public String text() {
            return codePoint < 0 ? "" : Character.toString(codePoint);
        }
    }

    private static List<Entry> entries;

    private CodeTables() {
    }

    public static synchronized List<Entry> entries() {
        if (entries == null) {
            entries = List.copyOf(read());
        }
        return entries;
    }

    /// Entries by set final byte, in file order.
    public static Map<Integer, List<Entry>> bySet() {
        Map<Integer, List<Entry>> out = new LinkedHashMap<>();
        for (Entry e : entries()) {
            out.computeIfAbsent(e.set(), k -> new ArrayList<>()).add(e);
        }
        return out;
    }

    private static List<Entry> read() {
        try (InputStream in = Files.newInputStream(XML)) {
            DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document doc = f.newDocumentBuilder().parse(in);
            List<Entry> out = new ArrayList<>();
            NodeList sets = doc.getElementsByTagName("characterSet");
            for (int s = 0; s < sets.getLength(); s++) {
                Element set = (Element) sets.item(s);
                int iso = Integer.parseInt(set.getAttribute("ISOcode"), 16);
                NodeList codes = set.getElementsByTagName("code");
                for (int c = 0; c < codes.getLength(); c++) {
                    Element code = (Element) codes.item(c);
                    String marc = child(code, "marc");
                    if (marc.isEmpty()) {
                        continue;
                    }
                    String ucs = child(code, "ucs");
                    out.add(new Entry(iso, set.getAttribute("name"), Integer.parseInt(marc, 16),
                            ucs.isEmpty() ? -1 : Integer.parseInt(ucs, 16), child(code, "isCombining").equals("true")));
                }
            }
            return out;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + XML, e);
        }
    }

    private static String child(Element e, String name) {
        NodeList l = e.getElementsByTagName(name);
        return l.getLength() == 0 ? "" : l.item(0).getTextContent().strip();
    }
}
