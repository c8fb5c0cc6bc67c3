/// Validation against the MARC 21 format definitions: [org.marcloom.validation.Marc21Validator]
/// checks records and reports [org.marcloom.validation.Finding]s with stable
/// [org.marcloom.validation.FindingCode]s.
///
/// The definitions are the Avram JSON files of timathom/marc-schema (commit 8f87821, 2024-02-21,
/// generated from the Library of Congress MARC 21 documentation; Apache License 2.0), shipped
/// unmodified in this package's resources with their licence (`marc21-schema-LICENSE.txt`) and
/// notice (`marc21-schema-NOTICE.txt`), plus a small supplement of control fields they leave
/// out. Local profiles in the same format are merged over them.
package org.marcloom.validation;
