package org.marcloom.internal.parallel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.marcloom.batch.BatchTimeoutException;
import org.marcloom.batch.MarcBatchException;
import org.marcloom.testing.CountingThreads;

/// The scope every marcloom thread runs in: owner confinement, fail-fast, deadlines, interruption,
/// and no thread left when it closes.
class StructuredScopeTest {

    @Test
    void onlyTheOwnerForksAndEverySubtaskEndsBeforeClose() throws Exception {
        CountingThreads threads = CountingThreads.virtual();
        try (StructuredScope scope = StructuredScope.open(threads)) {
            AtomicReference<Throwable> t = new AtomicReference<>();
            Thread other = Thread.ofPlatform().start(() -> {
                try {
                    scope.fork(() -> 1);
                } catch (Throwable e) {
                    t.set(e);
                }
            });
            other.join();
            assertInstanceOf(WrongThreadException.class, t.get());
            StructuredScope.Subtask<Integer> one = scope.fork(() -> 1);
            StructuredScope.Subtask<Integer> two = scope.fork("two", () -> 2);
            scope.join();
            assertEquals(1, one.get());
            assertEquals(2, two.get());
            assertEquals("subtask-1", one.name());
            assertEquals(StructuredScope.Subtask.State.SUCCESS, two.state());
        }
        assertEquals(2, threads.created());
        assertTrue(threads.allTerminated());
    }

    @Test
    void theFirstFailureCancelsTheOthersAndIsReportedWithItsName() throws Exception {
        CountingThreads threads = CountingThreads.virtual();
        AtomicInteger cancelled = new AtomicInteger();
        IllegalStateException boom = new IllegalStateException("boom");
        try (StructuredScope scope = StructuredScope.open(threads)) {
            scope.fork("waits", waitsUntilCancelled(cancelled));
            scope.fork("fails", () -> {
                throw boom;
            });
            MarcBatchException e = assertThrows(MarcBatchException.class, scope::join);
            assertEquals("fails", e.source());
            assertEquals("fails failed: java.lang.IllegalStateException: boom", e.getMessage());
            assertEquals(boom, e.getCause());
        }
        assertEquals(1, cancelled.get());
        assertTrue(threads.allTerminated());
    }

    @Test
    void aDeadlineCancelsAndNamesTheUnfinished() throws Exception {
        CountingThreads threads = CountingThreads.virtual();
        CountDownLatch never = new CountDownLatch(1);
        Instant deadline = Instant.now().plusMillis(100);
        try (StructuredScope scope = StructuredScope.open(threads)) {
            scope.fork("quick", () -> 1);
            scope.fork("slow", () -> {
                never.await();
                return 2;
            });
            BatchTimeoutException e = assertThrows(BatchTimeoutException.class, () -> scope.joinUntil(deadline));
            assertEquals(List.of("slow"), e.unfinished());
            assertEquals(deadline, e.deadline());
        }
        assertTrue(threads.allTerminated());
    }

    @Test
    void anInterruptedOwnerCancelsEverySubtask() throws Exception {
        CountingThreads threads = CountingThreads.virtual();
        AtomicReference<Throwable> ownerSaw = new AtomicReference<>();
        AtomicInteger cancelled = new AtomicInteger();
        CountDownLatch forked = new CountDownLatch(1);
        Thread owner = Thread.ofPlatform().start(() -> {
            try (StructuredScope scope = StructuredScope.open(threads)) {
                scope.fork(waitsUntilCancelled(cancelled));
                forked.countDown();
                scope.join();
            } catch (Throwable e) {
                ownerSaw.set(e);
            }
        });
        forked.await();
        owner.interrupt();
        owner.join();
        assertInstanceOf(InterruptedException.class, ownerSaw.get());
        assertEquals(1, cancelled.get());
        assertTrue(threads.allTerminated());
    }

    @Test
    void aForkAfterAFailureIsNotRunAndJoinReportsTheFailure() throws Exception {
        CountingThreads threads = CountingThreads.virtual();
        IllegalStateException boom = new IllegalStateException("boom");
        try (StructuredScope scope = StructuredScope.open(threads)) {
            scope.fork("fails", () -> {
                throw boom;
            });
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(scope::isShutdown);
            AtomicInteger ran = new AtomicInteger();
            StructuredScope.Subtask<Integer> late = scope.fork("late", ran::incrementAndGet);
            assertEquals(StructuredScope.Subtask.State.UNAVAILABLE, late.state());
            MarcBatchException e = assertThrows(MarcBatchException.class, scope::join);
            assertEquals("fails", e.source());
            assertEquals(boom, e.getCause());
            assertEquals(0, ran.get());
        }
        assertEquals(1, threads.created());
        assertTrue(threads.allTerminated());
    }

    /// A subtask that waits for what never comes, until it is cancelled: it counts the
    /// cancellation in `cancelled` and ends with the [InterruptedException].
    private static Callable<Void> waitsUntilCancelled(AtomicInteger cancelled) {
        return () -> {
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                cancelled.incrementAndGet();
                throw e;
            }
            return null;
        };
    }
}
