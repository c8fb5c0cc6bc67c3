package org.marcloom.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/// A small command-line parser: long options (`--name`, `--name VALUE`, `--name=VALUE`), an
/// optional one-letter alias (`-o VALUE`), `--` to end the options, and `-` as a positional (standard
/// input or output). Unknown options are a [UsageException]. Not thread-safe; one parse per instance.
final class Args {

    /// One option a command accepts.
    ///
    /// @param name      the long name without dashes (`lenient`)
    /// @param alias     a one-letter alias without the dash, or `null`
    /// @param valueName the value's name in help (`N`), or `null` for a flag
    /// @param help      one line of help
    record Option(String name, String alias, String valueName, String help) {
        boolean takesValue() {
            return valueName != null;
        }

        String synopsis() {
            String s = (alias != null ? "-" + alias + ", " : "    ") + "--" + name;
            return takesValue() ? s + " " + valueName : s;
        }
    }

    static Option flag(String name, String help) {
        return new Option(name, null, null, help);
    }

    static Option value(String name, String valueName, String help) {
        return new Option(name, null, valueName, help);
    }

    /// The result: option values by long name (repeated options keep every value) and positionals.
    static final class Parsed {
        private final String command;
        private final Map<String, List<String>> values = new LinkedHashMap<>();
        private final List<String> positionals = new ArrayList<>();

        private Parsed(String command) {
            this.command = command;
        }

        boolean has(String name) {
            return values.containsKey(name);
        }

        /// The last value given for an option, or `null`.
        String value(String name) {
            List<String> v = values.get(name);
            return v == null ? null : v.getLast();
        }

        /// Every value given for a repeatable option, in order (empty when none).
        List<String> values(String name) {
            return values.getOrDefault(name, List.of());
        }

        String value(String name, String fallback) {
            String v = value(name);
            return v == null ? fallback : v;
        }

        /// An integer option at least `min`, or `fallback` when absent.
        int intValue(String name, int min, int fallback) throws UsageException {
            String v = value(name);
            if (v == null) {
                return fallback;
            }
            try {
                int n = Integer.parseInt(v);
                if (n >= min) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new UsageException(command, "--" + name + " needs a whole number of at least " + min + ", not '" + v + "'");
        }

        List<String> positionals() {
            return positionals;
        }
    }

    private Args() {
    }

    /// Parses `args` against `options`.
    ///
    /// @throws UsageException for an unknown option or a missing value
    static Parsed parse(String command, List<Option> options, List<String> args) throws UsageException {
        Map<String, Option> byName = new LinkedHashMap<>();
        for (Option o : options) {
            byName.put("--" + o.name(), o);
            if (o.alias() != null) {
                byName.put("-" + o.alias(), o);
            }
        }
        Parsed p = new Parsed(command);
        boolean optionsEnded = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (optionsEnded || a.equals("-") || !a.startsWith("-")) {
                p.positionals.add(a);
                continue;
            }
            if (a.equals("--")) {
                optionsEnded = true;
                continue;
            }
            String key = a;
            String inline = null;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                key = a.substring(0, eq);
                inline = a.substring(eq + 1);
            }
            Option o = byName.get(key);
            if (o == null) {
                throw new UsageException(command, "unknown option " + key);
            }
            String v;
            if (!o.takesValue()) {
                if (inline != null) {
                    throw new UsageException(command, "option " + key + " takes no value");
                }
                v = "";
            } else if (inline != null) {
                v = inline;
            } else if (i + 1 < args.size()) {
                v = args.get(++i);
            } else {
                throw new UsageException(command, "option " + key + " needs a value (" + o.valueName() + ")");
            }
            p.values.computeIfAbsent(o.name(), k -> new ArrayList<>()).add(v);
        }
        return p;
    }

    /// A command line that cannot be obeyed: exit status 2, one line on standard error.
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;
        private final String command;

        UsageException(String command, String message) {
            super(message);
            this.command = command;
        }

        /// The command whose help to point at, or `null` for the top level.
        String command() {
            return command;
        }
    }
}
