package org.marcloom.cli;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.marcloom.Diagnostic;
import org.marcloom.Limits;
import org.marcloom.MarcEncoding;
import org.marcloom.MarcFormat;
import org.marcloom.MarcReader;

/// Opens the inputs named on the command line: files, or `-` for standard input.
final class Inputs {

    static final String STDIN_NAME = "<stdin>";

    private Inputs() {
    }

    /// An open input: its display name, its reader and how many bytes have been read from it.
    static final class Input implements Closeable {
        final String name;
        final MarcReader reader;
        private final CountingChannel counter;
        /// The input's size in bytes, or -1 when unknown (standard input).
        final long size;

        private Input(String name, MarcReader reader, CountingChannel counter, long size) {
            this.name = name;
            this.reader = reader;
            this.counter = counter;
            this.size = size;
        }

        long bytesRead() {
            return counter.count;
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
    }

    /// How to open every input of a command: the reader settings from the command line, given to a
    /// fresh [MarcReader.Builder] for each input (a builder takes each setting once).
    ///
    /// @param lenient     `--lenient`
    /// @param format      `--from`, or `null` to detect each input's format
    /// @param encoding    `--encoding`, or `null` for leader/09
    /// @param concurrency how many threads decode each input
    /// @param quarantine  `--quarantine`, or `null`
    /// @param limits      the input limits, [Limits#DEFAULTS] changed by each `--limit`
    record Readers(boolean lenient, MarcFormat format, MarcEncoding encoding, int concurrency,
                   org.marcloom.Quarantine quarantine, Limits limits) {

        Readers(boolean lenient, MarcFormat format, MarcEncoding encoding, int concurrency, Limits limits) {
            this(lenient, format, encoding, concurrency, null, limits);
        }

        /// The same settings, lenient or not.
        Readers withLenient(boolean value) {
            return new Readers(value, format, encoding, concurrency, quarantine, limits);
        }

        /// The same settings, with this format.
        Readers withFormat(MarcFormat value) {
            return new Readers(lenient, value, encoding, concurrency, quarantine, limits);
        }

        /// The same settings, decoding on `value` threads.
        Readers withConcurrency(int value) {
            return new Readers(lenient, format, encoding, value, quarantine, limits);
        }

        /// The same settings, skipped bytes kept in `value`.
        Readers withQuarantine(org.marcloom.Quarantine value) {
            return new Readers(lenient, format, encoding, concurrency, value, limits);
        }

        /// A new builder with these settings.
        MarcReader.Builder builder() {
            MarcReader.Builder b = MarcReader.builder().lenient(lenient).concurrency(concurrency).limits(limits);
            if (format == null) {
                b.detectFormat();
            } else {
                b.format(format);
            }
            if (encoding != null) {
                b.encoding(encoding);
            }
            if (quarantine != null) {
                b.quarantine(quarantine);
            }
            return b;
        }
    }

    /// The reader settings from `--lenient`, `--from`, `--encoding` and `--limit` when the command
    /// has them.
    static Readers readers(String command, Args.Parsed args) throws Args.UsageException {
        String from = args.value("from");
        MarcFormat format = from != null && !from.equalsIgnoreCase("auto") ? Formats.format(command, "from", from) : null;
        String encoding = args.value("encoding");
        return new Readers(args.has("lenient"), format, encoding == null ? null : Formats.encoding(command, encoding), 1,
                limits(command, args));
    }

    /// [Limits#DEFAULTS] with each `--limit NAME=N` applied in order.
    ///
    /// @throws Args.UsageException for a value that is not `NAME=N`, an unknown name, or a number
    ///                             below the setting's smallest value (the message names it)
    static Limits limits(String command, Args.Parsed args) throws Args.UsageException {
        return limits(command, args, Limits.settings());
    }

    /// [#limits(String, Args.Parsed)] for a command that takes only the limits in `names` (one that
    /// frames records without decoding them).
    static Limits limits(String command, Args.Parsed args, List<String> names) throws Args.UsageException {
        List<String> given = args.values("limit");
        if (given.isEmpty()) {
            return Limits.DEFAULTS;
        }
        Limits.Builder b = Limits.builder();
        for (String v : given) {
            int eq = v.indexOf('=');
            String name = eq < 0 ? v : v.substring(0, eq);
            if (!names.contains(name)) {
                throw new Args.UsageException(command, names.size() == 1
                        ? "--limit takes " + names.getFirst() + "=N, not '" + v + "'"
                        : "--limit takes NAME=N with NAME one of " + String.join(", ", names) + ", not '" + v + "'");
            }
            int n;
            try {
                n = Integer.parseInt(v.substring(eq + 1));
            } catch (NumberFormatException e) {
                throw new Args.UsageException(command, "--limit " + name + " needs a whole number, not '" + v + "'");
            }
            try {
                b.set(name, n);
            } catch (IllegalArgumentException e) {
                throw new Args.UsageException(command, "--limit: " + e.getMessage());
            }
        }
        return b.build();
    }

    /// [#readers(String, Args.Parsed)] decoding on [#concurrency] threads.
    static Readers readers(String command, Args.Parsed args, List<String> inputs) throws Args.UsageException {
        return readers(command, args).withConcurrency(concurrency(command, args, inputs));
    }

    /// Inputs above this many bytes in all are decoded on every core unless `--concurrency` is given.
    static final long AUTO_CONCURRENCY_BYTES = 8L << 20;

    /// Cores needed before large inputs are decoded on several threads unprompted. On 2 cores the
    /// parallel reader and writer cost more than they gain (docs/benchmarks.md: `stats` of
    /// real-100k.mrc took 1.6 s with one thread and 3.7 s with two).
    static final int AUTO_CONCURRENCY_CORES = 4;

    /// The decoding threads: `--concurrency` when given; else, when the inputs are files of more
    /// than [#AUTO_CONCURRENCY_BYTES] in all and there are at least [#AUTO_CONCURRENCY_CORES]
    /// cores, one per core (at most 8); else 1. The output is the same whatever the number.
    static int concurrency(String command, Args.Parsed args, List<String> inputs) throws Args.UsageException {
        if (args.has("concurrency")) {
            return args.intValue("concurrency", 1, 1);
        }
        int cores = Runtime.getRuntime().availableProcessors();
        if (cores < AUTO_CONCURRENCY_CORES) {
            return 1;
        }
        long size = RecordLoop.totalSize(inputs);
        return size > AUTO_CONCURRENCY_BYTES ? Math.min(cores, 8) : 1;
    }

    /// Opens `name` (`-` is standard input, left open on close).
    ///
    /// @throws CliFailure when the file cannot be opened (with a one-line reason)
    static Input open(String name, Readers readers, Command.Context ctx) {
        MarcReader.Builder builder = readers.builder();
        if (readers.concurrency() > 1 && ctx.threads() != null) {
            builder.threadFactory(ctx.threads());
        }
        if (name.equals("-")) {
            CountingChannel counter = new CountingChannel(Channels.newChannel(ctx.stdin()));
            MarcReader reader = builder.sourceName(STDIN_NAME).keepOpen(true).open(counter);
            return new Input(STDIN_NAME, reader, counter, -1);
        }
        Path path = Path.of(name);
        if (Files.isDirectory(path)) {
            throw CliFailure.io(name + ": is a directory, not a file", null);
        }
        FileChannel channel;
        long size;
        try {
            channel = FileChannel.open(path, StandardOpenOption.READ);
            size = channel.size();
        } catch (IOException e) {
            throw CliFailure.io(describe(name, e), e);
        }
        CountingChannel counter = new CountingChannel(channel);
        try {
            MarcReader reader = builder.sourceName(name).keepOpen(false).open(counter);
            return new Input(name, reader, counter, size);
        } catch (RuntimeException e) {
            try {
                channel.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /// One line for an I/O error on a named file.
    static String describe(String name, IOException e) {
        if (e instanceof NoSuchFileException) {
            return name + ": no such file";
        }
        if (e instanceof AccessDeniedException) {
            return name + ": permission denied";
        }
        String m = e.getMessage();
        return name + ": " + (m == null ? e.getClass().getSimpleName() : m);
    }

    /// Prints diagnostics on standard error as `--verbose` and `--diagnostics` say ([DiagnosticPrinter]).
    static void report(Command.Context ctx, String name, List<Diagnostic> diagnostics) {
        if (!diagnostics.isEmpty()) {
            ctx.diagnostics().report(name, diagnostics);
        }
    }

    /// Whether the input will be read as ISO 2709 (named, or detected with nothing else to go on).
    static boolean isIso2709(MarcFormat from) {
        return from == null || from == MarcFormat.ISO_2709;
    }

    /// Counts the bytes read through a channel, for progress.
    static final class CountingChannel implements ReadableByteChannel {
        private final ReadableByteChannel in;
        private volatile long count;

        CountingChannel(ReadableByteChannel in) {
            this.in = in;
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            int n = in.read(dst);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public boolean isOpen() {
            return in.isOpen();
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
