package org.marcloom.faults;

import java.io.OutputStream;
import java.nio.file.Path;
import org.marcloom.MarcReader;
import org.marcloom.MarcWriter;
import org.marcloom.record.MarcRecord;

/// Run by [MemoryBoundTest] in a JVM with a small heap: reads `args[0]` with a reader and a
/// writer of `args[1]` threads each and prints `records=N written=M`.
public final class MemoryBoundMain {

    private MemoryBoundMain() {
    }

    /// @param args the file and the concurrency
    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[1]);
        long records = 0;
        long written;
        try (MarcReader reader = MarcReader.builder().concurrency(n).open(Path.of(args[0]));
             MarcWriter writer = MarcWriter.builder().concurrency(n).open(OutputStream.nullOutputStream())) {
            MarcRecord r;
            while ((r = reader.read()) != null) {
                records++;
                writer.write(r);
            }
            writer.flush();
            written = writer.recordsWritten();
        }
        System.out.println("records=" + records + " written=" + written);
    }
}
