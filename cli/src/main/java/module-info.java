/// The `marcloom` command-line tool. It uses marcloom's exported API, and the bulk paths that
/// marcloom exports to this module only (`org.marcloom.internal.bulk`).
module org.marcloom.cli {
    requires org.marcloom;
    requires org.slf4j;
}
