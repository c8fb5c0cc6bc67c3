package org.marcloom.internal.marc8;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/// Generates `src/main/resources/org/marcloom/internal/marc8/marc8.tables` from the Library of Congress
/// code tables (`src/build/marc8/codetables.xml`, a copy of the file LoC publishes).
///
/// Run after changing the code tables:
/// `java -cp target/test-classes org.marcloom.internal.marc8.Marc8TableGenerator`
/// (`Marc8TablesTest` fails when the committed resource differs from a fresh generation).
///
/// Format (big-endian, `DataOutputStream`): the magic `MRC8`, a version int, the number of sets;
/// then per set: its final byte (the `ISOcode`, e.g. `E` = 0x45 for ANSEL), the bytes per
/// character (1 or 3), the number of entries, and per entry: the MARC-8 code (int, as written in
/// the table), the code point (int), a combining flag (byte). An entry whose `ucs` is empty has
/// no Unicode character and is written with code point 0: the ANSEL ligature and double-tilde
/// second halves (0xEC, 0xFB), whose first halves map to the double-width combining marks U+0361
/// and U+0360 that span both letters. Their `alt` values (U+FE21, U+FE23) are not used.
public final class Marc8TableGenerator {

    static final Path SOURCE = Path.of("src/build/marc8/codetables.xml");
    static final Path TARGET = Path.of("src/main/resources/org/marcloom/internal/marc8/marc8.tables");

    private Marc8TableGenerator() {
    }

    public static void main(String[] args) throws Exception {
        Path in = args.length > 0 ? Path.of(args[0]) : SOURCE;
        Path out = args.length > 1 ? Path.of(args[1]) : TARGET;
        byte[] tables;
        try (InputStream stream = Files.newInputStream(in)) {
            tables = generate(stream);
        }
        Files.createDirectories(out.getParent());
        Files.write(out, tables);
        System.out.println("wrote " + tables.length + " bytes to " + out);
    }

    record Entry(int marc, int codePoint, boolean combining) {
    }

    static byte[] generate(InputStream xml) throws XMLStreamException, IOException {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        XMLStreamReader r = factory.createXMLStreamReader(xml);
        Map<Integer, List<Entry>> sets = new LinkedHashMap<>();
        int currentSet = -1;
        String marc = null;
        String ucs = null;
        boolean combining = false;
        StringBuilder text = new StringBuilder();
        while (r.hasNext()) {
            int ev = r.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                text.setLength(0);
                switch (r.getLocalName()) {
                    case "characterSet" -> {
                        currentSet = Integer.parseInt(r.getAttributeValue(null, "ISOcode"), 16);
                        sets.putIfAbsent(currentSet, new ArrayList<>());
                    }
                    case "code" -> {
                        marc = null;
                        ucs = null;
                        combining = false;
                    }
                    default -> {
                    }
                }
            } else if (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA) {
                text.append(r.getText());
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                String value = text.toString().strip();
                switch (r.getLocalName()) {
                    case "marc" -> marc = value;
                    case "ucs" -> ucs = value;
                    case "isCombining" -> combining = value.equals("true");
                    case "code" -> {
                        if (marc != null && !marc.isEmpty()) {
                            int cp = ucs == null || ucs.isEmpty() ? 0 : Integer.parseInt(ucs, 16);
                            sets.get(currentSet).add(new Entry(Integer.parseInt(marc, 16), cp, combining));
                        }
                    }
                    default -> {
                    }
                }
                text.setLength(0);
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(0x4D524338); // "MRC8"
            out.writeInt(1);
            out.writeInt(sets.size());
            for (Map.Entry<Integer, List<Entry>> set : sets.entrySet()) {
                out.writeByte(set.getKey());
                out.writeByte(set.getKey() == 0x31 ? 3 : 1);
                out.writeInt(set.getValue().size());
                for (Entry e : set.getValue()) {
                    out.writeInt(e.marc());
                    out.writeInt(e.codePoint());
                    out.writeByte(e.combining() ? 1 : 0);
                }
            }
        }
        return bytes.toByteArray();
    }
}
