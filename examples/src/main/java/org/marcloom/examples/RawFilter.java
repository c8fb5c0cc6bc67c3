package org.marcloom.examples;

import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.TRUNCATE_EXISTING;
import static java.nio.file.StandardOpenOption.WRITE;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileChannel.MapMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.marcloom.MarcReader;
import org.marcloom.RawRecord;

/// Copies the records of one type to a new file without decoding them: `readRaw()` frames each
/// record and hands over its bytes exactly as they are in the input; the filter looks at one
/// leader byte (leader/06, the type of record) and writes the selected records' bytes unchanged.
///
/// Nothing is decoded, so this is as fast as the disk, and a record with bad data in a field
/// (which a strict `read()` would reject) is copied as it is. The example then checks that the
/// output is byte for byte the selected records' bytes in the input.
///
/// Run from the checkout's top folder (default: the musical sound recordings, leader/06 `j`, of
/// `fixtures/iso2709/evergreen__jazz_1k.mrc`, written to `target/examples/jazz-j.mrc`):
/// `java -cp examples/target/marcloom-examples.jar org.marcloom.examples.RawFilter [in.mrc] [out.mrc] [leader/06]`
public final class RawFilter {

    private RawFilter() {
    }

    public static void main(String[] args) throws IOException {
        Path in = Path.of(args.length > 0 ? args[0] : "fixtures/iso2709/evergreen__jazz_1k.mrc");
        Path out = Path.of(args.length > 1 ? args[1] : "target/examples/jazz-j.mrc");
        byte type = (byte) (args.length > 2 ? args[2].charAt(0) : 'j');
        Files.createDirectories(out.toAbsolutePath().getParent());

        long read = 0;
        List<long[]> written = new ArrayList<>();      // offset and length in the input, for the check
        try (MarcReader reader = MarcReader.open(in);
             FileChannel channel = FileChannel.open(out, CREATE, TRUNCATE_EXISTING, WRITE)) {
            for (RawRecord raw = reader.readRaw(); raw != null; raw = reader.readRaw()) {
                read++;
                if (raw.byteAt(6) == type) {
                    channel.write(raw.buffer());
                    written.add(new long[] {raw.offset(), raw.length()});
                }
            }
        }
        System.out.printf("%s: %d records read, %d with leader/06 '%c' written to %s (%d bytes)%n",
                in, read, written.size(), (char) type, out, Files.size(out));
        System.out.println("output bytes equal the selected input records' bytes: " + sameBytes(in, written, out));
    }

    /// Compares the output, in order, with each written record's bytes read again from the input
    /// file at the record's offset.
    private static boolean sameBytes(Path in, List<long[]> written, Path out) throws IOException {
        try (FileChannel input = FileChannel.open(in); FileChannel output = FileChannel.open(out)) {
            long position = 0;
            for (long[] span : written) {
                if (!input.map(MapMode.READ_ONLY, span[0], span[1])
                        .equals(output.map(MapMode.READ_ONLY, position, span[1]))) {
                    return false;
                }
                position += span[1];
            }
            return position == output.size();
        }
    }
}
