package org.marcloom.internal;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/// The names of a value class's components, in order, so that the class's `toString` and the
/// builders that take the value as a whole (`options(ReaderOptions)`) are driven by one list: the
/// class lists its values in the same order ([#map], [#toString]) and compares them with
/// [Arrays#equals(Object[], Object[])] and [Arrays#hashCode(Object[])]. Immutable and
/// thread-safe.
public final class Components {

    private final String type;
    private final List<String> names;

    /// The components of `type`, named in order.
    public Components(String type, String... names) {
        this.type = type;
        this.names = List.of(names);
    }

    /// `name = value` for each component, in order; `values` are in the order of the names.
    ///
    /// @throws IllegalArgumentException when there are not as many values as names
    public Map<String, Object> map(Object... values) {
        check(values);
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            m.put(names.get(i), values[i]);
        }
        return Collections.unmodifiableMap(m);
    }

    /// `Type[name=value, ...]`, the way a record prints itself.
    ///
    /// @throws IllegalArgumentException when there are not as many values as names
    public String toString(Object... values) {
        check(values);
        StringBuilder sb = new StringBuilder(type).append('[');
        for (int i = 0; i < values.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(names.get(i)).append('=').append(values[i]);
        }
        return sb.append(']').toString();
    }

    private void check(Object[] values) {
        if (values.length != names.size()) {
            throw new IllegalArgumentException(type + " has " + names.size() + " components, given "
                    + values.length + " values");
        }
    }
}
