package org.marcloom.batch;

import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.function.Function;
import java.util.stream.Gatherer;

/// Stream gatherers that apply a function concurrently, each application on its own virtual
/// thread, with at most `maxConcurrency` in flight: for functions that block on I/O (a remote
/// lookup per record).
///
/// ```java
/// try (Stream<MarcRecord> records = reader.stream()) {
///     records.gather(MarcGatherers.mapConcurrent(1000, this::enrich)).forEach(writer::write);
/// }
/// ```
///
/// ## Compared with `Gatherers.mapConcurrent`
/// Like the JDK's, [#mapConcurrent] keeps input order and bounds the window (backpressure: the
/// upstream is pulled only when a slot is free). Differences, on purpose:
/// - **Fail-fast**: the first application to fail (in time, not in input order) cancels
///   (interrupts) every other one and its exception is rethrown as is (a `RuntimeException` or
///   `Error`, not wrapped); results before it that were not yet pushed are dropped.
/// - **Interruption**: a stream thread interrupted while waiting cancels every application and
///   gets a [MarcBatchException] with an [InterruptedException] cause, its interrupt status set again.
/// - [#mapConcurrentUnordered] pushes results as they complete.
/// - Short-circuiting downstream (`limit`, `findFirst`) cancels what is still running.
///
/// If the stream is abandoned mid-way by an exception in a later stage, applications already
/// started run to completion on their own (at most `maxConcurrency` of them).
///
/// The gatherers are stateless and thread-safe; each stream evaluation gets its own window. The
/// function is called concurrently and must be thread-safe. Use in sequential streams.
public final class MarcGatherers {

    private static final ThreadFactory FACTORY = Thread.ofVirtual().name("marcloom-map-", 0).factory();

    private MarcGatherers() {
    }

    /// Applies `fn` concurrently, pushing results in input order.
    ///
    /// @throws IllegalArgumentException when `maxConcurrency < 1`
    public static <T, R> Gatherer<T, ?, R> mapConcurrent(int maxConcurrency, Function<? super T, ? extends R> fn) {
        return of(maxConcurrency, true, fn);
    }

    /// Applies `fn` concurrently, pushing results as they complete (not in input order).
    ///
    /// @throws IllegalArgumentException when `maxConcurrency < 1`
    public static <T, R> Gatherer<T, ?, R> mapConcurrentUnordered(int maxConcurrency,
                                                                   Function<? super T, ? extends R> fn) {
        return of(maxConcurrency, false, fn);
    }

    private static <T, R> Gatherer<T, ?, R> of(int max, boolean ordered, Function<? super T, ? extends R> fn) {
        if (max < 1) {
            throw new IllegalArgumentException("maxConcurrency must be at least 1: " + max);
        }
        Objects.requireNonNull(fn, "fn");
        return Gatherer.<T, MapWindow<T, R>, R>ofSequential(
                () -> new MapWindow<>(max, ordered, fn, new ThreadStarter(), Long.MAX_VALUE),
                Gatherer.Integrator.of((window, item, downstream) -> {
                    try {
                        return window.push(item, downstream::push);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new MarcBatchException("interrupted in mapConcurrent", null, e);
                    } catch (MapWindow.Timeout e) {
                        throw new IllegalStateException(e); // no deadline here
                    }
                }),
                (window, downstream) -> {
                    try {
                        window.finish(downstream::push);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new MarcBatchException("interrupted in mapConcurrent", null, e);
                    } catch (MapWindow.Timeout e) {
                        throw new IllegalStateException(e);
                    }
                });
    }

    /// One new virtual thread per application, tracked so that cancel can interrupt and join them.
    private static final class ThreadStarter implements MapWindow.Starter {
        private final Set<Thread> running = ConcurrentHashMap.newKeySet();

        @Override
        public void start(String name, Runnable task) {
            Thread t = FACTORY.newThread(() -> {
                try {
                    task.run();
                } finally {
                    running.remove(Thread.currentThread());
                    StructuredScope.untrack(Thread.currentThread());
                }
            });
            running.add(t);
            StructuredScope.register(t);
            t.start();
        }

        @Override
        public void cancelAll() {
            for (Thread t : running) {
                t.interrupt();
            }
            boolean interrupted = false;
            for (Thread t : running) {
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
    }
}
