/// A user's module: it reads marcloom through the packages that `org.marcloom` exports. If the
/// library stopped exporting `org.marcloom` or `org.marcloom.batch`, this would not compile.
module org.marcloom.consumer {
    requires org.marcloom;

    exports org.marcloom.consumer;
}
