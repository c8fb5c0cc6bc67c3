package org.marcloom.internal.parallel;

import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/// marcloom's one parallel engine: N workers turn an ordered sequence of jobs into results that
/// the owner takes back **in sequence order**, with at most `window` jobs in flight. The parallel
/// reader ([ParallelSource]: a job is a batch of framed records, the work is decoding) and the
/// parallel writer ([ParallelSink]: a job is a batch of records, the work is encoding) are both
/// this engine.
///
/// Each worker repeatedly takes a window permit, then, under the engine's lock, asks the [Source]
/// for the next job (so jobs are made one at a time, in order: the reader frames its input there,
/// the writer takes the batch its owner handed over), then does the work outside the lock and
/// publishes the job in ring slot `seq % window`. The owner waits for job `seq` with [#take()]
/// and is woken only when it waits for exactly the job just published (one wake-up per batch at
/// most); [#release()] gives the job's permit back. Why workers make jobs in turn instead of one
/// producer thread: making a job is cheap, and a producer thread costs a hand-off per batch and
/// competes with the workers for the cores.
///
/// Errors are not thrown by workers: a [Source] or [Worker] stores a failure in its job, and the
/// owner meets it in sequence order, exactly where a sequential run would. The workers run in a
/// [StructuredScope] owned by the thread that called [#start()], which must also call [#stop()]:
/// it interrupts and joins every worker, so no thread outlives the engine.
///
/// Confined to its owner thread, except the [Source] and [Worker] callbacks, which run on the
/// workers (the source under the lock, so never concurrently with itself).
public final class OrderedEngine<J extends OrderedEngine.Job> {

    /// A unit of work and its result; `seq` numbers the jobs from 0 in the order they are made.
    public abstract static class Job {
        /// The job's place in the sequence.
        public final long seq;

        /// @param seq the sequence number [Source#next(long)] was asked for
        protected Job(long seq) {
            this.seq = seq;
        }
    }

    /// Makes the jobs, one at a time, in sequence order; called under the engine's lock.
    public interface Source<J> {
        /// The job numbered `seq`, or `null` when there are no more. Must not throw: a failure goes
        /// into the job (the last one). May block (interruptibly) until a job can be made.
        J next(long seq) throws InterruptedException;
    }

    /// Does the work of a job on a worker thread; one per worker, so it need not be thread-safe.
    /// Must not throw: a failure goes into the job.
    public interface Worker<J> {
        /// Processes `job` in place.
        void process(J job);
    }

    private final String name;
    private final int workers;
    private final int window;
    private final ThreadFactory threads;
    private final Source<J> source;
    private final Supplier<? extends Worker<J>> workerFactory;
    private final Semaphore permits;
    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicReferenceArray<J> ready;

    // Under `lock`.
    private long nextSeq;
    /// `nextSeq`, for the owner to read without the lock: taking a lock may park the owner, and a
    /// park inside the lock would swallow the wake-up of a worker publishing the job it waits for.
    private volatile long madeCount;
    private boolean sourceDone;
    private int maxInFlight;
    private final java.util.concurrent.atomic.AtomicLong released = new java.util.concurrent.atomic.AtomicLong();

    // The owner's wake-up: the seq it waits for (or -1), and its thread.
    private volatile long waitingFor = -1;
    private volatile Thread waiter;
    private volatile boolean drained;
    /// Set by [#abort()]: the owner's [#take()] throws.
    private volatile boolean aborted;
    /// A worker died of something its source or worker did not catch (a bug): the owner gets it.
    private volatile Throwable crashed;

    // The owner's state.
    private volatile StructuredScope scope;
    private long taken;
    private volatile boolean stopped;

    /// @param name          for thread names and messages (a file name, say)
    /// @param workers       how many worker threads
    /// @param window        the most jobs made but not yet released by the owner
    /// @param threads       where the worker threads come from
    /// @param source        makes the jobs
    /// @param workerFactory one [Worker] per worker thread
    public OrderedEngine(String name, int workers, int window, ThreadFactory threads, Source<J> source,
                         Supplier<? extends Worker<J>> workerFactory) {
        if (workers < 1 || window < 1) {
            throw new IllegalArgumentException("workers and window must be at least 1: " + workers + ", " + window);
        }
        this.name = name;
        this.workers = Math.min(workers, window); // a worker beyond the window would only wait
        this.window = window;
        this.threads = threads;
        this.source = source;
        this.workerFactory = workerFactory;
        this.permits = new Semaphore(window);
        this.ready = new AtomicReferenceArray<>(window);
    }

    /// The most bytes of input (or output) the jobs in flight may hold, whatever the concurrency:
    /// 64 MiB, or a 32nd of the heap when that is less (a decoded job holds several times its bytes
    /// in objects). Without it, `concurrency(256)` meant 512 jobs of 1 MiB and ran out of memory.
    public static long bytesInFlight() {
        return Math.min(64L << 20, Runtime.getRuntime().maxMemory() / 32);
    }

    /// The window for `workers` workers whose jobs hold about `bytesPerJob` bytes: twice the
    /// workers (so none waits for the owner), at most [#bytesInFlight()] bytes, at least 2.
    public static int boundedWindow(int workers, long bytesPerJob) {
        long byBytes = bytesInFlight() / Math.max(1, bytesPerJob);
        return (int) Math.max(2, Math.min(2L * workers, byBytes));
    }

    /// Starts the workers; the calling thread becomes the owner.
    public void start() {
        if (scope != null) {
            throw new IllegalStateException("the engine was already started");
        }
        scope = StructuredScope.open(threads);
        try {
            for (int i = 0; i < workers; i++) {
                Worker<J> worker = workerFactory.get();
                scope.fork("worker-" + i + (name == null ? "" : " " + name), () -> {
                    work(worker);
                    return null;
                });
            }
        } catch (RuntimeException | Error e) {
            stop();
            throw e;
        }
    }

    /// Whether [#start()] was called.
    public boolean started() {
        return scope != null;
    }

    /// The most jobs in flight at once.
    public int window() {
        return window;
    }

    private void work(Worker<J> worker) throws InterruptedException {
        try {
            loop(worker);
        } catch (InterruptedException e) {
            throw e;
        } catch (Throwable t) {
            crashed = t;
            wake();
            throw t;
        }
    }

    private void loop(Worker<J> worker) throws InterruptedException {
        while (true) {
            permits.acquire();
            J job;
            lock.lockInterruptibly();
            try {
                if (sourceDone) {
                    permits.release();
                    return;
                }
                job = source.next(nextSeq);
                if (job == null) {
                    sourceDone = true;
                    permits.release(workers); // the other workers waiting for a permit end too
                    drained = true;
                    wake();
                    return;
                }
                nextSeq++;
                madeCount = nextSeq;
                maxInFlight = (int) Math.max(maxInFlight, nextSeq - released.get());
            } finally {
                lock.unlock();
            }
            worker.process(job);
            ready.set((int) (job.seq % window), job);
            if (waitingFor == job.seq) {
                wake();
            }
        }
    }

    private void wake() {
        Thread t = waiter;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    /// The next job in sequence order, once processed; `null` when the source has made no more.
    ///
    /// @throws InterruptedException when the owner is interrupted while waiting
    public J take() throws InterruptedException {
        long seq = taken;
        int slot = (int) (seq % window);
        J job = ready.get(slot);
        if (job == null) {
            waiter = Thread.currentThread();
            waitingFor = seq;
            try {
                while ((job = ready.get(slot)) == null) {
                    if (drained && made() <= seq) {
                        return null;
                    }
                    if (aborted) {
                        throw new IllegalStateException((name == null ? "the input" : name)
                                + " was closed by another thread");
                    }
                    Throwable t = crashed;
                    if (t != null) {
                        throw new IllegalStateException("a worker of " + (name == null ? "the engine" : name)
                                + " failed", t);
                    }
                    LockSupport.park(this);
                    if (Thread.interrupted()) {
                        throw new InterruptedException();
                    }
                }
            } finally {
                waitingFor = -1;
            }
        }
        ready.set(slot, null);
        taken++;
        return job;
    }

    private long made() {
        return madeCount;
    }

    /// Gives back the permit of a job the owner is done with (took with [#take()]).
    public void release() {
        released.incrementAndGet();
        permits.release();
    }

    /// Jobs made and not yet released now (for tests and monitoring).
    public int inFlight() {
        lock.lock();
        try {
            return (int) (nextSeq - released.get());
        } finally {
            lock.unlock();
        }
    }

    /// The most jobs that were in flight at once (for tests and monitoring).
    public int maxInFlight() {
        lock.lock();
        try {
            return maxInFlight;
        } finally {
            lock.unlock();
        }
    }

    /// Stops the source: no job is made after those already made. Returns how many were made.
    /// May be called by the owner while workers run.
    public long stopSource() {
        lock.lock();
        try {
            sourceDone = true;
            permits.release(workers);
            return nextSeq;
        } finally {
            lock.unlock();
        }
    }

    /// Throws unless the calling thread may [#stop()] the engine (it is the owner, or the engine
    /// was never started); changes nothing.
    ///
    /// @throws WrongThreadException when another thread started the engine
    public void checkOwner() {
        if (scope != null && !stopped && scope.owner() != Thread.currentThread()) {
            throw new WrongThreadException("only the thread that started reading, " + scope.owner()
                    + ", may close this reader or writer");
        }
    }

    /// Whether `thread` may [#stop()] the engine now: it was never started, it is stopped, or
    /// `thread` started it. Thread-safe.
    public boolean stoppableBy(Thread thread) {
        StructuredScope s = scope;
        return s == null || stopped || s.owner() == thread;
    }

    /// From any thread: interrupts every worker and waits until they have ended; the owner's
    /// [#take()], waiting or next, throws [IllegalStateException]. The owner still calls [#stop()].
    public void abort() {
        aborted = true;
        wake();
        StructuredScope s = scope;
        if (s != null) {
            s.shutdownAndAwait();
        }
        wake();
    }

    /// Interrupts and joins every worker. Idempotent.
    public void stop() {
        if (stopped || scope == null) {
            stopped = true;
            return;
        }
        stopped = true;
        scope.shutdown();
        scope.close();
    }
}
