/// The MARC-8 character set: [Marc8Decoder] and [Marc8Encoder], with tables generated from the
/// Library of Congress code tables.
package org.marcloom.marc8;
