/// Entry points: `MarcReader`, `MarcWriter`, their options, diagnostics and exceptions.
package org.marcloom;
