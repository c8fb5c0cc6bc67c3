package org.marcloom.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.marcloom.testing.CountingThreads;

/// The pipeline as a loop and as a gatherer: same mechanism, bounded concurrency, order, the
/// first failure, deadlines, short-circuits, and no thread left behind.
class PipelineTest {

    private static final List<Integer> INPUT = IntStream.range(0, 500).boxed().toList();

    @Property(tries = 100)
    void runAndGathererMatchASequentialMap(@ForAll List<Integer> input, @ForAll @IntRange(min = 1, max = 16) int n,
                                           @ForAll boolean ordered) {
        List<String> expected = input.stream().map(i -> "v" + i).toList();
        List<String> viaRun = new ArrayList<>();
        CountingThreads threads = CountingThreads.virtual();
        long count = Pipeline.builder().concurrency(n).ordered(ordered).threadFactory(threads)
                .run(input, i -> "v" + i, viaRun::add);
        List<String> viaGatherer = input.stream()
                .gather(Pipeline.builder().concurrency(n).ordered(ordered).threadFactory(threads)
                        .<Integer, String>gatherer(i -> "v" + i))
                .toList();
        assertEquals(input.size(), count);
        assertEquals(2 * input.size(), threads.created(), "one thread per element, per run");
        if (ordered) {
            assertEquals(expected, viaRun);
            assertEquals(expected, viaGatherer);
        } else {
            assertEquals(sorted(expected), sorted(viaRun));
            assertEquals(sorted(expected), sorted(viaGatherer));
        }
        threads.awaitAllTerminated();
    }

    private static List<String> sorted(List<String> l) {
        return l.stream().sorted().toList();
    }

    @Test
    void concurrencyBoundsTheApplicationsInFlight() {
        AtomicInteger now = new AtomicInteger();
        AtomicInteger max = new AtomicInteger();
        List<Integer> out = new ArrayList<>();
        Pipeline.builder().concurrency(8).run(INPUT, i -> {
            max.accumulateAndGet(now.incrementAndGet(), Math::max);
            Thread.yield();
            now.decrementAndGet();
            return i * 2;
        }, out::add);
        assertEquals(INPUT.stream().map(i -> i * 2).toList(), out);
        assertTrue(max.get() <= 8, "max in flight " + max.get());
    }

    @Test
    void theFirstFailureIsRethrownAsIsAndNoThreadIsLeft() {
        CountingThreads threads = CountingThreads.virtual();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Pipeline.builder().concurrency(16)
                .ordered(false).threadFactory(threads).run(INPUT, i -> {
                    if (i == 77) {
                        throw new IllegalStateException("boom 77");
                    }
                    return i;
                }, x -> { }));
        assertEquals("boom 77", e.getMessage());
        assertTrue(threads.allTerminated(), "run() joins every thread before it returns");

        CountingThreads gathererThreads = CountingThreads.virtual();
        IllegalStateException g = assertThrows(IllegalStateException.class, () -> INPUT.stream()
                .gather(Pipeline.builder().concurrency(16).threadFactory(gathererThreads).<Integer, Integer>gatherer(i -> {
                    if (i == 5) {
                        throw new IllegalStateException("boom 5");
                    }
                    return i;
                })).toList());
        assertEquals("boom 5", g.getMessage());
        assertTrue(gathererThreads.allTerminated(), "the gatherer joins its threads when it fails");
    }

    @Test
    void aShortCircuitingStreamCancelsAndJoinsWhatIsInFlight() {
        CountingThreads threads = CountingThreads.virtual();
        CountDownLatch never = new CountDownLatch(1);
        List<Integer> first = INPUT.stream()
                .gather(Pipeline.builder().concurrency(4).threadFactory(threads).<Integer, Integer>gatherer(i -> {
                    if (i >= 2) {
                        try {
                            never.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    return i;
                }))
                .limit(2).toList();
        assertEquals(List.of(0, 1), first);
        assertTrue(threads.allTerminated());
    }

    @Test
    void theDeadlineCancelsBlockedWork() {
        CountingThreads threads = CountingThreads.virtual();
        CountDownLatch never = new CountDownLatch(1);
        BatchTimeoutException e = assertThrows(BatchTimeoutException.class, () -> Pipeline.builder().concurrency(3)
                .deadline(Duration.ofMillis(200)).threadFactory(threads).run(List.of(1, 2, 3), i -> {
                    try {
                        never.await();
                    } catch (InterruptedException ie) {
                        throw new IllegalStateException(ie);
                    }
                    return i;
                }, x -> { }));
        assertEquals(List.of("element #0", "element #1", "element #2"), e.unfinished());
        assertTrue(threads.allTerminated());
    }

    @Test
    void concurrencyIsRequiredAndSettingsAreChecked() {
        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> Pipeline.builder().run(INPUT, i -> i, x -> { }));
        assertEquals("'concurrency' was not given: Pipeline.builder().concurrency(n) says how many applications"
                + " may be in flight at once", missing.getMessage());
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> Pipeline.builder().concurrency(0));
        assertEquals("'concurrency' must be at least 1, was 0", zero.getMessage());
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> Pipeline.builder().deadline(Duration.ofMillis(-5)));
        assertEquals("'deadline' must be positive, was PT-0.005S", negative.getMessage());
        NullPointerException none = assertThrows(NullPointerException.class, () -> Pipeline.builder().deadline(null));
        assertEquals("'deadline' must not be null", none.getMessage());
    }
}
