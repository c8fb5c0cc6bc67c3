package org.marcloom.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.marcloom.MarcParseException;
import org.marcloom.MarcReader;
import org.marcloom.record.MarcRecord;

/// `convert --threads`: the ordered pipeline gives exactly the bytes of a sequential run, whatever
/// the writer's framing (a document prefix written early or late, separators, a suffix).
class ParallelConverterTest {

    /// Three shapes of writer output, as the real writers have them.
    enum Shape {
        /// A JSON array: `[` and separators written lazily, before the next record.
        LAZY_PREFIX_AND_SEPARATORS,
        /// MARCXML: `<collection>` written when the writer opens, `</collection>` on close.
        EAGER_PREFIX,
        /// NDJSON, MARCMaker, ISO 2709: each record ends with its own terminator; no framing.
        TERMINATED
    }

    /// A buffering fake writer of the given shape; records as one-line text.
    static ParallelConverter.EncoderFactory fake(Shape shape) {
        return target -> {
            OutputStream out = new BufferedOutputStream(target, 100);
            return new ParallelConverter.Encoder() {
                long written;
                boolean opened = shape == Shape.EAGER_PREFIX && print("<collection>\n");

                boolean print(String s) {
                    try {
                        out.write(s.getBytes(StandardCharsets.UTF_8));
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    return true;
                }

                @Override
                public void write(MarcRecord record) {
                    String text = record.toString().replace('\n', '|');
                    switch (shape) {
                        case LAZY_PREFIX_AND_SEPARATORS -> print((written == 0 ? "[\n" : ",\n") + text);
                        case EAGER_PREFIX -> print("<record>" + text + "</record>\n");
                        case TERMINATED -> print(text + "\n\n");
                    }
                    written++;
                }

                @Override
                public void flush() throws IOException {
                    out.flush();
                }

                @Override
                public void close() throws IOException {
                    switch (shape) {
                        case LAZY_PREFIX_AND_SEPARATORS -> print(written == 0 ? "[]\n" : "\n]\n");
                        case EAGER_PREFIX -> print("</collection>\n");
                        case TERMINATED -> {
                        }
                    }
                    out.flush();
                }
            };
        };
    }

    /// The sequential reference: every record of every input through one writer.
    static byte[] sequential(Shape shape, boolean lenient, String... inputs) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ParallelConverter.Encoder w = fake(shape).open(bytes)) {
            for (String in : inputs) {
                try (MarcReader r = MarcReader.builder().lenient(lenient).open(java.nio.file.Path.of(in))) {
                    for (MarcRecord rec : r) {
                        w.write(rec);
                    }
                }
            }
        }
        return bytes.toByteArray();
    }

    record Result(byte[] out, String err) {
    }

    static Result parallel(Shape shape, int threads, boolean lenient, String... inputs) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        Command.Context ctx = new Command.Context(new ByteArrayInputStream(new byte[0]),
                new PrintStream(OutputStream.nullOutputStream()), errStream, false);
        new ParallelConverter(fake(shape), MarcReader.builder().lenient(lenient), threads, ctx)
                .convert(List.of(inputs), out);
        return new Result(out.toByteArray(), err.toString(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @EnumSource(Shape.class)
    void outputIsByteIdenticalToASequentialRun(Shape shape) throws IOException {
        byte[] expected = sequential(shape, false, MainTest.CLEAN, MainTest.CAMEL, MainTest.CLEAN);
        for (int threads : new int[] {2, 3, 8}) {
            Result r = parallel(shape, threads, false, MainTest.CLEAN, MainTest.CAMEL, MainTest.CLEAN);
            assertArrayEquals(expected, r.out(), shape + " with " + threads + " threads");
            assertEquals("", r.err());
        }
    }

    @ParameterizedTest
    @EnumSource(Shape.class)
    void aSingleRecordAndAnEmptyInputComeOutAsSequentially(Shape shape) throws IOException {
        String one = MainTest.CAMEL;
        assertArrayEquals(sequential(shape, false, one), parallel(shape, 4, false, one).out());
        java.nio.file.Path empty = java.nio.file.Files.createTempFile("empty", ".mrc");
        try {
            assertArrayEquals(sequential(shape, false, empty.toString()),
                    parallel(shape, 4, false, empty.toString()).out());
        } finally {
            java.nio.file.Files.delete(empty);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 5})
    void lenientDiagnosticsComeInRecordOrder(int threads) throws IOException {
        byte[] expected = sequential(Shape.TERMINATED, true, MainTest.MANY_ERRORS, MainTest.BAD);
        Result r = parallel(Shape.TERMINATED, threads, true, MainTest.MANY_ERRORS, MainTest.BAD);
        assertArrayEquals(expected, r.out());
        // `count --lenient` reports the same diagnostics, sequentially.
        CliRun seq = CliRun.run("count", "--lenient", MainTest.MANY_ERRORS, MainTest.BAD);
        assertEquals(seq.stderr(), r.err());
    }

    @Test
    void strictErrorIsTheSequentialOne() {
        CliRun seq = CliRun.run("count", MainTest.CAMEL, MainTest.BAD);
        MarcParseException e = assertThrows(MarcParseException.class,
                () -> parallel(Shape.TERMINATED, 3, false, MainTest.CAMEL, MainTest.BAD));
        assertEquals(seq.errLines().getFirst(), "marcloom: " + e.getMessage());
    }
}
