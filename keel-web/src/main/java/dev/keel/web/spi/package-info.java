/**
 * The contract between keel-web and the route classes keel-processor generates into applications'
 * jars: {@link dev.keel.web.spi.Bindings} and {@link dev.keel.web.spi.Validation}. Generated code
 * imports only this package and public API ({@code dev.keel.core}, {@code dev.keel.core.spi},
 * {@code dev.keel.web}), never an {@code internal} package, so that a jar compiled against one
 * minor version of Keel runs on the next: every public method here is stable across minor versions,
 * and a change is a new method beside the old one. Applications call none of it.
 */
package dev.keel.web.spi;
