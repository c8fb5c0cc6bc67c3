/// The black-box tests' module. It reads only what `org.marcloom` exports; its tests (in
/// `src/test/java`, patched into this module by the build) and the documentation snippets are
/// compiled and run against that.
module org.marcloom.blackbox {
    requires org.marcloom;
}
