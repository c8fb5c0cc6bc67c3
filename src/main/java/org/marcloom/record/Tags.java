package org.marcloom.record;

import java.util.Objects;

/// Tag helpers: validation and interning. Matching tag patterns is [SpecTag]'s.
final class Tags {

    private static final String[] NUMERIC = new String[1000];

    static {
        for (int i = 0; i < 1000; i++) {
            NUMERIC[i] = String.format("%03d", i);
        }
    }

    private Tags() {
    }

    static void check(String tag) {
        Objects.requireNonNull(tag, "tag");
        if (tag.length() != 3) {
            throw new IllegalArgumentException("'tag' must be three characters, was \"" + tag + "\"");
        }
    }

    /// The shared instance for a three-digit tag, or the argument itself.
    static String intern(String tag) {
        if (tag.length() == 3) {
            int a = tag.charAt(0) - '0';
            int b = tag.charAt(1) - '0';
            int c = tag.charAt(2) - '0';
            if ((a | b | c) >= 0 && a <= 9 && b <= 9 && c <= 9) {
                return NUMERIC[a * 100 + b * 10 + c];
            }
        }
        return tag;
    }
}
