package org.marcloom;

import java.util.Objects;

/// Immutable settings for [MarcWriter]. Thread-safe; share freely.
///
/// @param encoding      ISO 2709 data encoding (UTF-8 by default; MARC-8 writes NCRs for what it cannot hold)
/// @param allowOversize write ISO 2709 records over 99,999 bytes or fields over 9,999 bytes instead of
///                      failing (the length digits are then written as `99999` / `9999`, as some
///                      systems do; other readers may not read such records back)
/// @param indent        pretty-print the text formats (MARCXML, MARC-in-JSON array)
public record WriterOptions(OutputEncoding encoding, boolean allowOversize, boolean indent) {

    /// UTF-8, no oversize records, no indentation.
    public static final WriterOptions DEFAULTS = new WriterOptions(OutputEncoding.UTF_8, false, false);

    public WriterOptions {
        Objects.requireNonNull(encoding, "encoding");
    }

    public WriterOptions withEncoding(OutputEncoding value) {
        return new WriterOptions(value, allowOversize, indent);
    }

    public WriterOptions withAllowOversize(boolean value) {
        return new WriterOptions(encoding, value, indent);
    }

    public WriterOptions withIndent(boolean value) {
        return new WriterOptions(encoding, allowOversize, value);
    }
}
