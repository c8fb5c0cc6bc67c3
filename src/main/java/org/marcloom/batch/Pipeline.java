package org.marcloom.batch;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Gatherer;
import org.marcloom.internal.Settings;
import org.marcloom.internal.parallel.MapWindow;
import org.marcloom.internal.parallel.StructuredScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// A function that may block (a remote lookup, a database) applied to every element of a source
/// with bounded concurrency, each application on its own thread (virtual by default), results in
/// source order (default) or in completion order: as a loop ([Builder#run]) or as a stream stage
/// ([Builder#gatherer]). One mechanism under both.
///
/// {@snippet class="org.marcloom.snippets.BatchSnippets" region="pipeline"}
///
/// ## Guarantees
/// - **Backpressure**: the source is pulled only while fewer than `concurrency` applications are
///   in flight; memory is bounded by that window.
/// - **Order**: `ordered(true)` gives the results in source order; `ordered(false)` in completion
///   order. The sink (and the stream downstream) runs on the calling thread, never concurrently.
/// - **Errors**: the first failure in time (of the function, the source or the sink) cancels
///   (interrupts) every application in flight and is rethrown as is (a
///   [org.marcloom.MarcParseException] from a strict reader, the function's `RuntimeException`).
/// - **Deadline**: checked while waiting for results; when it passes, everything in flight is
///   cancelled and a [BatchTimeoutException] names the unfinished elements. A source or sink that
///   blocks is not interrupted by it.
/// - **Interruption**: an interrupted caller cancels everything and gets a [MarcBatchException]
///   with an [InterruptedException] cause (interrupt status set again).
/// - **Threads**: [Builder#run] returns only when every thread it started has ended. A gatherer
///   joins its threads when the stream ends, short-circuits (`limit`, `findFirst`) or fails in
///   the gatherer or downstream; if an upstream stage throws, the applications already started (at
///   most `concurrency`) finish on their own. Use `run` where that matters.
public final class Pipeline {

    private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);
    private static final String THREADS = "marcloom-map-";

    private Pipeline() {
    }

    /// A builder; [Builder#concurrency(int)] must be given.
    ///
    /// @return a new builder
    public static Builder builder() {
        return new Builder();
    }

    /// Configures a pipeline and runs it ([#run]) or makes it a stream stage ([#gatherer]). Each
    /// setting may be given once; giving it again with a different value is an
    /// [IllegalStateException] that names both calls. Not thread-safe; the gatherers it makes are
    /// immutable and thread-safe.
    public static final class Builder {
        private final Settings settings = new Settings();

        private Builder() {
        }

        /// How many applications may be in flight at once (required).
        ///
        /// @param value at least 1
        /// @return this builder
        /// @throws IllegalArgumentException when `value` is below 1
        public Builder concurrency(int value) {
            return settings.count(this, "concurrency", value);
        }

        /// Results in source order (true, the default) or in completion order.
        ///
        /// @param value true for source order
        /// @return this builder
        public Builder ordered(boolean value) {
            return settings.flag(this, "ordered", value);
        }

        /// The whole run must finish within this time of its start (`run` being called, or the
        /// stream's first element).
        ///
        /// @param value a positive duration
        /// @return this builder
        /// @throws IllegalArgumentException when `value` is zero or negative
        public Builder deadline(Duration value) {
            return settings.duration(this, "deadline", value);
        }

        /// Where the application threads come from (default: virtual threads named
        /// `marcloom-map-N`); one new thread per element.
        ///
        /// @param value the factory
        /// @return this builder
        public Builder threadFactory(ThreadFactory value) {
            return settings.value(this, "threadFactory", value);
        }

        private int requiredConcurrency() {
            if (!settings.has("concurrency")) {
                throw new IllegalStateException("'concurrency' was not given: Pipeline.builder().concurrency(n) says"
                        + " how many applications may be in flight at once");
            }
            return settings.get("concurrency", 1);
        }

        /// Applies `fn` to every element of `source`, handing each result to `sink` on the calling
        /// thread; returns when every application has ended.
        ///
        /// @param source the elements: a [org.marcloom.MarcReader], a list, any iterable
        /// @param fn     the function, called concurrently: it must be thread-safe
        /// @param sink   receives the results, on the calling thread
        /// @param <S>    the source's elements
        /// @param <T>    the function's results
        /// @return how many results the sink received
        /// @throws BatchTimeoutException when the deadline passed
        /// @throws MarcBatchException    when the caller was interrupted
        /// @throws IllegalStateException when no concurrency was given
        public <S, T> long run(Iterable<? extends S> source, Function<? super S, ? extends T> fn,
                               Consumer<? super T> sink) {
            Settings.notNull("source", source);
            Settings.notNull("fn", fn);
            Settings.notNull("sink", sink);
            int concurrency = requiredConcurrency();
            boolean ordered = settings.get("ordered", true);
            Duration deadline = settings.get("deadline", null);
            long t0 = System.nanoTime();
            long deadlineNanos = deadline == null ? Long.MAX_VALUE : t0 + deadline.toNanos();
            Instant until = deadline == null ? null : Instant.now().plus(deadline);
            long[] count = {0};
            LOG.debug("pipeline starting: concurrency {}, ordered {}, deadline {}", concurrency, ordered, until);
            try (StructuredScope scope = StructuredScope.open(settings.threads(THREADS))) {
                MapWindow<S, T> window = new MapWindow<>(concurrency, ordered, fn, scope, deadlineNanos);
                java.util.function.Predicate<T> down = t -> {
                    sink.accept(t);
                    count[0]++;
                    return true;
                };
                try {
                    for (S s : source) {
                        if (deadline != null && System.nanoTime() - deadlineNanos > 0) {
                            window.cancel();
                            throw new BatchTimeoutException(until, List.of("the rest of the source"));
                        }
                        window.push(s, down);
                    }
                    window.finish(down);
                } catch (RuntimeException | Error e) {
                    window.cancel();
                    throw e;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MarcBatchException("pipeline interrupted after " + count[0] + " results", null, e);
            } catch (MapWindow.Timeout e) {
                throw new BatchTimeoutException(until, e.unfinished);
            }
            LOG.debug("pipeline done: {} results in {} ms", count[0], (System.nanoTime() - t0) / 1_000_000);
            return count[0];
        }

        /// The same pipeline as a stream stage: `stream.gather(gatherer(fn))`. Use it in
        /// sequential streams; each evaluation gets its own window and threads.
        ///
        /// @param fn  the function, called concurrently: it must be thread-safe
        /// @param <S> the stream's elements
        /// @param <T> the function's results
        /// @return an immutable, thread-safe gatherer
        /// @throws IllegalStateException when no concurrency was given
        public <S, T> Gatherer<S, ?, T> gatherer(Function<? super S, ? extends T> fn) {
            Settings.notNull("fn", fn);
            int concurrency = requiredConcurrency();
            boolean ordered = settings.get("ordered", true);
            Duration deadline = settings.get("deadline", null);
            ThreadFactory threads = settings.threads(THREADS);
            return Gatherer.<S, Evaluation<S, T>, T>ofSequential(
                    () -> new Evaluation<>(concurrency, ordered, fn, threads, deadline),
                    Gatherer.Integrator.of((e, item, downstream) -> e.push(item, downstream)),
                    Evaluation::finish);
        }
    }

    /// One stream evaluation of a gatherer: its scope, opened by the stream's thread.
    private static final class Evaluation<S, T> {
        private final StructuredScope scope;
        private final MapWindow<S, T> window;
        private final Instant until;
        private boolean closed;

        Evaluation(int concurrency, boolean ordered, Function<? super S, ? extends T> fn, ThreadFactory threads,
                   Duration deadline) {
            this.scope = StructuredScope.open(threads);
            this.until = deadline == null ? null : Instant.now().plus(deadline);
            this.window = new MapWindow<>(concurrency, ordered, fn, scope,
                    deadline == null ? Long.MAX_VALUE : System.nanoTime() + deadline.toNanos());
        }

        private void close() {
            closed = true;
            scope.close();
        }

        boolean push(S item, Gatherer.Downstream<? super T> downstream) {
            if (closed) {
                return false;
            }
            try {
                boolean more = window.push(item, downstream::push);
                if (!more) {
                    close(); // downstream wants no more: the window cancelled what was in flight
                }
                return more;
            } catch (InterruptedException e) {
                close();
                Thread.currentThread().interrupt();
                throw new MarcBatchException("interrupted in a pipeline gatherer", null, e);
            } catch (MapWindow.Timeout e) {
                close();
                throw new BatchTimeoutException(until, e.unfinished);
            } catch (RuntimeException | Error e) {
                window.cancel();
                close();
                throw e;
            }
        }

        void finish(Gatherer.Downstream<? super T> downstream) {
            if (closed) {
                return;
            }
            try {
                window.finish(downstream::push);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MarcBatchException("interrupted in a pipeline gatherer", null, e);
            } catch (MapWindow.Timeout e) {
                throw new BatchTimeoutException(until, e.unfinished);
            } catch (RuntimeException | Error e) {
                window.cancel();
                throw e;
            } finally {
                close();
            }
        }
    }
}
