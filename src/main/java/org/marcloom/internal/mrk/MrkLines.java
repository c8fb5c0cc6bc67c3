package org.marcloom.internal.mrk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;

/// Splits a channel into lines (LF or CRLF; a final line without a newline counts) without reading
/// the whole input: one 64 KiB read buffer and one growable line buffer, reused. Lines longer than
/// `maxLine` bytes are cut: the rest up to the newline is skipped and [#overlong()] says so.
/// A UTF-8 byte order mark at the start of the input is dropped. Not thread-safe.
final class MrkLines {

    private final ReadableByteChannel channel;
    private final ByteBuffer in = ByteBuffer.allocate(64 * 1024);
    private final int maxLine;
    private byte[] line = new byte[256];
    private int length;
    private int number;
    private boolean overlong;
    private boolean eof;
    private boolean first = true;
    /// Bytes read into `in` before its current contents.
    private long consumedBefore;
    /// Absolute offset of the current line's first byte (after a dropped byte order mark).
    private long offset;
    /// Absolute offset just after the current line (after its newline, or at the end of the input).
    private long end;

    MrkLines(ReadableByteChannel channel, int maxLine) {
        this.channel = channel;
        this.maxLine = maxLine;
        in.flip();
    }

    /// Reads the next line into [#bytes()]; false at the end of the input.
    boolean next() {
        length = 0;
        overlong = false;
        boolean any = false;
        offset = consumedBefore + in.position();
        while (true) {
            if (!in.hasRemaining()) {
                if (eof || !fill()) {
                    eof = true;
                    if (any) {
                        break;
                    }
                    return false;
                }
            }
            any = true;
            byte b = in.get();
            if (b == '\n') {
                break;
            }
            if (length < maxLine) {
                if (length == line.length) {
                    byte[] bigger = new byte[Math.min(Math.max(16, line.length * 2), maxLine)];
                    System.arraycopy(line, 0, bigger, 0, length);
                    line = bigger;
                }
                line[length++] = b;
            } else {
                overlong = true;
            }
        }
        number++;
        end = consumedBefore + in.position();
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        if (first) {
            first = false;
            if (length >= 3 && (line[0] & 0xFF) == 0xEF && (line[1] & 0xFF) == 0xBB && (line[2] & 0xFF) == 0xBF) {
                System.arraycopy(line, 3, line, 0, length - 3);
                length -= 3;
                offset += 3;
            }
        }
        return true;
    }

    private boolean fill() {
        consumedBefore += in.limit();
        in.clear();
        try {
            int n;
            do {
                n = channel.read(in);
            } while (n == 0);
            in.flip();
            return n > 0;
        } catch (IOException e) {
            in.flip();
            throw new UncheckedIOException("reading MARCMaker input", e);
        }
    }

    byte[] bytes() {
        return line;
    }

    int length() {
        return length;
    }

    /// Absolute byte offset of the current line's first byte in the input.
    long offset() {
        return offset;
    }

    /// Absolute byte offset just after the current line: after its newline, or the input's end.
    long end() {
        return end;
    }

    /// One-based number of the current line.
    int number() {
        return number;
    }

    /// Whether the current line was longer than the limit and was cut.
    boolean overlong() {
        return overlong;
    }
}
