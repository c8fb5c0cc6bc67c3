/// MARCXML (MARC 21 slim) reading over StAX and hand-written UTF-8 writing. Not exported.
package org.marcloom.internal.xml;
