/** The catalogue interface (catalogue_k8s.v1.catalogue): an application's entry in a catalogue. */
package io.charmkit.schema.catalogue;
