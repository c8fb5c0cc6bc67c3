package org.marcloom.record;

import java.util.List;
import org.marcloom.Diagnostic;
import org.marcloom.internal.ModelAccess;

/// The record package's side of [ModelAccess]: trusted, copy-free constructors for parsers.
final class TrustedFactory implements ModelAccess.Factory {

    static void install() {
        ModelAccess.install(new TrustedFactory());
    }

    @Override
    public DataField dataField(String tag, char indicator1, char indicator2, Subfield[] subfields, int count) {
        return new DataField(tag, indicator1, indicator2, subfields, count);
    }

    @Override
    public MarcRecord record(Leader leader, Field[] fields, int count, List<Diagnostic> diagnostics) {
        return new MarcRecord(leader, fields, count, diagnostics);
    }

    @Override
    public String internTag(String tag) {
        return Tags.intern(tag);
    }
}
