/// marcloom: streaming readers and writers for MARC bibliographic records.
///
/// Exports only the API packages; `org.marcloom.internal` holds the framer and the fast
/// parsers and is not exported.
module org.marcloom {
    requires org.slf4j;
    requires com.fasterxml.jackson.core;
    requires java.xml;

    exports org.marcloom;
    exports org.marcloom.record;
    exports org.marcloom.marc8;
    exports org.marcloom.batch;
    // org.marcloom.internal and its subpackages are deliberately not exported.
}
