package org.marcloom.batch;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;

/// The engine behind [MarcGatherers] and [Pipeline]: at most `max` applications of a function in
/// flight, each on its own thread; results emitted in input order or in completion order;
/// fail-fast. Confined to one thread at a time (the stream's or the pipeline's).
final class MapWindow<T, R> {

    /// Starts the task threads and cancels them.
    interface Starter {
        void start(String name, Runnable task);

        /// Interrupts every task still running and waits for them to end.
        void cancelAll();
    }

    /// Thrown by [#push] and [#finish] when the deadline passes (the caller cancels).
    static final class Timeout extends Exception {
        private static final long serialVersionUID = 1L;
        final transient List<String> unfinished;

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
    private final Starter starter;
    private final long deadlineNanos; // System.nanoTime() deadline, or Long.MAX_VALUE
    private final ArrayDeque<Slot<R>> pending = new ArrayDeque<>();
    private final LinkedBlockingQueue<Slot<R>> completed = new LinkedBlockingQueue<>();
    private int inFlight;
    private long seq;
    private int highWater;

    MapWindow(int max, boolean ordered, Function<? super T, ? extends R> fn, Starter starter, long deadlineNanos) {
        if (max < 1) {
            throw new IllegalArgumentException("maxConcurrency must be at least 1: " + max);
        }
        this.max = max;
        this.ordered = ordered;
        this.fn = fn;
        this.starter = starter;
        this.deadlineNanos = deadlineNanos;
    }

    /// Submits one element; blocks while `max` are in flight. False when downstream wants no more.
    boolean push(T item, Predicate<? super R> downstream) throws InterruptedException, Timeout {
        while (inFlight >= max) {
            if (!emitOne(downstream)) {
                return false;
            }
        }
        Slot<R> s = new Slot<>(seq++);
        inFlight++;
        highWater = Math.max(highWater, inFlight);
        pending.add(s);
        try {
            starter.start("element #" + s.seq, () -> {
                try {
                    s.result = fn.apply(item);
                } catch (Throwable e) {
                    s.error = e;
                } finally {
                    completed.add(s);
                }
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
    boolean finish(Predicate<? super R> downstream) throws InterruptedException, Timeout {
        while (inFlight > 0) {
            if (!emitOne(downstream)) {
                return false;
            }
        }
        return true;
    }

    int highWater() {
        return highWater;
    }

    void cancel() {
        starter.cancelAll();
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
