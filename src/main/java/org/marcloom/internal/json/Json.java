package org.marcloom.internal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.io.SerializedString;

/// Shared Jackson state for MARC-in-JSON: one [JsonFactory] (thread-safe, immutable once built)
/// and the pre-encoded key names.
final class Json {

    /// Shared by every [JsonSink] and [JsonSource]; Jackson factories are thread-safe.
    static final JsonFactory FACTORY = JsonFactory.builder().build();

    static final SerializedString LEADER = new SerializedString("leader");
    static final SerializedString FIELDS = new SerializedString("fields");
    static final SerializedString IND1 = new SerializedString("ind1");
    static final SerializedString IND2 = new SerializedString("ind2");
    static final SerializedString SUBFIELDS = new SerializedString("subfields");

    private static final String[] ONE_CHAR = new String[128];

    static {
        for (int i = 0; i < 128; i++) {
            ONE_CHAR[i] = String.valueOf((char) i);
        }
    }

    private Json() {
    }

    /// `String.valueOf(c)`, shared for ASCII.
    static String oneChar(char c) {
        return c < 128 ? ONE_CHAR[c] : String.valueOf(c);
    }
}
