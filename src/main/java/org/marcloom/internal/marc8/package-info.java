/// The MARC-8 codec's machinery: the code tables, the decoder's state machine (with the scratch
/// arrays the ISO 2709 parser reuses) and the encoder. The exported `org.marcloom.marc8` classes
/// are thin wrappers over it; nothing here names them.
package org.marcloom.internal.marc8;
