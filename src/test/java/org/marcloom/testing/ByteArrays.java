package org.marcloom.testing;

/// Test support: bytes searched for, and bytes and code points written out for assertion messages.
public final class ByteArrays {

    private ByteArrays() {
    }

    /// Index of the first occurrence of `needle` in `hay`.
    ///
    /// @throws AssertionError when there is none
    public static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int k = 0; k < needle.length; k++) {
                if (hay[i + k] != needle[k]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found: " + java.util.Arrays.toString(needle));
    }

    /// `1B 28 42`: each byte in two hex digits, separated by blanks.
    public static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (byte x : b) {
            sb.append(String.format("%02X ", x & 0xFF));
        }
        return sb.toString().strip();
    }

    /// `[ U+0065 U+0301 ]`: the code points of `s`.
    public static String codePoints(String s) {
        StringBuilder sb = new StringBuilder("[");
        s.codePoints().forEach(cp -> sb.append(String.format(" U+%04X", cp)));
        return sb.append(" ]").toString();
    }
}
