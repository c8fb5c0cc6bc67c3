package org.marcloom.record;

import java.util.List;

/// A parsed field selector: `245`, `245$a`, `650$ax`, `6XX$a`, `008/35-37`.
record Selector(String tagPattern, String codes, int from, int to) {

    static Selector parse(String selector) {
        if (selector == null || selector.length() < 3) {
            throw new IllegalArgumentException("selector must start with a three-character tag or pattern, was \"" + selector + "\"");
        }
        String tag = selector.substring(0, 3);
        String rest = selector.substring(3);
        if (rest.isEmpty()) {
            return new Selector(tag, null, -1, -1);
        }
        if (rest.charAt(0) == '$' && rest.length() > 1) {
            return new Selector(tag, rest.substring(1), -1, -1);
        }
        if (rest.charAt(0) == '/') {
            String range = rest.substring(1);
            int dash = range.indexOf('-');
            try {
                int from = Integer.parseInt(dash < 0 ? range : range.substring(0, dash));
                int to = dash < 0 ? from : Integer.parseInt(range.substring(dash + 1));
                if (from >= 0 && to >= from) {
                    return new Selector(tag, null, from, to);
                }
            } catch (NumberFormatException e) {
                // fall through to the error below
            }
        }
        throw new IllegalArgumentException("malformed selector \"" + selector
                + "\": expected TAG, TAG$codes (245$ab) or TAG/start-end (008/35-37)");
    }

    void collect(Field f, List<String> out) {
        switch (f) {
            case ControlField c -> {
                if (from >= 0) {
                    String part = c.substring(from, to + 1);
                    if (!part.isEmpty()) {
                        out.add(part);
                    }
                } else if (codes == null) {
                    out.add(c.data());
                }
            }
            case DataField d -> {
                if (from >= 0) {
                    return;
                }
                if (codes == null) {
                    out.add(d.text(null));
                } else {
                    for (Subfield s : d.subfields()) {
                        if (codes.indexOf(s.code()) >= 0) {
                            out.add(s.value());
                        }
                    }
                }
            }
        }
    }
}
