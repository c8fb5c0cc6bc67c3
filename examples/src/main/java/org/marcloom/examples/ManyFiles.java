package org.marcloom.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.marcloom.MarcParseException;
import org.marcloom.batch.FileResult;
import org.marcloom.batch.MarcBatch;
import org.marcloom.batch.MarcBatchException;
import org.marcloom.record.MarcRecord;

/// Reads many files at once with `MarcBatch`, one thread per file, and reports each file: how
/// many records it had and what the task found in them, or where it failed.
///
/// Each file's format (ISO 2709, MARCXML, MARC-in-JSON, MARCMaker) is detected from its first
/// bytes. The results come back in the order of the files, whichever finishes first.
///
/// Two ways to handle a bad file:
/// - the task catches the `MarcParseException` and returns it as its result: the other files go
///   on, and the report says, file by file, which failed and exactly where;
/// - the task lets it escape: the first failure cancels the other files and `run` throws a
///   `MarcBatchException` whose `source()` names the file (the cause is the original exception).
///
/// Run from the checkout's top folder (default: six fixtures in four formats, one of them with a
/// bad record); files and folders may be given instead:
/// `java -cp examples/target/marcloom-examples.jar org.marcloom.examples.ManyFiles [file or folder ...]`
public final class ManyFiles {

    private ManyFiles() {
    }

    /// What the task found in one file: the subject headings it counted, or the error that
    /// stopped it.
    record Outcome(long subjects, MarcParseException failure) {
    }

    public static void main(String[] args) throws IOException {
        List<Path> files = args.length > 0 ? expand(args) : List.of(
                Path.of("fixtures/iso2709/pymarc__test.dat"),
                Path.of("fixtures/iso2709/evergreen__jazz_1k.mrc"),
                Path.of("fixtures/iso2709/traject__test_data.utf8.mrc"),
                Path.of("fixtures/xml/marc4j__chabon.xml"),
                Path.of("fixtures/json/marc-perl__test.ndj"),
                Path.of("fixtures/mrk/marc-perl__camel.mrk"));

        // 1. Every file is read to its end or its first error, and reported.
        List<FileResult<Outcome>> results = MarcBatch.builder().concurrency(4).run(files, (file, reader) -> {
            long subjects = 0;
            try {
                for (MarcRecord record : reader) {
                    subjects += record.subjects().size();
                }
                return new Outcome(subjects, null);
            } catch (MarcParseException e) {
                return new Outcome(subjects, e);
            }
        });
        long records = 0;
        long failed = 0;
        for (FileResult<Outcome> r : results) {
            records += r.records();
            MarcParseException e = r.result().failure();
            if (e == null) {
                System.out.printf("ok      %s: %d records, %d subject headings (%d ms)%n", r.path(), r.records(),
                        r.result().subjects(), r.elapsed().toMillis());
            } else {
                failed++;
                System.out.printf("FAILED  %s: %s at %s after %d good records%n", r.path(), e.code(),
                        e.diagnostic().location(), r.records());
            }
        }
        System.out.printf("%d files, %d records, %d failed%n", results.size(), records, failed);

        // 2. Fail fast: the first failure stops the batch and names its file.
        try {
            MarcBatch.builder().concurrency(4).run(files, (file, reader) -> reader.stream().count());
            System.out.println("fail fast: every file was read");
        } catch (MarcBatchException e) {
            System.out.println("fail fast: stopped by " + e.source() + ": "
                    + (e.getCause() instanceof MarcParseException p ? p.code() + " at " + p.diagnostic().location()
                    : e.getCause()));
        }
    }

    /// The files named, with each folder replaced by the regular files in it, sorted.
    private static List<Path> expand(String[] args) throws IOException {
        List<Path> files = new ArrayList<>();
        for (String arg : args) {
            Path p = Path.of(arg);
            if (Files.isDirectory(p)) {
                try (Stream<Path> list = Files.list(p)) {
                    list.filter(Files::isRegularFile).sorted().forEach(files::add);
                }
            } else {
                files.add(p);
            }
        }
        return files;
    }
}
