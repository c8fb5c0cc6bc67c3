package org.marcloom.consumer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.marcloom.MarcReader;
import org.marcloom.ReaderOptions;
import org.marcloom.batch.FileResult;
import org.marcloom.batch.MarcBatch;
import org.marcloom.record.MarcRecord;

/// What a user's code does with marcloom: many files at once through the batch API, and one file
/// decoded on two threads.
public final class Counts {

    private Counts() {
    }

    /// The number of fields in each file, counted by [MarcBatch] with two files at a time and
    /// each file's format detected.
    ///
    /// @param files the files
    /// @return one result per file, in the order of `files`
    public static List<FileResult<Long>> fieldsPerFile(List<Path> files) {
        return MarcBatch.builder()
                .options(ReaderOptions.builder().lenient(true).build())
                .concurrency(2)
                .run(files, (file, reader) -> reader.stream().mapToLong(r -> r.fields().size()).sum());
    }

    /// Every record of an ISO 2709 file, decoded on two threads, in file order.
    ///
    /// @param file the file
    /// @return its records
    /// @throws IOException when the file cannot be read
    public static List<MarcRecord> readOnTwoThreads(Path file) throws IOException {
        List<MarcRecord> records = new ArrayList<>();
        try (MarcReader reader = MarcReader.builder().concurrency(2).open(file)) {
            for (MarcRecord rec : reader) {
                records.add(rec);
            }
        }
        return records;
    }
}
