package org.marcloom.batch;

import java.nio.file.Path;
import org.marcloom.MarcReader;

/// The work [MarcBatch] does on one file: read its records from `reader` and return a result.
///
/// Called once per file, on that file's own thread; implementations that share state between
/// files must make it thread-safe. The reader is opened and closed by the batch. Throwing fails
/// the whole batch (the other files are cancelled).
///
/// @param <R> the result of one file
@FunctionalInterface
public interface FileTask<R> {

    /// Processes one file.
    ///
    /// @param file   the file, as given to [MarcBatch.Builder#run]
    /// @param reader a reader opened on it with the batch's options, closed by the batch
    /// @return the file's result (may be `null`)
    /// @throws Exception anything; it fails the batch as the cause of a [MarcBatchException]
    R process(Path file, MarcReader reader) throws Exception;
}
