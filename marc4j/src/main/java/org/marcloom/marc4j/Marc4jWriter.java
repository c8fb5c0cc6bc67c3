package org.marcloom.marc4j;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import org.marc4j.MarcException;
import org.marc4j.converter.CharConverter;
import org.marc4j.marc.Record;
import org.marcloom.MarcWriteException;
import org.marcloom.MarcWriter;

/// marc4j's [org.marc4j.MarcWriter] over a marcloom [MarcWriter]: marc4j records are converted by
/// [Marc4jRecords#toMarcloom(Record)] and written by marcloom in any of its formats and
/// encodings.
///
/// ```java
/// // was: new MarcStreamWriter(out, "UTF-8")
/// org.marc4j.MarcWriter writer = Marc4jWriter.of(MarcWriter.builder().open(out));
/// ```
///
/// The text of the records must be Unicode (as marc4j's converting readers and this module's
/// [Marc4jReader] give it): the marcloom writer encodes it as its options say (UTF-8 by default,
/// MARC-8 with `encoding(OutputEncoding.MARC_8)`) and sets leader/09 to match. marc4j's
/// [CharConverter] hook is therefore not used: [#setConverter] refuses one.
///
/// ## Errors
/// A record the format cannot hold (ISO 2709: over 99,999 bytes, a delimiter in the data) is a
/// [MarcException] whose cause is marcloom's [MarcWriteException] (code, record index, 001, tag);
/// nothing of that record is written. A marc4j record marcloom cannot hold (no leader, a tag that
/// is not three characters, `null` data) is an [IllegalArgumentException] naming the field. I/O
/// errors are a [MarcException] whose cause is the [IOException], as marc4j does.
///
/// ## Ownership and threads
/// The bridge owns the marcloom writer and closes it in [#close()]. Not thread-safe.
public final class Marc4jWriter implements org.marc4j.MarcWriter, Closeable {

    private final MarcWriter writer;

    private Marc4jWriter(MarcWriter writer) {
        this.writer = writer;
    }

    /// A bridge over `writer`, which it then owns.
    ///
    /// @param writer a marcloom writer
    /// @return the bridge
    /// @throws NullPointerException when `writer` is null
    public static Marc4jWriter of(MarcWriter writer) {
        return new Marc4jWriter(Objects.requireNonNull(writer, "writer"));
    }

    /// An ISO 2709 UTF-8 bridge over a stream, the replacement for `new MarcStreamWriter(out,
    /// "UTF-8")`. Closing the bridge closes the stream.
    ///
    /// @param out the stream; the writer buffers it
    /// @return the bridge
    /// @throws NullPointerException when `out` is null
    public static Marc4jWriter open(OutputStream out) {
        return of(MarcWriter.builder().open(Objects.requireNonNull(out, "out")));
    }

    /// Converts and writes one record.
    ///
    /// @param record the marc4j record
    /// @throws MarcException            when the format cannot hold the record (cause:
    ///                                  [MarcWriteException]) or writing fails (cause: the
    ///                                  [IOException])
    /// @throws IllegalArgumentException when marcloom cannot hold the marc4j record (see
    ///                                  [Marc4jRecords#toMarcloom(Record)])
    @Override
    public void write(Record record) {
        Objects.requireNonNull(record, "record");
        try {
            writer.write(Marc4jRecords.toMarcloom(record));
        } catch (MarcWriteException e) {
            throw new MarcException(e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new MarcException(e.getMessage(), e.getCause());
        }
    }

    /// How many records were written.
    ///
    /// @return the count
    public long recordsWritten() {
        return writer.recordsWritten();
    }

    /// Refuses a converter: marcloom encodes the text itself (see the class comment).
    ///
    /// @param converter must be `null`
    /// @throws UnsupportedOperationException for any converter
    @Override
    public void setConverter(CharConverter converter) {
        if (converter != null) {
            throw new UnsupportedOperationException("the marcloom bridge encodes text itself; for MARC-8 output "
                    + "open the marcloom writer with MarcWriter.builder().encoding(OutputEncoding.MARC_8), not "
                    + "setConverter(" + converter.getClass().getName() + ")");
        }
    }

    /// Always `null`: no converter is used.
    ///
    /// @return `null`
    @Override
    public CharConverter getConverter() {
        return null;
    }

    /// Always `true`: the records' text must be Unicode.
    ///
    /// @return `true`
    @Override
    public boolean expectsUnicode() {
        return true;
    }

    /// Finishes the output and closes the marcloom writer and its target. Idempotent.
    ///
    /// @throws MarcException when writing or closing fails (cause: the [IOException]), or with a
    ///                       concurrency above 1 for a record that could not be written (cause:
    ///                       [MarcWriteException])
    @Override
    public void close() {
        try {
            writer.close();
        } catch (IOException e) {
            throw new MarcException("closing the output: " + e.getMessage(), e);
        } catch (MarcWriteException e) {
            throw new MarcException(e.getMessage(), e);
        }
    }
}
