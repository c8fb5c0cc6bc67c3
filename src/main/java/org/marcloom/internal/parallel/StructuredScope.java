package org.marcloom.internal.parallel;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadFactory;
import java.util.function.Supplier;
import org.marcloom.batch.BatchTimeoutException;
import org.marcloom.batch.MarcBatchException;

/// The structured-concurrency scope every marcloom thread runs in, on final Java APIs (no
/// `--enable-preview`): the owner thread forks subtasks, each on its own new thread from the
/// factory it was opened with, and joins them; no thread outlives the scope. Nothing is global:
/// a scope knows only its own threads.
///
/// ## Semantics
/// - **Fail-fast**: the first subtask to fail cancels (interrupts) every other unfinished
///   subtask; [#join()] then throws [MarcBatchException] naming that subtask, with its exception
///   as the cause. Failures of subtasks that were cancelled are not reported.
/// - **Deadline**: [#joinUntil(Instant)] cancels the unfinished subtasks at the deadline, waits
///   for them to end, and throws [BatchTimeoutException] naming the deadline and those subtasks.
/// - **Interruption**: an owner interrupted in `join` cancels every subtask and throws
///   [InterruptedException].
/// - **Close**: [#close()] cancels what is still running (if the scope was not joined), then
///   waits, uninterruptibly, for every thread the scope started to terminate.
///
/// ## Threads
/// `fork`, `join`, `joinUntil` and `close` may only be called by the owner (the thread that
/// opened the scope); others get [WrongThreadException], as with the JDK's `StructuredTaskScope`.
/// [#shutdown()] and the [Subtask] accessors may be called from any thread. Threads come from
/// the factory given to [#open(ThreadFactory)].
public final class StructuredScope implements AutoCloseable {

    private final Thread owner = Thread.currentThread();
    private final ThreadFactory factory;
    private final Object lock = new Object();
    private final Set<Task<?>> unfinished = new LinkedHashSet<>();
    private final ArrayDeque<Thread> ended = new ArrayDeque<>();
    private boolean shutdown;
    private boolean closed;
    private Throwable firstFailure;
    private long forked;
    private String firstFailureName;

    private StructuredScope(ThreadFactory factory) {
        this.factory = factory;
    }

    /// A scope whose subtasks run on threads from `factory` (one new thread per subtask).
    public static StructuredScope open(ThreadFactory factory) {
        return new StructuredScope(Objects.requireNonNull(factory, "factory"));
    }

    /// The thread that opened the scope, the only one that may fork, join and close.
    public Thread owner() {
        return owner;
    }

    /// A forked task's handle. Thread-safe.
    public interface Subtask<T> extends Supplier<T> {
        /// Where a subtask stands.
        enum State { UNAVAILABLE, SUCCESS, FAILED }

        String name();

        State state();

        /// The result. @throws IllegalStateException unless [State#SUCCESS]
        @Override
        T get();

        /// The exception. @throws IllegalStateException unless [State#FAILED]
        Throwable exception();
    }

    /// Forks a subtask named `subtask-N`.
    ///
    /// @throws WrongThreadException  when not called by the owner
    /// @throws IllegalStateException after [#close()]
    public <T> Subtask<T> fork(Callable<? extends T> task) {
        checkOwner();
        return fork("subtask-" + (++forked), task);
    }

    /// Forks a subtask on a new thread. Once the scope is shut down (a subtask failed, say), the
    /// subtask is not run and no thread is made: it stays [Subtask.State#UNAVAILABLE], and
    /// [#join()] reports the failure that shut the scope down (as the JDK's `StructuredTaskScope`
    /// does), so a failure while the owner is still forking is never masked.
    ///
    /// @param name used in failure and timeout messages (a file name, say)
    /// @throws WrongThreadException  when not called by the owner
    /// @throws IllegalStateException after [#close()]
    public <T> Subtask<T> fork(String name, Callable<? extends T> task) {
        checkOwner();
        Objects.requireNonNull(task, "task");
        Task<T> t = new Task<>(name, task);
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("the scope is closed");
            }
            if (shutdown) {
                return t;
            }
        }
        Thread thread = factory.newThread(t);
        if (thread == null) {
            throw new IllegalStateException("the thread factory returned no thread");
        }
        t.thread = thread;
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("the scope is closed");
            }
            if (shutdown) {
                return t; // shut down meanwhile: the thread is never started
            }
            unfinished.add(t);
            pruneEnded();
        }
        try {
            thread.start();
        } catch (RuntimeException | Error e) {
            synchronized (lock) {
                unfinished.remove(t);
                lock.notifyAll();
            }
            throw e;
        }
        return t;
    }

    /// Waits for every subtask to finish.
    ///
    /// @throws MarcBatchException   when a subtask failed (the first failure, as its cause)
    /// @throws InterruptedException when the owner is interrupted (every subtask is cancelled)
    /// @throws WrongThreadException when not called by the owner
    public void join() throws InterruptedException {
        checkOwner();
        synchronized (lock) {
            try {
                while (!unfinished.isEmpty()) {
                    lock.wait();
                }
            } catch (InterruptedException e) {
                shutdownLocked();
                throw e;
            }
        }
        throwIfFailed();
    }

    /// Waits for every subtask to finish, at most until `deadline`.
    ///
    /// @throws BatchTimeoutException at the deadline, after cancelling and awaiting the
    ///                               unfinished subtasks, which it names
    /// @throws MarcBatchException    when a subtask failed first
    /// @throws InterruptedException  when the owner is interrupted (every subtask is cancelled)
    public void joinUntil(Instant deadline) throws InterruptedException {
        checkOwner();
        Objects.requireNonNull(deadline, "deadline");
        List<String> late = null;
        synchronized (lock) {
            try {
                while (!unfinished.isEmpty()) {
                    long nanos = Duration.between(Instant.now(), deadline).toNanos();
                    if (nanos <= 0) {
                        late = new ArrayList<>();
                        for (Task<?> t : unfinished) {
                            late.add(t.name);
                        }
                        shutdownLocked();
                        break;
                    }
                    lock.wait(Math.max(1, nanos / 1_000_000), 0);
                }
            } catch (InterruptedException e) {
                shutdownLocked();
                throw e;
            }
        }
        if (late != null) {
            awaitAllUninterruptibly();
            // A failure that happened before the deadline wins over the timeout.
            synchronized (lock) {
                if (firstFailure != null) {
                    throwIfFailed();
                }
            }
            throw new BatchTimeoutException(deadline, late);
        }
        throwIfFailed();
    }

    /// Cancels every unfinished subtask (interrupts its thread) and forbids new forks; `join`
    /// then returns once they have ended. Any thread may call it; idempotent.
    public void shutdown() {
        synchronized (lock) {
            shutdownLocked();
        }
    }

    /// Whether the scope was shut down (by [#shutdown()], a failure, a deadline or the owner's
    /// interruption).
    public boolean isShutdown() {
        synchronized (lock) {
            return shutdown;
        }
    }

    /// Cancels the subtasks still running, then waits for every thread this scope started to
    /// terminate. Idempotent.
    ///
    /// @throws WrongThreadException when not called by the owner
    @Override
    public void close() {
        checkOwner();
        synchronized (lock) {
            if (closed) {
                return;
            }
            if (!unfinished.isEmpty()) {
                shutdownLocked();
            }
            closed = true;
        }
        awaitAllUninterruptibly();
    }

    /// Shuts the scope down and waits, uninterruptibly, until every subtask has ended; any thread
    /// may call it (the owner still closes the scope).
    public void shutdownAndAwait() {
        shutdown();
        awaitAllUninterruptibly();
    }

    private void awaitAllUninterruptibly() {
        boolean interrupted = false;
        List<Thread> toJoin;
        synchronized (lock) {
            while (!unfinished.isEmpty()) {
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            toJoin = new ArrayList<>(ended);
            ended.clear();
        }
        for (Thread t : toJoin) {
            while (true) {
                try {
                    t.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void throwIfFailed() {
        Throwable f;
        String name;
        synchronized (lock) {
            f = firstFailure;
            name = firstFailureName;
        }
        if (f != null) {
            throw new MarcBatchException(name + " failed: " + f, name, f);
        }
    }

    private void shutdownLocked() {
        if (!shutdown) {
            shutdown = true;
            for (Task<?> t : unfinished) {
                t.thread.interrupt();
            }
        }
    }

    private void pruneEnded() {
        if (ended.size() > 64) {
            ended.removeIf(t -> !t.isAlive());
        }
    }

    private void checkOwner() {
        if (Thread.currentThread() != owner) {
            throw new WrongThreadException("only the scope's owner thread " + owner + " may do this");
        }
    }

    private final class Task<T> implements Runnable, Subtask<T> {
        final String name;
        final Callable<? extends T> callable;
        volatile Thread thread;
        private volatile State state = State.UNAVAILABLE;
        private T result;
        private Throwable exception;

        Task(String name, Callable<? extends T> callable) {
            this.name = name;
            this.callable = callable;
        }

        @Override
        public void run() {
            T value = null;
            Throwable failure = null;
            try {
                value = callable.call();
            } catch (Throwable e) {
                failure = e;
            }
            synchronized (lock) {
                if (failure == null) {
                    result = value;
                    state = State.SUCCESS;
                } else {
                    exception = failure;
                    state = State.FAILED;
                    if (!shutdown && firstFailure == null) {
                        firstFailure = failure;
                        firstFailureName = name;
                        shutdownLocked();
                    }
                }
                unfinished.remove(this);
                ended.add(Thread.currentThread());
                lock.notifyAll();
            }
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public State state() {
            return state;
        }

        @Override
        public T get() {
            if (state != State.SUCCESS) {
                throw new IllegalStateException(name + " has no result: " + state);
            }
            synchronized (lock) {
                return result;
            }
        }

        @Override
        public Throwable exception() {
            if (state != State.FAILED) {
                throw new IllegalStateException(name + " did not fail: " + state);
            }
            synchronized (lock) {
                return exception;
            }
        }

        @Override
        public String toString() {
            return "Subtask[" + name + ", " + state + "]";
        }
    }
}
