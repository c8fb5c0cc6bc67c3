package org.marcloom.testing;

/// Test support: bytes and code points written out for assertion messages.
public final class Hex {

    private Hex() {
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
