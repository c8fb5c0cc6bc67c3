package org.marcloom.batch;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;
import java.util.function.Function;
import org.marcloom.MarcWriter;
import org.marcloom.record.MarcRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// read -> map with bounded concurrency -> sink: a function that may block (a remote lookup, a
/// database) applied to every element of a source on virtual threads, with at most
/// `maxConcurrency` in flight, results handed to a sink in input order (default) or in completion
/// order.
///
/// ```java
/// try (MarcReader reader = MarcReader.open(in); MarcWriter writer = MarcWriter.open(out)) {
///     long n = Pipeline.from(reader)
///             .map(1000, rec -> enrich(rec))      // blocking I/O is fine here
///             .ordered(true)
///             .deadline(Duration.ofMinutes(10))
///             .into(writer);
/// }
/// ```
///
/// ## Guarantees
/// - **Backpressure**: the source is read on the calling thread only while fewer than
///   `maxConcurrency` elements are in flight; memory is bounded by that window.
/// - **Order**: `ordered(true)` gives the sink the results in source order; `ordered(false)` in
///   completion order. The sink runs on the calling thread, never concurrently with itself.
/// - **Errors**: the first failure (of the function, in completion order; of the source; or of the
///   sink) cancels (interrupts) every application in flight, and is rethrown as is (a
///   [org.marcloom.MarcParseException] from a strict reader, the function's `RuntimeException`).
/// - **Deadline**: checked while waiting for results; when it passes, everything in flight is
///   cancelled and a [BatchTimeoutException] names the unfinished elements. A source or sink that
///   blocks is not interrupted by it.
/// - **Interruption**: an interrupted caller cancels everything and gets a [MarcBatchException]
///   with an [InterruptedException] cause (interrupt status set again).
/// - No thread outlives `into`: the applications run in a [StructuredScope].
///
/// A pipeline is a builder: not thread-safe; `into` may be called once per source.
public final class Pipeline<S, T> {

    private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);

    private final Iterable<? extends S> source;
    private final int maxConcurrency;
    private final Function<? super S, ? extends T> fn;
    private boolean ordered = true;
    private ThreadFactory threadFactory;
    private Duration deadline;

    private Pipeline(Iterable<? extends S> source, int maxConcurrency, Function<? super S, ? extends T> fn) {
        this.source = source;
        this.maxConcurrency = maxConcurrency;
        this.fn = fn;
    }

    /// Starts a pipeline on any iterable: a [org.marcloom.MarcReader], a [ParallelMarcReader], a list.
    public static <S> Source<S> from(Iterable<? extends S> source) {
        return new Source<>(Objects.requireNonNull(source, "source"));
    }

    /// The first step of a [Pipeline]: choose the function. Immutable.
    public static final class Source<S> {
        private final Iterable<? extends S> source;

        private Source(Iterable<? extends S> source) {
            this.source = source;
        }

        /// Applies `fn` to every element, at most `maxConcurrency` at once.
        ///
        /// @throws IllegalArgumentException when `maxConcurrency < 1`
        public <T> Pipeline<S, T> map(int maxConcurrency, Function<? super S, ? extends T> fn) {
            if (maxConcurrency < 1) {
                throw new IllegalArgumentException("maxConcurrency must be at least 1: " + maxConcurrency);
            }
            return new Pipeline<>(source, maxConcurrency, Objects.requireNonNull(fn, "fn"));
        }
    }

    /// Results in source order (true, the default) or in completion order.
    public Pipeline<S, T> ordered(boolean value) {
        ordered = value;
        return this;
    }

    /// Where the mapping threads come from (default: virtual threads `marcloom-N`). One new thread
    /// per element.
    public Pipeline<S, T> threadFactory(ThreadFactory value) {
        threadFactory = Objects.requireNonNull(value, "threadFactory");
        return this;
    }

    /// The whole run must finish within this time of `into` being called.
    public Pipeline<S, T> deadline(Duration value) {
        deadline = value;
        return this;
    }

    /// Runs the pipeline, handing each result to `sink` on the calling thread.
    ///
    /// @return how many results the sink received
    /// @throws BatchTimeoutException when the deadline passed
    /// @throws MarcBatchException    when interrupted
    public long into(Consumer<? super T> sink) {
        Objects.requireNonNull(sink, "sink");
        long t0 = System.nanoTime();
        long deadlineNanos = deadline == null ? Long.MAX_VALUE : t0 + deadline.toNanos();
        Instant until = deadline == null ? null : Instant.now().plus(deadline);
        long[] count = {0};
        LOG.debug("pipeline starting: concurrency {}, ordered {}, deadline {}", maxConcurrency, ordered, until);
        try (StructuredScope scope = threadFactory == null ? StructuredScope.open()
                : StructuredScope.open(threadFactory)) {
            MapWindow<S, T> window = new MapWindow<>(maxConcurrency, ordered, fn, new MapWindow.Starter() {
                @Override
                public void start(String name, Runnable task) {
                    scope.fork(name, () -> {
                        task.run();
                        return null;
                    });
                }

                @Override
                public void cancelAll() {
                    scope.shutdown();
                }
            }, deadlineNanos);
            java.util.function.Predicate<T> down = t -> {
                sink.accept(t);
                count[0]++;
                return true;
            };
            try {
                for (S s : source) {
                    if (deadline != null && System.nanoTime() - deadlineNanos > 0) {
                        window.cancel();
                        throw new BatchTimeoutException(until, java.util.List.of("the rest of the source"));
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

    /// Runs the pipeline, writing each result (which must be a [MarcRecord]) to `writer`.
    ///
    /// @throws ClassCastException when the function returned something else
    public long into(MarcWriter writer) {
        Objects.requireNonNull(writer, "writer");
        return into(t -> writer.write((MarcRecord) t));
    }
}
