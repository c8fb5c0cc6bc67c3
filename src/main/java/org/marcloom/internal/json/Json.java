package org.marcloom.internal.json;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.json.UTF8StreamJsonParser;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import java.io.InputStream;
import org.marcloom.Limits;

/// Shared Jackson state for MARC-in-JSON: one [JsonFactory] (thread-safe, immutable once built)
/// and the pre-encoded key names.
final class Json {

    /// Shared by every [JsonSink] and by every [JsonSource] whose limits are the default ones;
    /// Jackson factories are thread-safe.
    static final Factory FACTORY = build(Limits.DEFAULTS);

    /// A factory whose parsers hold [Limits] (see [#constraints]).
    ///
    /// Buffers are recycled through a bounded pool owned by the factory
    /// ([JsonRecyclerPools#newBoundedPool]), not Jackson's default thread-local pool: readers run
    /// on virtual threads (the parallel reader's workers), where a thread-local pool reuses
    /// nothing (each virtual thread is new) and ties buffers to thread lifetimes; a pool of the
    /// factory (not the JVM-wide shared one) keeps marcloom's buffers apart from the
    /// application's, and the bound keeps what is retained to 32 recyclers whatever the peak
    /// concurrency.
    private static Factory build(Limits limits) {
        return new Factory((JsonFactoryBuilder) JsonFactory.builder().streamReadConstraints(constraints(limits))
                .recyclerPool(JsonRecyclerPools.newBoundedPool(32)));
    }

    /// A [JsonFactory] that can also make a parser for bytes known to be UTF-8.
    static final class Factory extends JsonFactory {
        private static final long serialVersionUID = 1L;

        Factory(JsonFactoryBuilder b) {
            super(b);
        }

        /// A parser that reads `in` as UTF-8, without Jackson's encoding detection (which takes
        /// bytes for UTF-16 or UTF-32 when NUL bytes are among the first four; in UTF-8 a NUL is
        /// a control character, which JSON does not allow between tokens or unescaped in strings).
        /// A byte order mark is not skipped.
        JsonParser createUtf8Parser(InputStream in) {
            IOContext ctxt = _createContext(_createContentReference(in), false);
            ctxt.setEncoding(JsonEncoding.UTF8);
            return new UTF8StreamJsonParser(ctxt, _parserFeatures, in, _objectCodec,
                    _byteSymbolCanonicalizer.makeChildOrPlaceholder(_factoryFeatures), ctxt.allocReadIOBuffer(), 0, 0,
                    true);
        }
    }

    /// The factory for a reader with `limits`: the shared one when its bounds are the defaults.
    static Factory factory(Limits limits) {
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
