package org.marcloom.internal;

import java.util.List;
import org.marcloom.Diagnostic;
import org.marcloom.record.DataField;
import org.marcloom.record.MarcRecord;
import org.marcloom.record.Subfield;
import org.marcloom.record.Field;

/// Lets the parsers build model objects over arrays they hand over, without the defensive copies
/// the public factories make. The record package installs the implementation; this package is not
/// exported, so only marcloom's own parsers reach it.
public final class ModelAccess {

    /// Trusted constructors: the arrays passed in must never be touched again by the caller.
    public interface Factory {
        DataField dataField(String tag, char indicator1, char indicator2, Subfield[] subfields, int count);

        MarcRecord record(org.marcloom.record.Leader leader, Field[] fields, int count, List<Diagnostic> diagnostics);

        /// The shared String for a three-digit tag, else the tag itself.
        String internTag(String tag);
    }

    private static final InstalledFactory<Factory> FACTORY = new InstalledFactory<>(MarcRecord.class);

    private ModelAccess() {
    }

    /// Called once by the record package; later calls are ignored.
    public static void install(Factory f) {
        FACTORY.install(f);
    }

    public static Factory factory() {
        return FACTORY.get();
    }
}
