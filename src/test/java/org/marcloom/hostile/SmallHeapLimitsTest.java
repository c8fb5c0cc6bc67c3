package org.marcloom.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.marcloom.hostile.HostileInputRegressionTest.LEADER;
import static org.marcloom.hostile.HostileInputRegressionTest.jsonRecord;
import static org.marcloom.hostile.HostileInputRegressionTest.utf8;
import static org.marcloom.hostile.HostileInputRegressionTest.xmlRecord;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marcloom.fixtures.Iso2709Bytes;
import org.marcloom.record.MarcRecord;
import org.marcloom.record.Subfield;

/// "Limits, proven under a small heap": each case writes a large input to a temporary folder
/// (streamed, never held) and reads it in a forked JVM with `-Xmx64m` and the default [org.marcloom.Limits]
/// ([SmallHeapMain]). Valid input streams through; each hostile case ends in a clear error or
/// diagnostic naming the setting, with a normal exit, never an OutOfMemoryError.
class SmallHeapLimitsTest {

    @TempDir
    Path dir;

    /// Writes `head`, then `count` times `unit`, then `tail`.
    Path write(String name, byte[] head, byte[] unit, long count, byte[] tail) throws IOException {
        Path f = dir.resolve(name);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(f), 1 << 16)) {
            out.write(head);
            for (long i = 0; i < count; i++) {
                out.write(unit);
            }
            out.write(tail);
        }
        return f;
    }

    static byte[] fill(char c, int n) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) c);
        return b;
    }

    /// Runs [SmallHeapMain] under -Xmx64m; returns its one line of output (exit status 0 asserted).
    static String run(String format, String mode, int concurrency, Path file) throws Exception {
        String cp = System.getProperty("java.class.path");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx64m", "-XX:+UseSerialGC", "-cp", cp,
                SmallHeapMain.class.getName(), format, mode, String.valueOf(concurrency), file.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean ended = p.waitFor(5, TimeUnit.MINUTES);
        assertEquals(true, ended, out);
        assertEquals(0, p.exitValue(), out);
        Files.deleteIfExists(file);
        return out.strip();
    }

    static final byte[] NONE = new byte[0];

    @Test
    void iso2709Of200MbStreams() throws Exception {
        MarcRecord r = MarcRecord.builder().leader(LEADER).addControlField("001", "r")
                .addDataField("500", ' ', ' ', new Subfield('a', "x".repeat(900))).build();
        byte[] rec = Iso2709Bytes.encode(r);
        long count = 200L * 1024 * 1024 / rec.length + 1;
        Path f = write("big.mrc", NONE, rec, count, NONE);
        assertEquals("records=" + count + " diagnostics={} trailing=[]", run("ISO_2709", "strict", 1, f));
    }
    /// 200 MB of junk between two ISO 2709 records, read with a quarantine: one region, gathered
    /// in a temporary file past 4 MiB and streamed into the quarantine.
    @Test
    void iso2709Junk200MbWithAQuarantineIsOneRegion() throws Exception {
        MarcRecord r = MarcRecord.builder().leader(LEADER).addControlField("001", "r").build();
        byte[] rec = Iso2709Bytes.encode(r);
        byte[] tail = new byte[rec.length];
        System.arraycopy(rec, 0, tail, 0, rec.length);
        Path f = write("junk-q.mrc", rec, fill('x', 1 << 20), 200, tail);
        assertEquals("records=2 diagnostics={JUNK_SKIPPED=1} trailing=[] quarantined=" + (200L << 20)
                + " regions=1 codes=[JUNK_SKIPPED]", run("ISO_2709", "quarantine", 1, f));
    }

    static final byte[] COLLECTION = utf8(HostileInputRegressionTest.COLLECTION);

    @Test
    void xmlComment200MbBetweenRecordsStreams() throws Exception {
        Path f = write("comment.xml", utf8(HostileInputRegressionTest.COLLECTION + xmlRecord(0) + "<!--"),
                fill('c', 1 << 20), 200, utf8("-->" + xmlRecord(1) + "</collection>"));
        assertEquals("records=2 diagnostics={} trailing=[]", run("MARCXML", "strict", 1, f));
    }

    @Test
    void xmlUnterminatedComment200MbIsASyntaxError() throws Exception {
        Path f = write("open-comment.xml", utf8(HostileInputRegressionTest.COLLECTION + xmlRecord(0) + "<!--"),
                fill('c', 1 << 20), 200, NONE);
        assertEquals("records=1 diagnostics={} trailing=[SYNTAX_ERROR: XML is not well-formed: XML document"
                + " structures must start and end within the same entity.]", run("MARCXML", "lenient", 1, f));
    }

    @Test
    void xmlUnterminatedCdata100MbIsOverMaxTokenLength() throws Exception {
        Path f = write("open-cdata.xml", utf8(HostileInputRegressionTest.COLLECTION + xmlRecord(0)
                + "<record><leader><![CDATA["), fill('c', 1 << 20), 100, NONE);
        assertEquals("records=1 diagnostics={} trailing=[LIMIT_EXCEEDED: a CDATA section is longer than 1048576"
                + " characters, the maximum allowed (from Limits.maxTokenLength)]", run("MARCXML", "lenient", 1, f));
    }

    @Test
    void xmlAttribute100MbIsOverMaxTokenLength() throws Exception {
        Path f = write("attribute.xml", utf8(HostileInputRegressionTest.COLLECTION + xmlRecord(0) + "<record type=\""),
                fill('v', 1 << 20), 100, utf8("\"></record></collection>"));
        assertEquals("records=1 diagnostics={} trailing=[LIMIT_EXCEEDED: a start tag is longer than 1048576"
                + " characters, the maximum allowed (from Limits.maxTokenLength)]", run("MARCXML", "lenient", 1, f));
    }

    @Test
    void xmlName50MbIsOverMaxNameLength() throws Exception {
        Path f = write("name.xml", utf8(HostileInputRegressionTest.COLLECTION + xmlRecord(0) + "<"),
                fill('n', 1 << 20), 50, utf8("/></collection>"));
        assertEquals("records=1 diagnostics={} trailing=[LIMIT_EXCEEDED: an element name is longer than 1000"
                + " characters, the maximum allowed (from Limits.maxNameLength)]", run("MARCXML", "lenient", 1, f));
    }

    /// 90 MB of fields of 1,000 characters in one record between two small ones.
    @Test
    void jsonRecord90MbIsOverMaxRecordBytes() throws Exception {
        String open = "{\"leader\":\"" + LEADER + "\",\"fields\":[{\"001\":\"r1\"}";
        byte[] unit = utf8(",{\"500\":{\"ind1\":\" \",\"ind2\":\" \",\"subfields\":[{\"a\":\"" + "x".repeat(1_000)
                + "\"}]}}");
        Path f = write("record.ndj", utf8(jsonRecord(0, "first") + "\n" + open), unit, 90L * 1024 * 1024 / unit.length,
                utf8("]}\n" + jsonRecord(2, "third") + "\n"));
        assertEquals("records=2 diagnostics={LIMIT_EXCEEDED(maxRecordBytes)=1} trailing=[]",
                run("MARC_JSON_LINES", "lenient", 1, f));
    }

    /// The same with a quarantine: the record is one region of 90 MB, which does not fit in the
    /// heap: what the quarantine holds beyond 4 MiB waits in a temporary file, and the region is
    /// streamed from there.
    @Test
    void jsonRecord90MbWithAQuarantineIsOneRegion() throws Exception {
        String open = "{\"leader\":\"" + LEADER + "\",\"fields\":[{\"001\":\"r1\"}";
        byte[] unit = utf8(",{\"500\":{\"ind1\":\" \",\"ind2\":\" \",\"subfields\":[{\"a\":\"" + "x".repeat(1_000)
                + "\"}]}}");
        long count = 90L * 1024 * 1024 / unit.length;
        Path f = write("record-q.ndj", utf8(jsonRecord(0, "first") + "\n" + open), unit, count,
                utf8("]}\n" + jsonRecord(2, "third") + "\n"));
        long recordBytes = open.length() + count * unit.length + 2;
        assertEquals("records=2 diagnostics={LIMIT_EXCEEDED(maxRecordBytes)=1} trailing=[] quarantined=" + recordBytes
                + " regions=1 codes=[LIMIT_EXCEEDED]", run("MARC_JSON_LINES", "quarantine", 1, f));
    }

    /// 200 MB of valid MARC-in-JSON lines with a quarantine: records are never held for it.
    @Test
    void jsonLinesOf200MbWithAQuarantineStream() throws Exception {
        byte[] unit = utf8(jsonRecord(1, "x".repeat(2_000)) + "\n");
        long count = 200L * 1024 * 1024 / unit.length;
        Path f = write("valid-q.ndj", NONE, unit, count, NONE);
        assertEquals("records=" + count + " diagnostics={} trailing=[] quarantined=0 regions=0 codes=[]",
                run("MARC_JSON_LINES", "quarantine", 1, f));
    }

    /// With a quarantine, what lies between two records is held until the next one starts (it may
    /// yet be part of a region): a 200 MB comment streams through the quarantine's temporary
    /// file, and is markup in the end.
    @Test
    void xmlComment200MbBetweenRecordsWithAQuarantineStreams() throws Exception {
        Path f = write("comment-q.xml", utf8(HostileInputRegressionTest.COLLECTION + xmlRecord(0) + "<!--"),
                fill('c', 1 << 20), 200, utf8("-->" + xmlRecord(1) + "</collection>"));
        assertEquals("records=2 diagnostics={} trailing=[] quarantined=0 regions=0 codes=[]",
                run("MARCXML", "quarantine", 1, f));
    }

    /// A 200 MB unterminated comment with a quarantine: the rest of the document, from the end of
    /// the last record, is one region, streamed.
    @Test
    void xmlUnterminatedComment200MbWithAQuarantineIsOneRegion() throws Exception {
        byte[] head = utf8(HostileInputRegressionTest.COLLECTION + xmlRecord(0));
        Path f = write("open-comment-q.xml", utf8(HostileInputRegressionTest.COLLECTION + xmlRecord(0) + "<!--"),
                fill('c', 1 << 20), 200, NONE);
        long size = Files.size(f);
        assertEquals("records=1 diagnostics={} trailing=[SYNTAX_ERROR: XML is not well-formed: XML document"
                + " structures must start and end within the same entity.] quarantined=" + (size - head.length)
                + " regions=1 codes=[SYNTAX_ERROR]", run("MARCXML", "quarantine", 1, f));
    }

    /// A MARCMaker record over the limit with a quarantine: the record is kept (its lines are never
    /// part of a region), so nothing is held and nothing quarantined.
    @Test
    void mrkRecord90MbWithAQuarantineHoldsNothing() throws Exception {
        String ldr = "=LDR  " + LEADER.replace(' ', '\\') + "\n";
        byte[] unit = utf8("=500  \\\\$a" + "x".repeat(989) + "\n");
        Path f = write("record-q.mrk", utf8(ldr + "=001  r0\n\n" + ldr + "=001  r1\n"), unit,
                90L * 1024 * 1024 / unit.length, utf8("\n" + ldr + "=001  r2\n"));
        assertEquals("records=3 diagnostics={LIMIT_EXCEEDED(maxRecordBytes)=1} trailing=[] quarantined=0 regions=0"
                + " codes=[]", run("MARCMAKER", "quarantine", 1, f));
    }

    @Test
    void jsonString20MbIsOverMaxTokenLength() throws Exception {
        String open = "{\"leader\":\"" + LEADER + "\",\"fields\":[{\"001\":\"r1\"},{\"500\":{\"ind1\":\" \","
                + "\"ind2\":\" \",\"subfields\":[{\"a\":\"";
        Path f = write("string.ndj", utf8(jsonRecord(0, "first") + "\n" + open), fill('x', 1 << 20), 20,
                utf8("\"}]}}]}\n" + jsonRecord(2, "third") + "\n"));
        assertEquals("records=2 diagnostics={LIMIT_EXCEEDED(maxTokenLength)=1} trailing=[]",
                run("MARC_JSON_LINES", "lenient", 1, f));
    }

    /// 90 MB of 1,000-byte field lines in one record between two small ones.
    @Test
    void mrkRecord90MbIsOverMaxRecordBytes() throws Exception {
        String ldr = "=LDR  " + LEADER.replace(' ', '\\') + "\n";
        byte[] unit = utf8("=500  \\\\$a" + "x".repeat(989) + "\n");
        Path f = write("record.mrk", utf8(ldr + "=001  r0\n\n" + ldr + "=001  r1\n"), unit,
                90L * 1024 * 1024 / unit.length, utf8("\n" + ldr + "=001  r2\n"));
        assertEquals("records=3 diagnostics={LIMIT_EXCEEDED(maxRecordBytes)=1} trailing=[]",
                run("MARCMAKER", "lenient", 1, f));
    }
    /// Finding 9: a JSON array of a million small records read in parallel buffered the whole
    /// (one-line) array and then all its decoded records: OutOfMemoryError at 256 MB where the
    /// sequential reader needs 16 MB. The parallel reader now hands an array to the sequential
    /// reader at once.
    @Test
    void jsonArrayOfAMillionRecordsInParallel() throws Exception {
        byte[] unit = utf8(jsonRecord(1, "t") + ",");
        Path f = write("array.json", utf8("[" + jsonRecord(0, "t") + ","), unit, 999_998,
                utf8(jsonRecord(2, "t") + "]"));
        assertEquals("records=1000000 diagnostics={} trailing=[]", run("MARC_JSON", "strict", 4, f));
    }

    /// Finding 9, the same for one NDJSON line of 90 MB read in parallel: read sequentially from
    /// its start, so it is the sequential LIMIT_EXCEEDED and the next record is read.
    @Test
    void jsonLongLineInParallel() throws Exception {
        String open = "{\"leader\":\"" + LEADER + "\",\"fields\":[{\"001\":\"r1\"}";
        byte[] unit = utf8(",{\"500\":{\"ind1\":\" \",\"ind2\":\" \",\"subfields\":[{\"a\":\"" + "x".repeat(1_000)
                + "\"}]}}");
        Path f = write("record.ndj", utf8(jsonRecord(0, "first") + "\n" + open), unit, 90L * 1024 * 1024 / unit.length,
                utf8("]}\n" + jsonRecord(2, "third") + "\n"));
        assertEquals("records=2 diagnostics={LIMIT_EXCEEDED(maxRecordBytes)=1} trailing=[]",
                run("MARC_JSON_LINES", "lenient", 4, f));
    }
    /// One 100 MB text value in a MARCXML subfield was held up to maxRecordBytes (16 Mi
    /// characters), which is an OutOfMemoryError under -Xmx64m (found while writing these
    /// tests): one value is now held to maxTokenLength, the rest skipped.
    @Test
    void xmlText100MbIsOverMaxTokenLength() throws Exception {
        Path f = write("text.xml", utf8(HostileInputRegressionTest.COLLECTION + xmlRecord(0)
                + "<record><leader>" + LEADER + "</leader><controlfield tag=\"001\">r1</controlfield>"
                + "<datafield tag=\"500\" ind1=\" \" ind2=\" \"><subfield code=\"a\">"), fill('t', 1 << 20), 100,
                utf8("</subfield></datafield></record>" + xmlRecord(2) + "</collection>"));
        assertEquals("records=3 diagnostics={LIMIT_EXCEEDED(maxTokenLength)=1} trailing=[]",
                run("MARCXML", "lenient", 1, f));
    }
}
