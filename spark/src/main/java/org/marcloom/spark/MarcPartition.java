package org.marcloom.spark;

import org.apache.spark.sql.connector.read.InputPartition;
import org.marcloom.MarcFormat;
import org.marcloom.MarcSplitter;

/// One task's input: a split of a splittable file, or a whole file.
///
/// @param file      the file's URI
/// @param size      its size in bytes
/// @param format    its format
/// @param gzip      whether it is gzip-compressed (then read whole)
/// @param split     the split (ISO 2709 and MARC-in-JSON lines, not compressed), else null
/// @param locations hosts that hold its bytes
record MarcPartition(String file, long size, MarcFormat format, boolean gzip, MarcSplitter.Split split,
                     String[] locations) implements InputPartition {

    @Override
    public String[] preferredLocations() {
        return locations;
    }
}
