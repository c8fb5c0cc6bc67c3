package org.marcloom.batch;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import org.marcloom.MarcFormat;
import org.marcloom.MarcReader;
import org.marcloom.ReaderOptions;
import org.marcloom.batch.StructuredScope.Subtask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Processes many files at once: one [MarcReader] per file, each on its own thread (a virtual
/// thread by default), inside a [StructuredScope].
///
/// ```java
/// List<FileResult<Long>> results = MarcBatch.files(paths)
///         .options(ReaderOptions.builder().lenient(true).build())
///         .deadline(Duration.ofMinutes(5))
///         .run((file, reader) -> {
///             long n = 0;
///             for (MarcRecord r : reader) n++;
///             return n;
///         });
/// ```
///
/// ## Guarantees
/// - `run` returns only when every file is done; results are in input order.
/// - The first failure (a task's exception, a [org.marcloom.MarcParseException] in strict mode,
///   an I/O error) cancels (interrupts) the other files and is rethrown as a
///   [MarcBatchException] whose [MarcBatchException#source()] is the file's name and whose cause
///   is the original exception (a `MarcParseException` already carries the file name via
///   [org.marcloom.MarcParseException#withSource]).
/// - With a deadline, the call ends at the deadline with a [BatchTimeoutException] naming the
///   deadline and the unfinished files, after cancelling and joining them.
/// - An interrupted caller cancels every file and gets a [MarcBatchException] with an
///   [InterruptedException] cause (its interrupt status is set again).
/// - No thread outlives the call; every reader is closed.
///
/// Each file's format (ISO 2709, MARCXML, MARC-in-JSON, MARCMaker) is detected from its first
/// bytes unless [#format(MarcFormat)] names one.
///
/// Memory: one reader buffer per file being read (the largest record plus 256 KiB).
/// The builder is not thread-safe; `run` may be called many times.
public final class MarcBatch {

    private static final Logger LOG = LoggerFactory.getLogger(MarcBatch.class);

    private final List<Path> files;
    private ReaderOptions options = ReaderOptions.DEFAULTS;
    private ThreadFactory threadFactory;
    private int maxConcurrency = Integer.MAX_VALUE;
    private Duration deadline;
    private MarcFormat format;

    private MarcBatch(List<Path> files) {
        this.files = List.copyOf(files);
    }

    /// A batch over `files` (processed concurrently, reported in this order).
    public static MarcBatch files(List<Path> files) {
        return new MarcBatch(Objects.requireNonNull(files, "files"));
    }

    /// Shorthand for `files(files).options(options).run(task)`.
    ///
    /// @throws MarcBatchException the first file that failed, with the original cause
    public static <R> List<FileResult<R>> forEachFile(List<Path> files, ReaderOptions options, FileTask<R> task) {
        return files(files).options(options).run(task);
    }

    /// The reader options for every file (strict defaults).
    /// Reads every file as this format instead of detecting each file's format.
    public MarcBatch format(MarcFormat value) {
        format = Objects.requireNonNull(value, "format");
        return this;
    }

    public MarcBatch options(ReaderOptions value) {
        options = Objects.requireNonNull(value, "options");
        return this;
    }

    /// Where the per-file threads come from (default: virtual threads named `marcloom-N`). Pass
    /// `Thread.ofPlatform().name("io-", 0).factory()` for platform threads. One new thread per file.
    public MarcBatch threadFactory(ThreadFactory value) {
        threadFactory = Objects.requireNonNull(value, "threadFactory");
        return this;
    }

    /// At most this many files are read at the same time (default: all of them).
    public MarcBatch maxConcurrency(int value) {
        if (value < 1) {
            throw new IllegalArgumentException("maxConcurrency must be at least 1: " + value);
        }
        maxConcurrency = value;
        return this;
    }

    /// The whole batch must finish within this time of `run` being called.
    public MarcBatch deadline(Duration value) {
        if (value != null && (value.isNegative() || value.isZero())) {
            throw new IllegalArgumentException("deadline must be positive: " + value);
        }
        deadline = value;
        return this;
    }

    /// Runs `task` on every file and waits for all of them.
    ///
    /// @return one result per file, in input order
    /// @throws MarcBatchException    the first failure (source = the file), others cancelled
    /// @throws BatchTimeoutException the deadline passed (names the unfinished files)
    public <R> List<FileResult<R>> run(FileTask<R> task) {
        Objects.requireNonNull(task, "task");
        Instant until = deadline == null ? null : Instant.now().plus(deadline);
        Semaphore permits = new Semaphore(Math.min(maxConcurrency, Math.max(1, files.size())));
        long t0 = System.nanoTime();
        LOG.debug("batch of {} files starting (max concurrency {}, deadline {})", files.size(),
                maxConcurrency == Integer.MAX_VALUE ? "all" : maxConcurrency, until);
        List<Subtask<FileResult<R>>> subtasks = new ArrayList<>(files.size());
        try (StructuredScope scope = threadFactory == null ? StructuredScope.open()
                : StructuredScope.open(threadFactory)) {
            for (Path file : files) {
                subtasks.add(scope.fork(file.toString(), () -> {
                    permits.acquire();
                    try {
                        return processOne(file, task);
                    } finally {
                        permits.release();
                    }
                }));
            }
            if (until == null) {
                scope.join();
            } else {
                scope.joinUntil(until);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MarcBatchException("interrupted while waiting for " + files.size() + " files", null, e);
        } catch (MarcBatchException e) {
            LOG.debug("batch of {} files failed: {}", files.size(), e.getMessage());
            throw e;
        }
        List<FileResult<R>> results = new ArrayList<>(files.size());
        for (Subtask<FileResult<R>> s : subtasks) {
            results.add(s.get());
        }
        LOG.debug("batch of {} files done in {} ms", files.size(), (System.nanoTime() - t0) / 1_000_000);
        return results;
    }

    private <R> FileResult<R> processOne(Path file, FileTask<R> task) throws Exception {
        long start = System.nanoTime();
        MarcReader.Builder builder = MarcReader.builder().options(options);
        if (format == null) {
            builder.detectFormat();
        } else {
            builder.format(format);
        }
        try (MarcReader reader = builder.open(file)) {
            R result = task.process(file, reader);
            return new FileResult<>(file, reader.recordsRead(), Duration.ofNanos(System.nanoTime() - start),
                    result, reader.trailingDiagnostics());
        }
    }
}
