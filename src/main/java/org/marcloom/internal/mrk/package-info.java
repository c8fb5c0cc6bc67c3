/// MARCMaker / MARCBreaker (`.mrk`) reading and writing: [org.marcloom.internal.mrk.MrkSource],
/// [org.marcloom.internal.mrk.MrkSink] and the Library of Congress mnemonic table. Not exported.
package org.marcloom.internal.mrk;
