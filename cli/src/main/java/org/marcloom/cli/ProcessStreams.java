package org.marcloom.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;

/// The process's standard output for [Main#main]: a 64 KiB buffer with no flush per write
/// (`System.out` flushes on every `write(byte[])`), and the first write error kept, so that a full
/// disk is reported with the system's reason ("No space left on device") instead of the silence of
/// [PrintStream#checkError()].
final class ProcessStreams {

    private ProcessStreams() {
    }

    /// An output stream that remembers the first [IOException] it threw.
    static final class Recording extends FilterOutputStream {
        private volatile IOException failure;

        Recording(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            try {
                out.write(b);
            } catch (IOException e) {
                throw record(e);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                throw record(e);
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                throw record(e);
            }
        }

        private IOException record(IOException e) {
            if (failure == null) {
                failure = e;
            }
            return e;
        }

        /// The first write error, or `null`.
        IOException failure() {
            return failure;
        }
    }

    /// A print stream that records its first write error.
    static final class RecordingPrintStream extends PrintStream {
        private final Recording sink;

        RecordingPrintStream(Recording sink, Charset charset) {
            super(new BufferedOutputStream(sink, 1 << 16), false, charset);
            this.sink = sink;
        }

        /// The first write error, or `null`.
        IOException failure() {
            return sink.failure();
        }
    }

    /// Standard output, buffered, in the platform's `stdout.encoding`.
    static RecordingPrintStream stdout() {
        String enc = System.getProperty("stdout.encoding");
        Charset cs = enc == null ? Charset.defaultCharset() : Charset.forName(enc, Charset.defaultCharset());
        return new RecordingPrintStream(new Recording(new FileOutputStream(FileDescriptor.out)), cs);
    }
}
