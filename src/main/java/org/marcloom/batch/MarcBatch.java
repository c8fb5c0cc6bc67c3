package org.marcloom.batch;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import org.marcloom.MarcFormat;
import org.marcloom.MarcReader;
import org.marcloom.ReaderOptions;
import org.marcloom.internal.Settings;
import org.marcloom.internal.parallel.StructuredScope;
import org.marcloom.internal.parallel.StructuredScope.Subtask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Processes many files at once: one [MarcReader] per file, each on its own thread (a virtual
/// thread by default), at most [Builder#concurrency(int)] files at a time.
///
/// {@snippet class="org.marcloom.snippets.BatchSnippets" region="files"}
///
/// ## Guarantees
/// - [Builder#run] returns only when every file is done; results are in input order.
/// - The first failure (a task's exception, a [org.marcloom.MarcParseException] in strict mode,
///   an I/O error) cancels (interrupts) the other files and is rethrown as a
///   [MarcBatchException] whose [MarcBatchException#source()] is the file's name and whose cause
///   is the original exception (a `MarcParseException` already carries the file name).
/// - With a deadline, the call ends at the deadline with a [BatchTimeoutException] naming the
///   deadline and the unfinished files, after cancelling and joining them.
/// - An interrupted caller cancels every file and gets a [MarcBatchException] with an
///   [InterruptedException] cause (its interrupt status is set again).
/// - No thread outlives the call; every reader is closed.
///
/// Each file's format (ISO 2709, MARCXML, MARC-in-JSON, MARCMaker) is detected from its first
/// bytes unless [Builder#format(MarcFormat)] names one. Memory: one reader buffer per file being
/// read (the largest record plus 256 KiB), so at most `concurrency` of them.
public final class MarcBatch {

    private static final Logger LOG = LoggerFactory.getLogger(MarcBatch.class);

    private MarcBatch() {
    }

    /// A builder with the defaults: strict [ReaderOptions#DEFAULTS], formats detected, as many
    /// files at once as there are processors, no deadline, virtual threads.
    ///
    /// @return a new builder
    public static Builder builder() {
        return new Builder();
    }

    /// Configures and runs a batch of files. Each setting may be given once; giving it again with
    /// a different value is an [IllegalStateException] that names both calls. Not thread-safe;
    /// `run` may be called many times.
    public static final class Builder {
        private final Settings settings = new Settings();

        private Builder() {
        }

        /// The reader options for every file (default: strict [ReaderOptions#DEFAULTS]).
        ///
        /// @param value the options
        /// @return this builder
        public Builder options(ReaderOptions value) {
            return settings.value(this, "options", value);
        }

        /// Reads every file as this format instead of detecting each file's format.
        ///
        /// @param value the format
        /// @return this builder
        public Builder format(MarcFormat value) {
            return settings.value(this, "format", value);
        }

        /// At most this many files are read at the same time (default: the number of processors).
        /// Raise it when the task waits on I/O.
        ///
        /// @param value at least 1
        /// @return this builder
        /// @throws IllegalArgumentException when `value` is below 1
        public Builder concurrency(int value) {
            return settings.count(this, "concurrency", value);
        }

        /// Where the per-file threads come from (default: virtual threads named `marcloom-file-N`);
        /// one new thread per file.
        ///
        /// @param value the factory
        /// @return this builder
        public Builder threadFactory(ThreadFactory value) {
            return settings.value(this, "threadFactory", value);
        }

        /// The whole batch must finish within this time of `run` being called.
        ///
        /// @param value a positive duration
        /// @return this builder
        /// @throws IllegalArgumentException when `value` is zero or negative
        public Builder deadline(Duration value) {
            return settings.duration(this, "deadline", value);
        }

        /// Runs `task` on every file and waits for all of them.
        ///
        /// @param files the files, processed concurrently and reported in this order
        /// @param task  the work on one file, called concurrently for different files
        /// @param <R>   the result of one file
        /// @return one result per file, in input order
        /// @throws MarcBatchException    the first failure (source = the file), others cancelled
        /// @throws BatchTimeoutException the deadline passed (names the unfinished files)
        public <R> List<FileResult<R>> run(List<Path> files, FileTask<R> task) {
            List<Path> paths = List.copyOf(Settings.notNull("files", files));
            Settings.notNull("task", task);
            ReaderOptions options = settings.get("options", ReaderOptions.DEFAULTS);
            MarcFormat format = settings.get("format", null);
            int concurrency = settings.get("concurrency", Runtime.getRuntime().availableProcessors());
            Duration deadline = settings.get("deadline", null);
            ThreadFactory threads = settings.threads("marcloom-file-");
            Instant until = deadline == null ? null : Instant.now().plus(deadline);
            Semaphore permits = new Semaphore(Math.min(concurrency, Math.max(1, paths.size())));
            long t0 = System.nanoTime();
            LOG.debug("batch of {} files starting (concurrency {}, deadline {})", paths.size(), concurrency, until);
            List<Subtask<FileResult<R>>> subtasks = new ArrayList<>(paths.size());
            try (StructuredScope scope = StructuredScope.open(threads)) {
                for (Path file : paths) {
                    if (scope.isShutdown()) {
                        break; // a file failed: join() reports it; the rest are not started
                    }
                    subtasks.add(scope.fork(file.toString(), () -> {
                        permits.acquire();
                        try {
                            return processOne(file, task, options, format);
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
                throw new MarcBatchException("interrupted while waiting for " + paths.size() + " files", null, e);
            } catch (MarcBatchException e) {
                LOG.debug("batch of {} files failed: {}", paths.size(), e.getMessage());
                throw e;
            }
            List<FileResult<R>> results = new ArrayList<>(paths.size());
            for (Subtask<FileResult<R>> s : subtasks) {
                results.add(s.get());
            }
            LOG.debug("batch of {} files done in {} ms", paths.size(), (System.nanoTime() - t0) / 1_000_000);
            return results;
        }

        private static <R> FileResult<R> processOne(Path file, FileTask<R> task, ReaderOptions options,
                                                    MarcFormat format) throws Exception {
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
}
