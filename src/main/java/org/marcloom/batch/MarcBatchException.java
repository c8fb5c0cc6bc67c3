package org.marcloom.batch;

/// A batch task failed: a file's reader or task, a mapping function, or a forked subtask.
///
/// [#getCause()] is the original failure (for a data error in strict mode, the
/// [org.marcloom.MarcParseException], already carrying the file's name); [#source()] names the
/// file or subtask that failed. Also thrown, with an [InterruptedException] cause, when the
/// waiting thread is interrupted inside an API that cannot throw checked exceptions (then the
/// thread's interrupt status is set again). Unchecked. Immutable.
public class MarcBatchException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /// The file or subtask that failed, or `null`.
    private final String source;

    /// An exception for a failed batch task.
    ///
    /// @param message what happened
    /// @param source  the file or subtask that failed, or `null`
    /// @param cause   the original failure, or `null`
    public MarcBatchException(String message, String source, Throwable cause) {
        super(message, cause);
        this.source = source;
    }

    /// The name of the file or subtask that failed.
    ///
    /// @return the name, or `null` when none applies
    public String source() {
        return source;
    }
}
