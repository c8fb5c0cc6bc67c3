package org.marcloom.cli;

/// A failure already described for a person: printed as one line (`marcloom: ` + message), exit 1.
final class CliFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CliFailure(String message) {
        super(message);
    }

    CliFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
