/** The coordinator base of the coordinated-workers pattern. */
package io.charmkit.coordinator;
