/**
 * The s3 relation: reading its data, and the object-storage settings products are configured with.
 */
package io.charmkit.coordinator.s3;
