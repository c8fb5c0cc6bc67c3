package org.marcloom.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/// A growable byte array the encoders write into: `data[0, size)` holds the bytes. Its fields are
/// public so that hot encoding loops can write `data[p++]` and set `size` once. Not thread-safe.
public final class OutputBuffer {

    /// The bytes; `data[0, size)` are written.
    public byte[] data;
    /// How many bytes are written.
    public int size;

    /// @param capacity the initial capacity in bytes
    public OutputBuffer(int capacity) {
        data = new byte[Math.max(16, capacity)];
    }

    /// Makes room for `more` bytes after [#size]; returns [#data] (which may be a new array).
    ///
    /// @throws IllegalStateException when the buffer would exceed the largest array
    public byte[] ensure(int more) {
        long want = (long) size + more;
        if (want > data.length) {
            if (want > Integer.MAX_VALUE - 16) {
                throw new IllegalStateException("output buffer too large (" + want + " bytes)");
            }
            data = Arrays.copyOf(data, (int) Math.min(Math.max(want, (long) data.length * 2), Integer.MAX_VALUE - 16));
        }
        return data;
    }

    /// Appends `bytes`.
    public void put(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, data, size, bytes.length);
        size += bytes.length;
    }

    /// Appends one byte.
    public void put(byte b) {
        ensure(1);
        data[size++] = b;
    }

    /// Writes the bytes to `out` and empties the buffer; a buffer grown past `keep` bytes by one
    /// huge record is replaced by a smaller one.
    public void drainTo(OutputStream out, int keep) throws IOException {
        if (size > 0) {
            out.write(data, 0, size);
            size = 0;
        }
        if (data.length > keep * 4) {
            data = new byte[keep];
        }
    }
}
