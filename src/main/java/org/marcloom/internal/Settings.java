package org.marcloom.internal;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadFactory;

/// What the public builders share: each setting given once, and arguments checked the same way
/// everywhere, with messages that name the parameter.
///
/// A builder records each setting it is given with the call that gave it. Giving the same setting
/// again with an equal value is allowed; with a different value, directly or through an options
/// value that sets it too, is an [IllegalStateException] that names both calls (Caffeine's
/// `requireState` discipline: nothing set is ever silently dropped). Not thread-safe, like the
/// builders that own one.
///
/// A builder's setter is one line: the typed forms ([#flag], [#value], [#count], [#duration])
/// check the argument with a message naming the parameter, record it under the method's name as
/// the call `name(value)`, and return the builder; [#all] records every component of an options
/// value as given by one call.
public final class Settings {

    private final Map<String, Object> values = new HashMap<>();
    private final Map<String, String> calls = new HashMap<>();

    /// Records `setting = value`, given by `call` (as the user wrote it, for the message).
    ///
    /// @throws IllegalStateException when the setting was already given a different value
    public void set(String setting, Object value, String call) {
        if (values.containsKey(setting)) {
            Object before = values.get(setting);
            if (!Objects.equals(before, value)) {
                throw new IllegalStateException(call + " conflicts with " + calls.get(setting)
                        + ", given before: each setting may be given once (" + setting + " was " + before
                        + ", now " + value + ")");
            }
            return;
        }
        values.put(setting, value);
        calls.put(setting, call);
    }

    /// Records every `name = value` of `components` (in their order) as given by `call`.
    ///
    /// @throws IllegalStateException when one of them was already given a different value
    public <B> B all(B builder, Map<String, ?> components, String call) {
        components.forEach((setting, value) -> set(setting, value, call));
        return builder;
    }

    /// Records the flag `setting(value)` and returns `builder`.
    ///
    /// @throws IllegalStateException when the setting was already given a different value
    public <B> B flag(B builder, String setting, boolean value) {
        set(setting, value, setting + "(" + value + ")");
        return builder;
    }

    /// Records `setting(value)` for a value that must not be null and returns `builder`.
    ///
    /// @throws NullPointerException  naming the setting when `value` is null
    /// @throws IllegalStateException when the setting was already given a different value
    public <B> B value(B builder, String setting, Object value) {
        set(setting, notNull(setting, value), setting + "(" + value + ")");
        return builder;
    }

    /// Records `setting(value)` for a count that must be at least 1 and returns `builder`.
    ///
    /// @throws IllegalArgumentException naming the setting when `value` is below 1
    /// @throws IllegalStateException    when the setting was already given a different value
    public <B> B count(B builder, String setting, int value) {
        set(setting, atLeastOne(setting, value), setting + "(" + value + ")");
        return builder;
    }

    /// Records `setting(value)` for a duration that must be positive and returns `builder`.
    ///
    /// @throws NullPointerException     naming the setting when `value` is null
    /// @throws IllegalArgumentException naming the setting when it is zero or negative
    /// @throws IllegalStateException    when the setting was already given a different value
    public <B> B duration(B builder, String setting, Duration value) {
        set(setting, positive(setting, value), setting + "(" + value + ")");
        return builder;
    }

    /// The `threadFactory` given, or virtual threads named `prefix` and a number from 0.
    public ThreadFactory threads(String prefix) {
        ThreadFactory given = get("threadFactory", null);
        return given != null ? given : Thread.ofVirtual().name(prefix, 0).factory();
    }

    /// Whether `setting` was given.
    public boolean has(String setting) {
        return values.containsKey(setting);
    }

    /// The value given for `setting`, or `fallback` when none was.
    @SuppressWarnings("unchecked")
    public <T> T get(String setting, T fallback) {
        return values.containsKey(setting) ? (T) values.get(setting) : fallback;
    }

    /// `value` when it is at least 1.
    ///
    /// @throws IllegalArgumentException naming the parameter otherwise
    public static int atLeastOne(String parameter, int value) {
        if (value < 1) {
            throw new IllegalArgumentException("'" + parameter + "' must be at least 1, was " + value);
        }
        return value;
    }

    /// `value` when it is at least `min`.
    ///
    /// @throws IllegalArgumentException naming the parameter otherwise
    public static int atLeast(String parameter, int min, int value) {
        if (value < min) {
            throw new IllegalArgumentException("'" + parameter + "' must be at least " + min + ", was " + value);
        }
        return value;
    }

    /// `value` when it is a positive duration.
    ///
    /// @throws NullPointerException     naming the parameter when `value` is null
    /// @throws IllegalArgumentException naming the parameter when it is zero or negative
    public static Duration positive(String parameter, Duration value) {
        Objects.requireNonNull(value, () -> "'" + parameter + "' must not be null");
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("'" + parameter + "' must be positive, was " + value);
        }
        return value;
    }

    /// `value` when it is not null.
    ///
    /// @throws NullPointerException naming the parameter otherwise
    public static <T> T notNull(String parameter, T value) {
        return Objects.requireNonNull(value, () -> "'" + parameter + "' must not be null");
    }
}
