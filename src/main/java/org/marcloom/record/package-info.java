/// The immutable MARC record model: `MarcRecord`, `Leader`, fields and subfields.
package org.marcloom.record;
