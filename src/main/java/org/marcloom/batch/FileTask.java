package org.marcloom.batch;

import java.nio.file.Path;
import org.marcloom.MarcReader;

/// The work [MarcBatch] does on one file: read its records from `reader` and return a result.
///
/// Called once per file, on that file's own thread; implementations that share state between
/// files must make it thread-safe. The reader is opened and closed by the batch. Throwing fails
/// the whole batch (the other files are cancelled).
@FunctionalInterface
public interface FileTask<R> {

    /// @return the file's result (may be `null`)
    R process(Path file, MarcReader reader) throws Exception;
}
