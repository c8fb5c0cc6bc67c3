package org.marcloom.internal;

/// A factory that an exported package hands to marcloom's internals when its owner class is
/// initialised (the owner calls [#install] from a static initialiser). [#get] initialises the
/// owner first if nobody has yet. Thread-safe.
final class InstalledFactory<F> {

    private final Class<?> owner;
    private volatile F factory;

    InstalledFactory(Class<?> owner) {
        this.owner = owner;
    }

    /// Keeps the first factory installed; later calls are ignored.
    synchronized void install(F f) {
        if (factory == null) {
            factory = f;
        }
    }

    F get() {
        F f = factory;
        if (f == null) {
            try {
                Class.forName(owner.getName(), true, owner.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
            f = factory;
        }
        return f;
    }
}
