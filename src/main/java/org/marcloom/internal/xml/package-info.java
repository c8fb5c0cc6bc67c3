/// MARCXML (MARC 21 slim) reading (own decoder and XML scanner, the JDK's StAX parser for documents
/// with a DTD) and hand-written UTF-8 writing. Not exported.
package org.marcloom.internal.xml;
