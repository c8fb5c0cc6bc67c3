package org.marcloom.record;

/// A compiled field tag: which record tags it matches. `.` matches any character; so do `X` and
/// `x` in a tag made only of digits, `.`, `X` and `x` (`6XX`, `1xx`, `X00`: the MARC 21
/// documentation's way of naming a block of tags, and marcloom's selectors before MARCspec). `LDR`
/// names the leader and matches no field. Immutable.
final class SpecTag {

    private final String text;
    private final boolean leader;
    /// The tag itself when it has no wildcard, else null.
    private final String exact;
    private final char c0;
    private final char c1;
    private final char c2;
    private final boolean any0;
    private final boolean any1;
    private final boolean any2;

    SpecTag(String text) {
        this.text = text;
        this.leader = text.equals("LDR");
        boolean blockPattern = true;
        for (int i = 0; i < 3; i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c == '.' || c == 'X' || c == 'x')) {
                blockPattern = false;
            }
        }
        boolean[] any = new boolean[3];
        for (int i = 0; i < 3; i++) {
            char c = text.charAt(i);
            any[i] = c == '.' || blockPattern && (c == 'X' || c == 'x');
        }
        this.any0 = any[0];
        this.any1 = any[1];
        this.any2 = any[2];
        this.c0 = text.charAt(0);
        this.c1 = text.charAt(1);
        this.c2 = text.charAt(2);
        this.exact = any0 || any1 || any2 ? null : Tags.intern(text);
    }

    String text() {
        return text;
    }

    /// Whether this is `LDR`.
    boolean isLeader() {
        return leader;
    }

    /// Whether a field with this tag is selected.
    boolean matches(String tag) {
        if (leader) {
            return false;
        }
        if (exact != null) {
            return exact == tag || exact.equals(tag);
        }
        return tag.length() == 3
                && (any0 || tag.charAt(0) == c0)
                && (any1 || tag.charAt(1) == c1)
                && (any2 || tag.charAt(2) == c2);
    }
}
