/**
 * Typed, validated relation databags: records in, {@code Map<String,String>} out, and back, byte
 * for byte as the running Python charms write them. Knows nothing of Juju's runtime.
 */
package io.charmkit.schema;
