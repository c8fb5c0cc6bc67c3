package org.marcloom.internal.json;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;

/// The bytes of a channel as an `InputStream` that can step back a bounded distance: it keeps the
/// last [#KEEP] bytes it handed out, so that after a syntax error [JsonSource] can rewind to the
/// error (which lies inside the last block the parser read) and restart on the next line. Memory
/// stays bounded whatever the input size. Not thread-safe.
final class ResyncInput extends InputStream {

    /// How far back a rewind can reach; more than any Jackson parser reads ahead (8000 bytes).
    static final int KEEP = 64 * 1024;

    private final ReadableByteChannel channel;
    private byte[] buf = new byte[KEEP * 2];
    private int pos;
    private int limit;
    /// Absolute offset of `buf[0]`.
    private long base;
    private boolean eof;

    ResyncInput(ReadableByteChannel channel) {
        this.channel = channel;
    }

    /// Absolute offset of the next byte to be read.
    long position() {
        return base + pos;
    }

    @Override
    public int read() throws IOException {
        if (pos == limit && !fill()) {
            return -1;
        }
        return buf[pos++] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (pos == limit && !fill()) {
            return -1;
        }
        int n = Math.min(len, limit - pos);
        System.arraycopy(buf, pos, b, off, n);
        pos += n;
        return n;
    }

    /// Moves the read position back (or forward) to an absolute offset still held; false when the
    /// offset is no longer (or not yet) in the buffer.
    boolean rewind(long absolute) {
        if (absolute < base || absolute > base + limit) {
            return false;
        }
        pos = (int) (absolute - base);
        return true;
    }

    /// The byte at an absolute offset still held, or -1.
    int peekAt(long absolute) {
        return absolute >= base && absolute < base + limit ? buf[(int) (absolute - base)] & 0xFF : -1;
    }

    /// Skips past the next `\n`; false when the input ends first.
    boolean skipLine() throws IOException {
        while (true) {
            while (pos < limit) {
                if (buf[pos++] == '\n') {
                    return true;
                }
            }
            if (!fill()) {
                return false;
            }
        }
    }

    /// Reads more input, keeping the last [#KEEP] bytes before `pos`; false at end of input.
    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        int keepFrom = Math.max(0, pos - KEEP);
        if (keepFrom > 0) {
            System.arraycopy(buf, keepFrom, buf, 0, limit - keepFrom);
            base += keepFrom;
            pos -= keepFrom;
            limit -= keepFrom;
        }
        if (limit == buf.length) {
            buf = java.util.Arrays.copyOf(buf, buf.length * 2);
        }
        while (true) {
            int n = channel.read(ByteBuffer.wrap(buf, limit, buf.length - limit));
            if (n < 0) {
                eof = true;
                return false;
            }
            if (n > 0) {
                limit += n;
                return true;
            }
        }
    }
}
