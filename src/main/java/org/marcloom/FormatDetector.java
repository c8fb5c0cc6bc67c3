package org.marcloom;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/// Recognises a MARC serialisation from the first bytes of an input (8 KiB is plenty).
///
/// After an optional UTF-8 byte order mark and whitespace:
/// - five ASCII digits that start a plausible leader (leader/10-11 and 12-16 digits, or the
///   record's 0x1E / 0x1D terminators in sight): [MarcFormat#ISO_2709];
/// - `<?xml`, or `<` with a root element named `collection`, `record`, `searchRetrieveResponse` or
///   `OAI-PMH` (any prefix), or any markup containing a `record` element: [MarcFormat#MARCXML];
/// - `[`: [MarcFormat#MARC_JSON]; `{`: [MarcFormat#MARC_JSON_LINES];
/// - `=LDR` or `=000`: [MarcFormat#MARCMAKER].
///
/// Input in UTF-16 or UTF-32 (with or without a byte order mark: recognised by its zero bytes) or
/// in EBCDIC (`<?xm` in code page 037) is decoded first; it is MARCXML or MARC-in-JSON when the
/// decoded text says so (the MARCXML and MARC-in-JSON readers decode it), never any other format.
///
/// Stateless and thread-safe.
public final class FormatDetector {

    private FormatDetector() {
    }

    /// The format the bytes `head[0..length)` start.
    ///
    /// @param head   the first bytes of the input
    /// @param length how many of them to look at
    /// @return the format, or empty when they look like none of them
    /// @throws IndexOutOfBoundsException when `length` is negative or beyond `head`
    /// @throws NullPointerException      when `head` is null
    public static Optional<MarcFormat> detectFormat(byte[] head, int length) {
        Objects.requireNonNull(head, "head");
        Objects.checkFromIndexSize(0, length, head.length);
        Optional<MarcFormat> wide = wide(head, length);
        if (wide != null) {
            return wide;
        }
        return detect(head, length);
    }

    /// The format of input in UTF-16, UTF-32 or EBCDIC (MARCXML or MARC-in-JSON only); null when
    /// the bytes are in none of them.
    private static Optional<MarcFormat> wide(byte[] h, int length) {
        if (length < 4) {
            return null;
        }
        int b0 = h[0] & 0xFF;
        int b1 = h[1] & 0xFF;
        int b2 = h[2] & 0xFF;
        int b3 = h[3] & 0xFF;
        String cs;
        int skip = 0;
        if (b0 == 0 && b1 == 0 && b2 == 0xFE && b3 == 0xFF || b0 == 0 && b1 == 0 && b2 == 0 && b3 != 0) {
            cs = "UTF-32BE";
            skip = b2 == 0xFE ? 4 : 0;
        } else if (b0 == 0xFF && b1 == 0xFE && b2 == 0 && b3 == 0 || b0 != 0 && b1 == 0 && b2 == 0 && b3 == 0) {
            cs = "UTF-32LE";
            skip = b0 == 0xFF ? 4 : 0;
        } else if (b0 == 0xFE && b1 == 0xFF || b0 == 0 && b1 != 0 && b2 == 0 && b3 != 0) {
            cs = "UTF-16BE";
            skip = b0 == 0xFE ? 2 : 0;
        } else if (b0 == 0xFF && b1 == 0xFE || b0 != 0 && b1 == 0 && b2 != 0 && b3 == 0) {
            cs = "UTF-16LE";
            skip = b0 == 0xFF ? 2 : 0;
        } else if (b0 == 0x4C && b1 == 0x6F && b2 == 0xA7 && b3 == 0x94) {
            cs = "IBM037";
        } else {
            return null;
        }
        java.nio.charset.Charset charset;
        try {
            charset = java.nio.charset.Charset.forName(cs);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int unit = cs.startsWith("UTF-32") ? 4 : cs.startsWith("UTF-16") ? 2 : 1;
        int usable = (length - skip) / unit * unit;
        byte[] text = new String(h, skip, usable, charset).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        Optional<MarcFormat> f = detect(text, text.length);
        return f.filter(m -> m == MarcFormat.MARCXML || m == MarcFormat.MARC_JSON || m == MarcFormat.MARC_JSON_LINES);
    }

    private static Optional<MarcFormat> detect(byte[] head, int length) {
        int p = 0;
        if (length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            p = 3;
        }
        while (p < length && isSpace(head[p])) {
            p++;
        }
        if (p >= length) {
            return Optional.empty();
        }
        byte b = head[p];
        if (isDigit(head, p, 5, length)) {
            return plausibleLeader(head, p, length) ? Optional.of(MarcFormat.ISO_2709) : Optional.empty();
        }
        return switch (b) {
            case '<' -> looksLikeMarcXml(head, p, length) ? Optional.of(MarcFormat.MARCXML) : Optional.empty();
            case '[' -> Optional.of(MarcFormat.MARC_JSON);
            case '{' -> Optional.of(MarcFormat.MARC_JSON_LINES);
            case '=' -> startsWith(head, p + 1, length, "LDR") || startsWith(head, p + 1, length, "000")
                    ? Optional.of(MarcFormat.MARCMAKER) : Optional.empty();
            default -> Optional.empty();
        };
    }

    private static boolean plausibleLeader(byte[] h, int p, int length) {
        if (isDigit(h, p + 10, 2, length) && isDigit(h, p + 12, 5, length)) {
            return true;
        }
        for (int i = p + 5; i < length; i++) {
            if (h[i] == 0x1E || h[i] == 0x1D) {
                return true;
            }
        }
        return false;
    }

    private static boolean looksLikeMarcXml(byte[] h, int p, int length) {
        if (startsWith(h, p, length, "<?xml")) {
            return true;
        }
        // Skip processing instructions, comments and the doctype to the root element's name.
        int i = p;
        while (i + 1 < length && h[i] == '<' && (h[i + 1] == '?' || h[i + 1] == '!')) {
            int close = indexOf(h, i + 2, length, (byte) '>');
            if (close < 0) {
                break;
            }
            i = close + 1;
            while (i < length && isSpace(h[i])) {
                i++;
            }
        }
        if (i < length && h[i] == '<') {
            int start = i + 1;
            int end = start;
            while (end < length && !isSpace(h[end]) && h[end] != '>' && h[end] != '/') {
                end++;
            }
            String qname = new String(h, start, end - start, java.nio.charset.StandardCharsets.ISO_8859_1);
            String local = qname.substring(qname.indexOf(':') + 1);
            switch (local) {
                case "collection", "record", "searchRetrieveResponse", "OAI-PMH" -> {
                    return true;
                }
                default -> {
                }
            }
        }
        String text = new String(h, p, length - p, java.nio.charset.StandardCharsets.ISO_8859_1)
                .toLowerCase(Locale.ROOT);
        return text.contains("<record") || text.contains(":record");
    }

    private static int indexOf(byte[] h, int from, int length, byte b) {
        for (int i = from; i < length; i++) {
            if (h[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static boolean startsWith(byte[] h, int p, int length, String s) {
        if (p + s.length() > length) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (h[p + i] != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(byte[] h, int p, int count, int length) {
        if (p + count > length) {
            return false;
        }
        for (int i = p; i < p + count; i++) {
            if (h[i] < '0' || h[i] > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }
}
