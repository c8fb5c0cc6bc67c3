package org.marcloom.internal;

import org.marcloom.marc8.Marc8Decoder;

/// Lets the parsers decode MARC-8 through reusable scratch arrays, which the public, immutable
/// [Marc8Decoder] cannot keep. The MARC-8 package installs the implementation; this package is not
/// exported, so only marcloom's own parsers reach it.
public final class Marc8Access {

    /// A [Marc8Decoder] with scratch arrays of its own, reused from one value to the next: what
    /// it allocates per value is the resulting String. Not thread-safe: one per parser.
    public interface ScratchDecoder {
        /// Exactly [Marc8Decoder#decode(byte[], int, int, Marc8Decoder.ErrorListener)] of the
        /// decoder it was made from (a null `listener` makes it strict).
        String decode(byte[] bytes, int offset, int length, Marc8Decoder.ErrorListener listener);
    }

    /// Makes scratch decoders.
    public interface Factory {
        ScratchDecoder scratchDecoder(Marc8Decoder decoder);
    }

    private static final InstalledFactory<Factory> FACTORY = new InstalledFactory<>(Marc8Decoder.class);

    private Marc8Access() {
    }

    /// Called once by the MARC-8 package; later calls are ignored.
    public static void install(Factory f) {
        FACTORY.install(f);
    }

    public static Factory factory() {
        return FACTORY.get();
    }
}
