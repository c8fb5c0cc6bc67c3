package org.marcloom.record;

import java.util.Objects;

/// The 24-character record leader, with typed accessors for the positions that matter.
/// Immutable and thread-safe; derive changed copies with the `with` methods.
///
/// Positions follow MARC 21: 00-04 record length, 05 status, 06 type of record, 07 bibliographic
/// level, 08 type of control, 09 character coding scheme (`a` = UTF-8, blank = MARC-8),
/// 10 indicator count, 11 subfield code length, 12-16 base address of data, 17 encoding level,
/// 18 descriptive cataloguing form, 19 multipart resource record level, 20-23 entry map.
/// Values are kept as read, even when they are wrong: numeric accessors return -1 for non-digits.
public final class Leader {

    /// The leader of a new, empty bibliographic record: `00000nam a2200000   4500`.
    public static final Leader DEFAULT = new Leader("00000nam a2200000   4500");

    /// What kind of record leader/06 says this is.
    public enum RecordKind {
        BIBLIOGRAPHIC, AUTHORITY, HOLDINGS, CLASSIFICATION, COMMUNITY, UNKNOWN
    }

    private final String value;

    private Leader(String value) {
        this.value = value;
    }

    /// @throws IllegalArgumentException when `value` is not exactly 24 characters
    public static Leader of(String value) {
        Objects.requireNonNull(value, "value");
        if (value.length() != 24) {
            throw new IllegalArgumentException("a leader must be 24 characters, was " + value.length()
                    + ": \"" + value + "\"");
        }
        return new Leader(value);
    }

    /// The character at a position (0-23).
    public char charAt(int position) {
        return value.charAt(position);
    }

    /// Leader/00-04, or -1 when not digits.
    public int recordLength() {
        return digits(0, 5);
    }

    public char recordStatus() {
        return value.charAt(5);
    }

    public char typeOfRecord() {
        return value.charAt(6);
    }

    public char bibliographicLevel() {
        return value.charAt(7);
    }

    public char typeOfControl() {
        return value.charAt(8);
    }

    /// Leader/09: `a` for UCS/Unicode (UTF-8), blank for MARC-8.
    public char characterCodingScheme() {
        return value.charAt(9);
    }

    /// Whether leader/09 is `a`.
    public boolean isUnicode() {
        return value.charAt(9) == 'a';
    }

    /// Leader/10, or -1 when not a digit.
    public int indicatorCount() {
        return digits(10, 11);
    }

    /// Leader/11, or -1 when not a digit.
    public int subfieldCodeLength() {
        return digits(11, 12);
    }

    /// Leader/12-16, or -1 when not digits.
    public int baseAddress() {
        return digits(12, 17);
    }

    public char encodingLevel() {
        return value.charAt(17);
    }

    public char descriptiveCatalogingForm() {
        return value.charAt(18);
    }

    public char multipartResourceRecordLevel() {
        return value.charAt(19);
    }

    /// Leader/20-23, `4500` in MARC 21.
    public String entryMap() {
        return value.substring(20, 24);
    }

    /// The record kind from leader/06.
    public RecordKind kind() {
        return switch (value.charAt(6)) {
            case 'a', 'c', 'd', 'e', 'f', 'g', 'i', 'j', 'k', 'm', 'o', 'p', 'r', 't' -> RecordKind.BIBLIOGRAPHIC;
            case 'z' -> RecordKind.AUTHORITY;
            case 'u', 'v', 'x', 'y' -> RecordKind.HOLDINGS;
            case 'w' -> RecordKind.CLASSIFICATION;
            case 'q' -> RecordKind.COMMUNITY;
            default -> RecordKind.UNKNOWN;
        };
    }

    /// A copy with one position changed.
    public Leader with(int position, char c) {
        if (value.charAt(position) == c) {
            return this;
        }
        char[] chars = value.toCharArray();
        chars[position] = c;
        return new Leader(new String(chars));
    }

    /// A copy with leader/00-04 set.
    /// @throws IllegalArgumentException when `length` does not fit five digits
    public Leader withRecordLength(int length) {
        return withDigits(0, 5, length, "record length");
    }

    /// A copy with leader/12-16 set.
    /// @throws IllegalArgumentException when `address` does not fit five digits
    public Leader withBaseAddress(int address) {
        return withDigits(12, 17, address, "base address");
    }

    /// A copy with leader/09 set.
    public Leader withCharacterCodingScheme(char scheme) {
        return with(9, scheme);
    }

    private Leader withDigits(int start, int end, int number, String what) {
        int width = end - start;
        if (number < 0 || Integer.toString(number).length() > width) {
            throw new IllegalArgumentException(what + " " + number + " does not fit in " + width + " digits");
        }
        char[] chars = value.toCharArray();
        for (int i = end - 1; i >= start; i--) {
            chars[i] = (char) ('0' + number % 10);
            number /= 10;
        }
        return new Leader(new String(chars));
    }

    private int digits(int start, int end) {
        int n = 0;
        for (int i = start; i < end; i++) {
            int d = value.charAt(i) - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            n = n * 10 + d;
        }
        return n;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof Leader l && value.equals(l.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /// The 24 characters.
    @Override
    public String toString() {
        return value;
    }
}
