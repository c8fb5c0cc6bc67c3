package org.marcloom.cli;

/// A failure already described for a person: printed as one line (`marcloom: ` + message), with
/// its exit status: [Main#DATA_ERROR] (bad data, the default) or [Main#IO_ERROR] (a file that
/// cannot be opened, read or written).
final class CliFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;

    CliFailure(String message) {
        this(message, null, Main.DATA_ERROR);
    }

    CliFailure(String message, Throwable cause) {
        this(message, cause, Main.DATA_ERROR);
    }

    private CliFailure(String message, Throwable cause, int status) {
        super(message, cause);
        this.status = status;
    }

    /// An I/O failure: exit status [Main#IO_ERROR].
    static CliFailure io(String message, Throwable cause) {
        return new CliFailure(message, cause, Main.IO_ERROR);
    }

    /// The exit status this failure ends the run with.
    int status() {
        return status;
    }
}
