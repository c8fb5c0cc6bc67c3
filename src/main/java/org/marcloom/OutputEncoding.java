package org.marcloom;

/// The character encoding an ISO 2709 writer uses for record data.
public enum OutputEncoding {
    /// UTF-8, with leader/09 set to `a` (the default).
    UTF_8,
    /// MARC-8, with leader/09 blank; characters MARC-8 cannot represent are written as `&#xXXXX;`.
    MARC_8
}
