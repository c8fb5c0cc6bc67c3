package org.marcloom;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.marcloom.batch.BatchTimeoutException;

/// marcloom's exceptions keep everything they carry through Java serialization (a Spark task's
/// failure crosses a process boundary that way).
class ExceptionSerializationTest {

    @SuppressWarnings("unchecked")
    private static <T> T roundTrip(T value) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }

    @Test
    void parseExceptionKeepsItsDiagnosticAndSource() throws Exception {
        Diagnostic d = Diagnostic.builder(Severity.FATAL, ErrorCode.INVALID_UTF8).recordIndex(7).byteOffset(1234)
                .tag("245").problem("byte 0xFF is not valid UTF-8").build();
        MarcParseException e = roundTrip(new MarcParseException(d, "ocm1").withSource("in.mrc"));
        assertEquals(d, e.diagnostic());
        assertEquals(ErrorCode.INVALID_UTF8, e.code());
        assertEquals(7, e.recordIndex());
        assertEquals(1234, e.byteOffset());
        assertEquals("ocm1", e.controlNumber());
        assertEquals("in.mrc", e.source());
        assertEquals("in.mrc: INVALID_UTF8 at record 7, byte 1234, tag 245 (001 ocm1): byte 0xFF is not valid UTF-8",
                e.getMessage());
    }

    @Test
    void writeAndTimeoutExceptionsKeepTheirFields() throws Exception {
        MarcWriteException w = roundTrip(new MarcWriteException(ErrorCode.RECORD_TOO_LARGE, 3, "505", "x", "too big"));
        assertEquals(ErrorCode.RECORD_TOO_LARGE, w.code());
        assertEquals(3, w.recordIndex());
        assertEquals("505", w.tag());
        assertEquals("x", w.controlNumber());
        assertEquals("too big", w.problem());
        Instant at = Instant.parse("2026-12-02T10:00:00Z");
        BatchTimeoutException t = roundTrip(new BatchTimeoutException(at, List.of("a.mrc", "b.mrc")));
        assertEquals(at, t.deadline());
        assertEquals(List.of("a.mrc", "b.mrc"), t.unfinished());
    }
}
