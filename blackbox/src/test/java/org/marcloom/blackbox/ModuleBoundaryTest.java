package org.marcloom.blackbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.module.ModuleDescriptor;
import java.lang.reflect.Field;
import java.lang.reflect.InaccessibleObjectException;
import java.lang.reflect.Method;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.marcloom.MarcReader;

/// What `module-info` gives users: these tests run in the named module `org.marcloom.blackbox`
/// on the module path, where `org.marcloom` is a named module too, so the module system itself
/// enforces what it exports.
class ModuleBoundaryTest {

    static final Module MARCLOOM = MarcReader.class.getModule();
    static final Module SELF = ModuleBoundaryTest.class.getModule();

    @Test
    void bothAreNamedModulesOfTheBootLayer() {
        assertEquals("org.marcloom", MARCLOOM.getName());
        assertEquals("org.marcloom.blackbox", SELF.getName());
        assertSame(ModuleLayer.boot(), MARCLOOM.getLayer());
        assertSame(MARCLOOM, ModuleLayer.boot().findModule("org.marcloom").orElseThrow());
        assertTrue(SELF.canRead(MARCLOOM));
    }

    @Test
    void exactlyTheFiveApiPackagesAreExportedToEveryone() {
        ModuleDescriptor d = MARCLOOM.getDescriptor();
        assertEquals(Set.of("org.marcloom", "org.marcloom.record", "org.marcloom.marc8", "org.marcloom.batch",
                        "org.marcloom.validation"),
                d.exports().stream().filter(e -> !e.isQualified()).map(ModuleDescriptor.Exports::source)
                        .collect(Collectors.toSet()));
        // the one qualified export: the command-line tool's bulk paths (count and convert without decoding)
        assertEquals(Set.of("org.marcloom.internal.bulk -> [org.marcloom.cli]"), d.exports().stream()
                .filter(ModuleDescriptor.Exports::isQualified).map(e -> e.source() + " -> " + e.targets())
                .collect(Collectors.toSet()));
        assertEquals(Set.of(), d.opens(), "no package is open to deep reflection");
        assertFalse(d.isOpen());
        assertEquals(Set.of("com.fasterxml.jackson.core", "java.base", "java.xml", "org.slf4j"),
                d.requires().stream().map(ModuleDescriptor.Requires::name).collect(Collectors.toCollection(TreeSet::new)));
    }

    @Test
    void theInternalPackagesExistButAreNotExported() {
        Set<String> internal = MARCLOOM.getPackages().stream().filter(p -> p.startsWith("org.marcloom.internal"))
                .collect(Collectors.toSet());
        assertTrue(internal.contains("org.marcloom.internal"), "the package is in the module: " + internal);
        assertTrue(internal.contains("org.marcloom.internal.parallel"), "and so are its subpackages: " + internal);
        for (String p : internal) {
            assertFalse(MARCLOOM.isExported(p), p);
            assertFalse(MARCLOOM.isExported(p, SELF), p);
            assertFalse(MARCLOOM.isOpen(p, SELF), p);
        }
        assertTrue(MARCLOOM.isExported("org.marcloom", SELF));
        assertFalse(MARCLOOM.isOpen("org.marcloom", SELF));
    }

    @Test
    void calling_a_public_method_of_an_internal_class_fails_with_IllegalAccessException() throws Exception {
        Class<?> settings = Class.forName("org.marcloom.internal.Settings", true, MarcReader.class.getClassLoader());
        assertSame(MARCLOOM, settings.getModule());
        Method notNull = settings.getMethod("notNull", String.class, Object.class);
        IllegalAccessException e = assertThrows(IllegalAccessException.class, () -> notNull.invoke(null, "x", "y"));
        assertEquals("class org.marcloom.blackbox.ModuleBoundaryTest (in module org.marcloom.blackbox) cannot access"
                + " class org.marcloom.internal.Settings (in module org.marcloom) because module org.marcloom does not"
                + " export org.marcloom.internal to module org.marcloom.blackbox", e.getMessage());
    }

    @Test
    void deep_reflection_into_an_exported_package_fails_with_InaccessibleObjectException() throws Exception {
        Field source = MarcReader.class.getDeclaredField("source");
        InaccessibleObjectException e = assertThrows(InaccessibleObjectException.class, () -> source.setAccessible(true));
        assertEquals("Unable to make field private final " + source.getType().getName() + " org.marcloom.MarcReader.source"
                + " accessible: module org.marcloom does not \"opens org.marcloom\" to module org.marcloom.blackbox",
                e.getMessage());
        assertEquals("org.marcloom.internal", source.getType().getPackageName(), "the reader's engine is internal");
    }
}
