package org.marcloom.faults;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ClosedByInterruptException;
import java.util.concurrent.CountDownLatch;
import org.marcloom.internal.ReadOnlyChannel;

/// A channel over `bytes` that, after `failAt` bytes, either throws an [IOException] naming that
/// offset or blocks (until closed or interrupted). Records whether it was closed.
final class FaultyChannel extends ReadOnlyChannel {

    /// What happens after `failAt` bytes.
    enum Mode { FAIL, BLOCK }

    private final byte[] bytes;
    private final int failAt;
    private final Mode mode;
    private final CountDownLatch closedLatch = new CountDownLatch(1);
    private int pos;
    private volatile boolean blocked;

    FaultyChannel(byte[] bytes, int failAt, Mode mode) {
        this.bytes = bytes;
        this.failAt = Math.min(failAt, bytes.length);
        this.mode = mode;
    }

    /// The message of the injected failure.
    static String message(int failAt) {
        return "injected failure at byte " + failAt;
    }

    @Override
    public synchronized int read(ByteBuffer dst) throws IOException {
        ensureOpen();
        if (pos >= failAt) {
            if (mode == Mode.FAIL) {
                throw new IOException(message(failAt));
            }
            blocked = true;
            try {
                closedLatch.await();
            } catch (InterruptedException e) {
                close();
                Thread.currentThread().interrupt();
                throw new ClosedByInterruptException();
            }
            throw new AsynchronousCloseException();
        }
        int n = Math.min(dst.remaining(), failAt - pos);
        dst.put(bytes, pos, n);
        pos += n;
        return n;
    }

    /// Whether a read is (or was) waiting for bytes that never come.
    boolean blocked() {
        return blocked;
    }

    @Override
    public void close() {
        super.close();
        closedLatch.countDown();
    }
}
