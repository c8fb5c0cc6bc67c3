/// The marc4j bridge: marc4j 2.9.6's [org.marc4j.MarcReader] and [org.marc4j.MarcWriter] over
/// marcloom's readers and writers ([Marc4jReader], [Marc4jWriter]) and the conversion of records
/// both ways ([Marc4jRecords]), so that code written against marc4j can switch one line at a time.
/// See `docs/migrating.md`.
package org.marcloom.marc4j;
