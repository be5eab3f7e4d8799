/** The catalogue interface on the side of an application that lists itself in a catalogue. */
package io.charmkit.interfaces.catalogue;
