package org.marcloom.internal.parallel;

import org.marcloom.batch.MarcBatchException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;

/// The window behind `org.marcloom.batch.Pipeline`, as a loop and as a stream gatherer: at most
/// `max` applications of a function in flight, each on its own thread of a [StructuredScope];
/// results emitted in input order or in completion order; fail-fast. For functions that block on
/// I/O; CPU-bound batches go through the [OrderedEngine]. Confined to the scope's owner thread
/// (the stream's or the pipeline's).
public final class MapWindow<T, R> {

    /// Thrown by [#push] and [#finish] when the deadline passes (after cancelling).
    public static final class Timeout extends Exception {
        private static final long serialVersionUID = 1L;
        /// The elements that had not finished, as `element #N`.
        public final transient List<String> unfinished;

        Timeout(List<String> unfinished) {
            super(null, null, false, false);
            this.unfinished = unfinished;
        }
    }

    private static final class Slot<R> {
        final long seq;
        R result;
        Throwable error;
        boolean done;

        Slot(long seq) {
            this.seq = seq;
        }
    }

    private final int max;
    private final boolean ordered;
    private final Function<? super T, ? extends R> fn;
    private final StructuredScope scope;
    private final long deadlineNanos; // System.nanoTime() deadline, or Long.MAX_VALUE
    private final ArrayDeque<Slot<R>> pending = new ArrayDeque<>();
    private final LinkedBlockingQueue<Slot<R>> completed = new LinkedBlockingQueue<>();
    private int inFlight;
    private long seq;
    private int highWater;

    /// @param scope         where the applications run; [#cancel()] shuts it down
    /// @param deadlineNanos a `System.nanoTime()` deadline, or `Long.MAX_VALUE`
    public MapWindow(int max, boolean ordered, Function<? super T, ? extends R> fn, StructuredScope scope,
                     long deadlineNanos) {
        if (max < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1: " + max);
        }
        this.max = max;
        this.ordered = ordered;
        this.fn = fn;
        this.scope = scope;
        this.deadlineNanos = deadlineNanos;
    }

    /// Submits one element; blocks while `max` are in flight. False when downstream wants no more.
    public boolean push(T item, Predicate<? super R> downstream) throws InterruptedException, Timeout {
        while (inFlight >= max) {
            if (!emitOne(downstream)) {
                return false;
            }
        }
        if (scope.isShutdown()) {
            throw new IllegalStateException("the pipeline was cancelled");
        }
        Slot<R> s = new Slot<>(seq++);
        inFlight++;
        highWater = Math.max(highWater, inFlight);
        pending.add(s);
        try {
            scope.fork("element #" + s.seq, () -> {
                try {
                    s.result = fn.apply(item);
                } catch (Throwable e) {
                    s.error = e;
                } finally {
                    completed.add(s);
                }
                return null;
            });
        } catch (RuntimeException | Error e) {
            pending.removeLast();
            inFlight--;
            cancel();
            throw e;
        }
        return true;
    }

    /// Emits everything still in flight.
    public boolean finish(Predicate<? super R> downstream) throws InterruptedException, Timeout {
        while (inFlight > 0) {
            if (!emitOne(downstream)) {
                return false;
            }
        }
        return true;
    }

    /// The most applications that were in flight at once.
    public int highWater() {
        return highWater;
    }

    /// Interrupts every application still running; the scope's `close()` then joins them.
    public void cancel() {
        scope.shutdown();
    }

    private boolean emitOne(Predicate<? super R> downstream) throws InterruptedException, Timeout {
        Slot<R> out;
        if (ordered) {
            Slot<R> head = pending.peekFirst();
            while (!head.done) {
                take();
            }
            out = pending.removeFirst();
        } else {
            out = take();
            pending.remove(out);
        }
        inFlight--;
        boolean more;
        try {
            more = downstream.test(out.result);
        } catch (RuntimeException | Error e) {
            cancel();
            throw e;
        }
        if (!more) {
            cancel();
        }
        return more;
    }

    /// Takes one completed slot; fails fast on an error.
    private Slot<R> take() throws InterruptedException, Timeout {
        Slot<R> c;
        try {
            if (deadlineNanos == Long.MAX_VALUE) {
                c = completed.take();
            } else {
                long left = deadlineNanos - System.nanoTime();
                c = left <= 0 ? completed.poll() : completed.poll(left, TimeUnit.NANOSECONDS);
                if (c == null) {
                    List<String> late = new ArrayList<>();
                    for (Slot<R> s : pending) {
                        if (!s.done) {
                            late.add("element #" + s.seq);
                        }
                    }
                    cancel();
                    throw new Timeout(late);
                }
            }
        } catch (InterruptedException e) {
            cancel();
            throw e;
        }
        c.done = true;
        if (c.error != null) {
            cancel();
            if (c.error instanceof RuntimeException re) {
                throw re;
            }
            if (c.error instanceof Error err) {
                throw err;
            }
            throw new MarcBatchException("element #" + c.seq + " failed: " + c.error, "element #" + c.seq, c.error);
        }
        return c;
    }
}
