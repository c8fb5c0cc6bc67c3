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
        /// Leader/06 is one of `acdefgijkmoprt`: a bibliographic record.
        BIBLIOGRAPHIC,
        /// Leader/06 is `z`: an authority record.
        AUTHORITY,
        /// Leader/06 is one of `uvxy`: a holdings record.
        HOLDINGS,
        /// Leader/06 is `w`: a classification record.
        CLASSIFICATION,
        /// Leader/06 is `q`: community information.
        COMMUNITY,
        /// Any other leader/06.
        UNKNOWN
    }

    private final String value;

    private Leader(String value) {
        this.value = value;
    }

    /// The leader with these 24 characters, kept as they are (nothing else is checked).
    ///
    /// @param value the leader's text
    /// @return the leader
    /// @throws IllegalArgumentException when `value` is not exactly 24 characters
    /// @throws NullPointerException     when `value` is null
    public static Leader of(String value) {
        Objects.requireNonNull(value, "value");
        if (value.length() != 24) {
            throw new IllegalArgumentException("a leader must be 24 characters, was " + value.length()
                    + ": \"" + value + "\"");
        }
        return new Leader(value);
    }

    /// The character at a position.
    ///
    /// @param position 0 to 23
    /// @return the character
    /// @throws IndexOutOfBoundsException when `position` is not 0 to 23
    public char charAt(int position) {
        return value.charAt(position);
    }

    /// Leader/00-04, the record length as read.
    ///
    /// @return the number, or -1 when not five digits
    public int recordLength() {
        return digits(0, 5);
    }

    /// Leader/05, the record status (`n` new, `c` corrected, `d` deleted, ...).
    ///
    /// @return the character
    public char recordStatus() {
        return value.charAt(5);
    }

    /// Leader/06, the type of record (`a` language material, `z` authority, ...).
    ///
    /// @return the character
    public char typeOfRecord() {
        return value.charAt(6);
    }

    /// Leader/07, the bibliographic level (`m` monograph, `s` serial, ...).
    ///
    /// @return the character
    public char bibliographicLevel() {
        return value.charAt(7);
    }

    /// Leader/08, the type of control (blank, or `a` archival).
    ///
    /// @return the character
    public char typeOfControl() {
        return value.charAt(8);
    }

    /// Leader/09, the character coding scheme: `a` for UCS/Unicode (UTF-8), blank for MARC-8.
    ///
    /// @return the character
    public char characterCodingScheme() {
        return value.charAt(9);
    }

    /// Whether leader/09 is `a` (the record says it is UTF-8).
    ///
    /// @return true for `a`
    public boolean isUnicode() {
        return value.charAt(9) == 'a';
    }

    /// Leader/10, the indicator count (2 in MARC 21).
    ///
    /// @return the digit, or -1 when not a digit
    public int indicatorCount() {
        return digits(10, 11);
    }

    /// Leader/11, the subfield code length (2 in MARC 21: the delimiter and the code).
    ///
    /// @return the digit, or -1 when not a digit
    public int subfieldCodeLength() {
        return digits(11, 12);
    }

    /// Leader/12-16, the base address of data as read.
    ///
    /// @return the number, or -1 when not five digits
    public int baseAddress() {
        return digits(12, 17);
    }

    /// Leader/17, the encoding level (blank for full level, ...).
    ///
    /// @return the character
    public char encodingLevel() {
        return value.charAt(17);
    }

    /// Leader/18, the descriptive cataloguing form (`a` AACR 2, `i` ISBD, ...).
    ///
    /// @return the character
    public char descriptiveCatalogingForm() {
        return value.charAt(18);
    }

    /// Leader/19, the multipart resource record level.
    ///
    /// @return the character
    public char multipartResourceRecordLevel() {
        return value.charAt(19);
    }

    /// Leader/20-23, the entry map (`4500` in MARC 21).
    ///
    /// @return the four characters
    public String entryMap() {
        return value.substring(20, 24);
    }

    /// The record kind from leader/06.
    ///
    /// @return the kind, [RecordKind#UNKNOWN] for a value MARC 21 does not define
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

    /// A copy with one position changed (this leader itself when it already holds `c` there).
    ///
    /// @param position 0 to 23
    /// @param c        the new character
    /// @return the leader
    /// @throws IndexOutOfBoundsException when `position` is not 0 to 23
    public Leader with(int position, char c) {
        if (value.charAt(position) == c) {
            return this;
        }
        char[] chars = value.toCharArray();
        chars[position] = c;
        return new Leader(new String(chars));
    }

    /// A copy with leader/00-04 set.
    ///
    /// @param length the record length, 0 to 99999
    /// @return the new leader
    /// @throws IllegalArgumentException when `length` does not fit five digits
    public Leader withRecordLength(int length) {
        return withDigits(0, 5, length, "record length");
    }

    /// A copy with leader/12-16 set.
    ///
    /// @param address the base address of data, 0 to 99999
    /// @return the new leader
    /// @throws IllegalArgumentException when `address` does not fit five digits
    public Leader withBaseAddress(int address) {
        return withDigits(12, 17, address, "base address");
    }

    /// A copy with leader/09 set.
    ///
    /// @param scheme `a` for UTF-8, `' '` for MARC-8
    /// @return the leader
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
    ///
    /// @return the leader's text
    @Override
    public String toString() {
        return value;
    }
}
