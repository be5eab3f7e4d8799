/**
 * Databag codecs: records to {@code Map<String,String>} and back, writing JSON with the exact bytes
 * of the running Python charms.
 */
package io.charmkit.schema.codec;
