/// The MARC-8 character set: [Marc8Decoder] (bytes to text, strict or with an
/// [Marc8Decoder.ErrorListener]) and [Marc8Encoder] (text to bytes, lossless through numeric
/// character references), with tables generated from the Library of Congress code tables. Every
/// type here is immutable and thread-safe except [Marc8Decoder.Builder].
package org.marcloom.marc8;
