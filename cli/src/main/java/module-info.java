/// The `marcloom` command-line tool. It uses only marcloom's exported API.
module org.marcloom.cli {
    requires org.marcloom;
    requires org.slf4j;
}
