package org.marcloom.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marcloom.testing.CountingThreads;

/// `marcloom validate --marc21`: the per-record report and the corpus summary of a fixture set,
/// line by line, as text, JSON and CSV; exit statuses; the same report on several threads.
class ValidateMarc21CommandTest {

    static final String[] SET = {
        "fixtures/iso2709/traject__880_with_no_6.utf8.marc", "fixtures/iso2709/marc-perl__hebrew1.marc",
        "fixtures/iso2709/marc4j__summerland.mrc", "fixtures/iso2709/evergreen__auth-subset100.mrc",
        "fixtures/iso2709/yaz__marc9.marc", "fixtures/iso2709/marc4j__sample1.mrc"};

    static String[] args(String[] head, String... files) {
        String[] all = new String[head.length + files.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(files, 0, all, head.length, files.length);
        return all;
    }

    @Test
    void textReportAndCorpusSummaryLineByLine() {
        CliRun r = CliRun.run(args(new String[] {"validate", "--marc21"}, SET));
        assertEquals(1, r.status());
        assertEquals("", r.stderr());
        List<String> lines = r.stdout().lines().toList();
        assertEquals(List.of(
                "fixtures/iso2709/traject__880_with_no_6.utf8.marc: record 0 (001 3468569): 4 problems",
                "  TAG_UNDEFINED field 4 (019): field 019 is not defined in MARC 21 Bibliographic",
                "  TAG_UNDEFINED field 10 (049): field 049 is not defined in MARC 21 Bibliographic",
                "  LINK_UNPAIRED field 13 (110), $6: field 110 with $6 880-01 has no field 880 with $6 110-01",
                "  LINKAGE_INVALID field 26 (880), $6: field 880 has no subfield $6 (Linkage), so it is linked to no field",
                "fixtures/iso2709/marc-perl__hebrew1.marc: record 0 (001 MIUH01-S10): 2 problems",
                "  LINK_UNPAIRED field 9 (245), $6: field 245 with $6 880-01 has no field 880 with $6 245-01",
                "  LINK_UNPAIRED field 15 (880), $6: field 880 with $6 246-01/(2/r has no field 246 with $6 880-01",
                "fixtures/iso2709/evergreen__auth-subset100.mrc: record 0 (001 IISGa11554924): 1 problem",
                "  POSITION_UNDEFINED LDR/22: leader/22 (Length of the implementation-defined portion) is ' '; defined: 0",
                "fixtures/iso2709/evergreen__auth-subset100.mrc: record 1 (001 IISGa11689932): 1 problem",
                "  POSITION_UNDEFINED LDR/22: leader/22 (Length of the implementation-defined portion) is ' '; defined: 0",
                "fixtures/iso2709/evergreen__auth-subset100.mrc: record 2 (001 IISGa10069848): 1 problem",
                "  POSITION_UNDEFINED LDR/22: leader/22 (Length of the implementation-defined portion) is ' '; defined: 0",
                "fixtures/iso2709/evergreen__auth-subset100.mrc: record 3 (001 IISGa10744884): 2 problems",
                "  POSITION_UNDEFINED LDR/17: leader/17 (Encoding level) is '0'; defined: n, o",
                "  POSITION_UNDEFINED LDR/22: leader/22 (Length of the implementation-defined portion) is 'Y'; defined: 0",
                "fixtures/iso2709/evergreen__auth-subset100.mrc: record 4 (001 IISGa11419919): 1 problem",
                "  POSITION_UNDEFINED LDR/22: leader/22 (Length of the implementation-defined portion) is ' '; defined: 0",
                "fixtures/iso2709/evergreen__auth-subset100.mrc: record 5 (001 IISGa10474870): 1 problem",
                "  POSITION_UNDEFINED LDR/22: leader/22 (Length of the implementation-defined portion) is ' '; defined: 0",
                "fixtures/iso2709/evergreen__auth-subset100.mrc: record 6 (001 IISGa10474871): 1 problem",
                "  POSITION_UNDEFINED LDR/22: leader/22 (Length of the implementation-defined portion) is ' '; defined: 0",
                "fixtures/iso2709/evergreen__auth-subset100.mrc: record 7 (001 IISGa10069850): 1 problem",
                "  POSITION_UNDEFINED LDR/22: leader/22 (Length of the implementation-defined portion) is ' '; defined: 0",
                "fixtures/iso2709/evergreen__auth-subset100.mrc: record 8 (001 IISGa11554927): 1 problem",
                "  POSITION_UNDEFINED LDR/22: leader/22 (Length of the implementation-defined portion) is ' '; defined: 0",
                "fixtures/iso2709/evergreen__auth-subset100.mrc: record 9 (001 IISGa10069851): 1 problem",
                "  POSITION_UNDEFINED LDR/22: leader/22 (Length of the implementation-defined portion) is ' '; defined: 0",
                "fixtures/iso2709/evergreen__auth-subset100.mrc: record 10 (001 IISGa10474872): 1 problem",
                "  POSITION_UNDEFINED LDR/22: leader/22 (Length of the implementation-defined portion) is ' '; defined: 0",
                "fixtures/iso2709/evergreen__auth-subset100.mrc: record 11 (001 IISGa11419921): 1 problem",
                "  POSITION_UNDEFINED LDR/22: leader/22 (Length of the implementation-defined portion) is ' '; defined: 0",
                "fixtures/iso2709/evergreen__auth-subset100.mrc: record 12 (001 IISGa10474873): 1 problem",
                "  POSITION_UNDEFINED LDR/22: leader/22 (Length of the implementation-defined portion) is ' '; defined: 0",
                "fixtures/iso2709/evergreen__auth-subset100.mrc: record 13 (001 IISGa11554929): 1 problem",
                "  POSITION_UNDEFINED LDR/22: leader/22 (Length of the implementation-defined portion) is ' '; defined: 0",
                "fixtures/iso2709/evergreen__auth-subset100.mrc: record 14 (001 IISGa10069852): 1 problem",
                "  POSITION_UNDEFINED LDR/22: leader/22 (Length of the implementation-defined portion) is ' '; defined: 0",
                "fixtures/iso2709/evergreen__auth-subset100.mrc: record 15 (001 IISGa10474874): 1 problem",
                "  POSITION_UNDEFINED LDR/22: leader/22 (Length of the implementation-defined portion) is ' '; defined: 0",
                "fixtures/iso2709/evergreen__auth-subset100.mrc: record 16 (001 IISGa11419924): 1 problem",
                "  POSITION_UNDEFINED LDR/22: leader/22 (Length of the implementation-defined portion) is ' '; defined: 0",
                "fixtures/iso2709/yaz__marc9.marc: record 0 (001   2005336282): 1 problem",
                "  TAG_UNDEFINED field 5 (012): field 012 is not defined in MARC 21 Bibliographic",
                "fixtures/iso2709/marc4j__sample1.mrc: record 0 (001 370589): 4 problems",
                "  LEADER_INVALID (reader, byte 22): leader/22 is the byte 0x02, not a printable ASCII character",
                "  POSITION_UNDEFINED LDR/17: leader/17 (Encoding level) is 'I'; defined: blank, 1, 2, 3, 4, 5, 7, 8, u, z",
                "  POSITION_UNDEFINED LDR/22: leader/22 (Length of the implementation-defined portion) is '\\u0002'; defined: 0",
                "  TAG_UNDEFINED field 8 (049): field 049 is not defined in MARC 21 Bibliographic",
                "fixtures/iso2709/marc4j__sample1.mrc: record 1 (001 377291): 1 problem",
                "  POSITION_UNDEFINED LDR/18: leader/18 (Item information in record) is ' '; defined: i, n",
                "fixtures/iso2709/marc4j__sample1.mrc: record 2 (001 370607): 5 problems",
                "  LEADER_INVALID (reader, byte 1744): leader/22 is the byte 0x01, not a printable ASCII character",
                "  POSITION_UNDEFINED LDR/22: leader/22 (Length of the implementation-defined portion) is '\\u0001'; defined: 0",
                "  TAG_UNDEFINED field 9 (019): field 019 is not defined in MARC 21 Bibliographic",
                "  TAG_UNDEFINED field 12 (029): field 029 is not defined in MARC 21 Bibliographic",
                "  TAG_UNDEFINED field 16 (049): field 049 is not defined in MARC 21 Bibliographic",
                "fixtures/iso2709/marc4j__sample1.mrc: record 3 (001 377309): 1 problem",
                "  POSITION_UNDEFINED LDR/18: leader/18 (Item information in record) is ' '; defined: i, n",
                "fixtures/iso2709/marc4j__sample1.mrc: record 4 (001 370627): 5 problems",
                "  LEADER_INVALID (reader, byte 3384): leader/22 is the byte 0x01, not a printable ASCII character",
                "  POSITION_UNDEFINED LDR/22: leader/22 (Length of the implementation-defined portion) is '\\u0001'; defined: 0",
                "  TAG_UNDEFINED field 7 (019): field 019 is not defined in MARC 21 Bibliographic",
                "  TAG_UNDEFINED field 9 (029): field 029 is not defined in MARC 21 Bibliographic",
                "  TAG_UNDEFINED field 15 (049): field 049 is not defined in MARC 21 Bibliographic",
                "fixtures/iso2709/marc4j__sample1.mrc: record 5 (001 377328): 1 problem",
                "  POSITION_UNDEFINED LDR/18: leader/18 (Item information in record) is ' '; defined: i, n",
                "fixtures/iso2709/marc4j__sample1.mrc: record 6 (001 370636): 3 problems",
                "  INVALID_UTF8 (reader, byte 6116, tag 245): byte 0xF8 is not valid UTF-8 (and 4 more bad sequences in this"
                        + " value); replaced with U+FFFD",
                "  TAG_UNDEFINED field 10 (029): field 029 is not defined in MARC 21 Bibliographic",
                "  TAG_UNDEFINED field 16 (049): field 049 is not defined in MARC 21 Bibliographic",
                "fixtures/iso2709/marc4j__sample1.mrc: record 7 (001 377337): 1 problem",
                "  POSITION_UNDEFINED LDR/18: leader/18 (Item information in record) is ' '; defined: i, n",
                "summary: 29 records in 6 files, 28 with findings, 42 findings; 4 reader diagnostics in 4 records; 0 records"
                        + " not checked (no MARC 21 definitions for their type)",
                "by code:",
                "  INVALID_UTF8        1",
                "  LEADER_INVALID      3",
                "  LINKAGE_INVALID     1",
                "  LINK_UNPAIRED       3",
                "  POSITION_UNDEFINED  26",
                "  TAG_UNDEFINED       12",
                "by code and tag:",
                "  INVALID_UTF8        245  1",
                "  LEADER_INVALID      -    3",
                "  LINKAGE_INVALID     880  1",
                "  LINK_UNPAIRED       110  1",
                "  LINK_UNPAIRED       245  1",
                "  LINK_UNPAIRED       880  1",
                "  POSITION_UNDEFINED  LDR  26",
                "  TAG_UNDEFINED       012  1",
                "  TAG_UNDEFINED       019  3",
                "  TAG_UNDEFINED       029  3",
                "  TAG_UNDEFINED       049  5"), lines);
    }

    @Test
    void jsonLines() {
        CliRun r = CliRun.run("validate", "--marc21", "--format", "json", "fixtures/iso2709/marc-perl__hebrew1.marc",
                "fixtures/iso2709/marc4j__summerland.mrc");
        assertEquals(1, r.status());
        assertEquals(List.of(
                "{\"file\":\"fixtures/iso2709/marc-perl__hebrew1.marc\",\"record\":0,\"id\":\"MIUH01-S10\",\"findings\":["
                        + "{\"code\":\"LINK_UNPAIRED\",\"field\":9,\"tag\":\"245\",\"subfield\":\"6\",\"position\":-1,"
                        + "\"value\":\"880-01\",\"label\":\"Linkage\",\"message\":\"field 245 with $6 880-01 has no field 880"
                        + " with $6 245-01\"},{\"code\":\"LINK_UNPAIRED\",\"field\":15,\"tag\":\"880\",\"subfield\":\"6\","
                        + "\"position\":-1,\"value\":\"246-01/(2/r\",\"label\":\"Linkage\",\"message\":\"field 880 with $6"
                        + " 246-01/(2/r has no field 246 with $6 880-01\"}],\"diagnostics\":[]}",
                "{\"summary\":{\"files\":2,\"records\":2,\"recordsWithFindings\":1,\"findings\":2,\"recordsWithDiagnostics\":0,"
                        + "\"diagnostics\":0,\"notChecked\":0,\"byCode\":{\"LINK_UNPAIRED\":2},\"byCodeAndTag\":["
                        + "{\"code\":\"LINK_UNPAIRED\",\"tag\":\"245\",\"count\":1},{\"code\":\"LINK_UNPAIRED\",\"tag\":\"880\","
                        + "\"count\":1}]}}"), r.stdout().lines().toList());
    }

    @Test
    void csvRowsThenSummaryRows() {
        CliRun r = CliRun.run("validate", "--marc21", "--format", "csv", "fixtures/iso2709/marc-perl__hebrew1.marc",
                "fixtures/iso2709/traject__880_with_no_6.utf8.marc");
        assertEquals(1, r.status());
        assertEquals(List.of(
                "file,record,id,kind,code,field,tag,subfield,position,value,label,message",
                "fixtures/iso2709/marc-perl__hebrew1.marc,0,MIUH01-S10,finding,LINK_UNPAIRED,9,245,6,,880-01,Linkage,"
                        + "field 245 with $6 880-01 has no field 880 with $6 245-01",
                "fixtures/iso2709/marc-perl__hebrew1.marc,0,MIUH01-S10,finding,LINK_UNPAIRED,15,880,6,,246-01/(2/r,Linkage,"
                        + "field 880 with $6 246-01/(2/r has no field 246 with $6 880-01",
                "fixtures/iso2709/traject__880_with_no_6.utf8.marc,0,3468569,finding,TAG_UNDEFINED,4,019,,,,,"
                        + "field 019 is not defined in MARC 21 Bibliographic",
                "fixtures/iso2709/traject__880_with_no_6.utf8.marc,0,3468569,finding,TAG_UNDEFINED,10,049,,,,,"
                        + "field 049 is not defined in MARC 21 Bibliographic",
                "fixtures/iso2709/traject__880_with_no_6.utf8.marc,0,3468569,finding,LINK_UNPAIRED,13,110,6,,880-01,Linkage,"
                        + "field 110 with $6 880-01 has no field 880 with $6 110-01",
                "fixtures/iso2709/traject__880_with_no_6.utf8.marc,0,3468569,finding,LINKAGE_INVALID,26,880,6,,,Linkage,"
                        + "\"field 880 has no subfield $6 (Linkage), so it is linked to no field\"",
                "",
                "code,tag,count",
                "LINKAGE_INVALID,880,1",
                "LINK_UNPAIRED,110,1",
                "LINK_UNPAIRED,245,1",
                "LINK_UNPAIRED,880,1",
                "TAG_UNDEFINED,019,1",
                "TAG_UNDEFINED,049,1"), r.stdout().lines().toList());
    }

    @Test
    void exitStatuses() {
        CliRun clean = CliRun.run("validate", "--marc21", "fixtures/iso2709/marc4j__summerland.mrc",
                "fixtures/iso2709/marc-perl__cjk1.marc");
        assertEquals(0, clean.status());
        assertEquals("summary: 2 records in 2 files, 0 with findings, 0 findings; 0 reader diagnostics in 0 records;"
                + " 0 records not checked (no MARC 21 definitions for their type)\n", clean.stdout());
        assertEquals(1, CliRun.run("validate", "--marc21", "fixtures/iso2709/yaz__marc9.marc").status());
        CliRun format = CliRun.run("validate", "--marc21", "--format", "xml", "fixtures/iso2709/yaz__marc9.marc");
        assertEquals(2, format.status());
        assertEquals(List.of("marcloom validate: unknown --format 'xml' (use text, json or csv) (see marcloom validate"
                + " --help)"), format.errLines());
        CliRun without = CliRun.run("validate", "--format", "json", "fixtures/iso2709/yaz__marc9.marc");
        assertEquals(2, without.status());
        assertEquals(List.of("marcloom validate: --format needs --marc21 (see marcloom validate --help)"),
                without.errLines());
        CliRun missing = CliRun.run("validate", "--marc21", "--profile", "no/such/profile.json",
                "fixtures/iso2709/yaz__marc9.marc");
        assertEquals(1, missing.status());
        assertTrue(missing.stderr().startsWith("marcloom: reading the MARC 21 profile no/such/profile.json"),
                missing.stderr());
    }

    @Test
    void aFileInNoFormatIsReportedAndTheOthersGoOn() {
        CliRun r = CliRun.run("validate", "--marc21", "fixtures/iso2709/marc-perl__filler.usmarc",
                "fixtures/iso2709/marc4j__summerland.mrc");
        assertEquals(1, r.status());
        List<String> lines = r.stdout().lines().toList();
        assertEquals("fixtures/iso2709/marc-perl__filler.usmarc: outside any record", lines.get(0));
        assertTrue(lines.get(1).startsWith("  STRUCTURE_INVALID (reader, byte 0): the input is in no format marcloom"
                + " recognises"), lines.get(1));
        assertEquals("summary: 1 record in 2 files, 0 with findings, 0 findings; 1 reader diagnostic in 0 records;"
                + " 0 records not checked (no MARC 21 definitions for their type)", lines.get(2));
    }

    @Test
    void localFieldsAndProfiles(@TempDir Path dir) throws IOException {
        String oclc = "fixtures/iso2709/traject__musical_cage.marc";
        CliRun plain = CliRun.run("validate", "--marc21", oclc);
        assertEquals(List.of(
                "fixtures/iso2709/traject__musical_cage.marc: record 0 (001 2350681): 2 problems",
                "  POSITION_UNDEFINED LDR/17: leader/17 (Encoding level) is 'I'; defined: blank, 1, 2, 3, 4, 5, 7, 8, u, z",
                "  TAG_UNDEFINED field 15 (049): field 049 is not defined in MARC 21 Bibliographic"),
                plain.stdout().lines().limit(3).toList());
        CliRun noLocal = CliRun.run("validate", "--marc21", "--no-local", oclc);
        assertEquals(List.of(
                "fixtures/iso2709/traject__musical_cage.marc: record 0 (001 2350681): 6 problems",
                "  POSITION_UNDEFINED LDR/17: leader/17 (Encoding level) is 'I'; defined: blank, 1, 2, 3, 4, 5, 7, 8, u, z",
                "  TAG_UNDEFINED field 15 (049): field 049 is not defined in MARC 21 Bibliographic",
                "  TAG_UNDEFINED field 29 (590): field 590 is not defined in MARC 21 Bibliographic (a local field; allowed"
                        + " unless local fields are refused)",
                "  TAG_UNDEFINED field 55 (910): field 910 is not defined in MARC 21 Bibliographic (a local field; allowed"
                        + " unless local fields are refused)",
                "  TAG_UNDEFINED field 56 (991): field 991 is not defined in MARC 21 Bibliographic (a local field; allowed"
                        + " unless local fields are refused)",
                "  TAG_UNDEFINED field 57 (994): field 994 is not defined in MARC 21 Bibliographic (a local field; allowed"
                        + " unless local fields are refused)"), noLocal.stdout().lines().limit(7).toList());
        Path profile = dir.resolve("oclc.json");
        Files.writeString(profile, """
                {"fields": {
                  "049": {"label": "Local Holdings (OCLC)", "repeatable": false,
                          "subfields": {"a": {"label": "Holding library", "repeatable": true}}}
                },
                "note": "OCLC's encoding levels are not Avram field definitions; the leader is checked as MARC 21 says"}
                """);
        CliRun withProfile = CliRun.run("validate", "--marc21", "--profile", profile.toString(), oclc);
        assertEquals(List.of(
                "fixtures/iso2709/traject__musical_cage.marc: record 0 (001 2350681): 1 problem",
                "  POSITION_UNDEFINED LDR/17: leader/17 (Encoding level) is 'I'; defined: blank, 1, 2, 3, 4, 5, 7, 8, u, z"),
                withProfile.stdout().lines().limit(2).toList());
    }

    @Test
    void theSameReportOnSeveralThreads() {
        String[] files = {"fixtures/iso2709/evergreen__jazz_1k.mrc", "fixtures/iso2709/marc4j__pride-and-prejudice-fixed.mrc",
            "fixtures/xml/marc2bibframe2__gwu.xml", "fixtures/json/marc-perl__test.ndj"};
        CliRun one = CliRun.run(args(new String[] {"validate", "--marc21", "--concurrency", "1"}, files));
        assertEquals(1, one.status());
        assertTrue(one.stdout().contains("summary: 1491 records in 4 files, 1363 with findings, 12238 findings; 5 reader"
                + " diagnostics in 5 records; 0 records not checked"), one.stdout().lines()
                .filter(l -> l.startsWith("summary")).toList().toString());
        for (String format : List.of("text", "json", "csv")) {
            CliRun seq = CliRun.run(args(new String[] {"validate", "--marc21", "--format", format, "--concurrency", "1"},
                    files));
            CountingThreads threads = CountingThreads.virtual();
            CliRun par = CliRun.runWith(threads, new byte[0], args(new String[] {"validate", "--marc21", "--format",
                format, "--concurrency", "4"}, files));
            assertEquals(seq.status(), par.status(), format);
            assertEquals(seq.stdout(), par.stdout(), format);
            assertEquals(seq.stderr(), par.stderr(), format);
            assertTrue(threads.created() > 4, "checked and decoded on the injected threads: " + threads.created());
            assertTrue(threads.allTerminated(), "no thread outlives the command");
        }
    }
}
