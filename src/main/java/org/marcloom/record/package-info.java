/// The immutable MARC record model: `MarcRecord`, `Leader`, fields and subfields; `MarcSpec`, the
/// MARCspec query language the model's lookups take; `Linkage`, `LinkedField` and `LinkedValue`
/// for 880 alternate graphic representations.
package org.marcloom.record;
