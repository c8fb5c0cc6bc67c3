package org.marcloom.internal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import org.marcloom.Limits;

/// Shared Jackson state for MARC-in-JSON: one [JsonFactory] (thread-safe, immutable once built)
/// and the pre-encoded key names.
final class Json {

    /// Shared by every [JsonSink] and by every [JsonSource] whose limits are the default ones;
    /// Jackson factories are thread-safe.
    static final JsonFactory FACTORY = build(Limits.DEFAULTS);

    /// A factory whose parsers hold [Limits] (see [#constraints]).
    ///
    /// Buffers are recycled through a bounded pool owned by the factory
    /// ([JsonRecyclerPools#newBoundedPool]), not Jackson's default thread-local pool: readers run
    /// on virtual threads (the parallel reader's workers), where a thread-local pool reuses
    /// nothing (each virtual thread is new) and ties buffers to thread lifetimes; a pool of the
    /// factory (not the JVM-wide shared one) keeps marcloom's buffers apart from the
    /// application's, and the bound keeps what is retained to 32 recyclers whatever the peak
    /// concurrency.
    private static JsonFactory build(Limits limits) {
        return JsonFactory.builder().streamReadConstraints(constraints(limits))
                .recyclerPool(JsonRecyclerPools.newBoundedPool(32)).build();
    }

    /// The factory for a reader with `limits`: the shared one when its bounds are the defaults.
    static JsonFactory factory(Limits limits) {
        Limits d = Limits.DEFAULTS;
        if (limits.maxTokenLength() == d.maxTokenLength() && limits.maxNameLength() == d.maxNameLength()
                && limits.maxNestingDepth() == d.maxNestingDepth()) {
            return FACTORY;
        }
        return build(limits);
    }

    /// Jackson's read constraints from [Limits]: strings and numbers to
    /// [Limits#maxTokenLength()], keys to [Limits#maxNameLength()], nesting to
    /// [Limits#maxNestingDepth()]; the document length is not bounded (the input is a stream of
    /// records, each held to [Limits#maxRecordBytes()] by the reader).
    static StreamReadConstraints constraints(Limits limits) {
        return StreamReadConstraints.builder().maxStringLength(limits.maxTokenLength())
                .maxNumberLength(limits.maxTokenLength()).maxNameLength(limits.maxNameLength())
                .maxNestingDepth(limits.maxNestingDepth()).maxDocumentLength(-1).build();
    }

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
