package org.marcloom.internal.iso2709;

import org.marcloom.internal.ModelAccess;

/// The shared String for each three-digit tag, so parsing allocates no tag Strings.
final class TagTable {

    static final String[] TAGS = new String[1000];

    static {
        ModelAccess.Factory model = ModelAccess.factory();
        for (int i = 0; i < 1000; i++) {
            TAGS[i] = model.internTag(String.format("%03d", i));
        }
    }

    private TagTable() {
    }
}
