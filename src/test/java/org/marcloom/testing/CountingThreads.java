package org.marcloom.testing;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;

/// A thread factory for tests: makes virtual (or platform) threads and keeps every thread it made,
/// so a test can assert how many there were and that none outlived the call. Thread-safe. There
/// is no global registry of threads in the library: tests inject one of these.
public final class CountingThreads implements ThreadFactory {

    private final ThreadFactory delegate;
    private final List<Thread> made = new CopyOnWriteArrayList<>();

    private CountingThreads(ThreadFactory delegate) {
        this.delegate = delegate;
    }

    /// Virtual threads named `test-N`.
    public static CountingThreads virtual() {
        return new CountingThreads(Thread.ofVirtual().name("test-", 0).factory());
    }

    /// Platform threads named `test-platform-N`.
    public static CountingThreads platform() {
        return new CountingThreads(Thread.ofPlatform().name("test-platform-", 0).factory());
    }

    @Override
    public Thread newThread(Runnable task) {
        Thread t = delegate.newThread(task);
        made.add(t);
        return t;
    }

    /// How many threads were made.
    public int created() {
        return made.size();
    }

    /// How many of them are still alive.
    public long alive() {
        return made.stream().filter(Thread::isAlive).count();
    }

    /// Whether every thread made has terminated, right now (no waiting).
    public boolean allTerminated() {
        return alive() == 0;
    }

    /// Waits up to 10 seconds for every thread made to terminate.
    public void awaitAllTerminated() {
        await().atMost(Duration.ofSeconds(10)).until(this::allTerminated);
    }
}
