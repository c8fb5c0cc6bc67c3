package org.marcloom.internal;

import org.marcloom.Diagnostic;
import org.marcloom.ErrorCode;
import org.marcloom.Severity;

/// Short forms of [Diagnostic.Builder] for the parsers.
public final class Diagnostics {

    private Diagnostics() {
    }

    /// A diagnostic located by byte offset, as in ISO 2709.
    public static Diagnostic atOffset(Severity severity, ErrorCode code, long recordIndex, long byteOffset,
                                      String tag, String problem) {
        return Diagnostic.builder(severity, code).recordIndex(recordIndex).byteOffset(byteOffset).tag(tag)
                .problem(problem).build();
    }

    /// A diagnostic located by line and column, as in the text formats.
    public static Diagnostic atLine(Severity severity, ErrorCode code, long recordIndex, int line, int column,
                                    String tag, String problem) {
        return Diagnostic.builder(severity, code).recordIndex(recordIndex).line(line).column(column).tag(tag)
                .problem(problem).build();
    }

    /// A diagnostic with every position given.
    public static Diagnostic of(Severity severity, ErrorCode code, long recordIndex, long byteOffset, int line,
                                int column, String tag, String problem) {
        return Diagnostic.builder(severity, code).recordIndex(recordIndex).byteOffset(byteOffset).line(line)
                .column(column).tag(tag).problem(problem).build();
    }
}
