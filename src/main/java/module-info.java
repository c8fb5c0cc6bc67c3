/// marcloom: streaming readers and writers for MARC bibliographic records.
///
/// Exports only the API packages; `org.marcloom.internal` holds the framer and the fast
/// parsers and is not exported. `org.marcloom.record` holds the record model and MARCspec, its
/// query language; `org.marcloom.validation` checks records against the MARC 21 definitions.
module org.marcloom {
    requires org.slf4j;
    requires com.fasterxml.jackson.core;
    requires java.xml;

    exports org.marcloom;
    exports org.marcloom.record;
    exports org.marcloom.marc8;
    exports org.marcloom.batch;
    exports org.marcloom.validation;
    // org.marcloom.internal and its subpackages are deliberately not exported, but for the bulk
    // paths the command-line tool uses (counting and converting ISO 2709 without decoding).
    exports org.marcloom.internal.bulk to org.marcloom.cli;
}
