/**
 * JSON Schema generation for databags, in charm-relation-interfaces' layout. Uses the optional
 * victools generator: for build tools and charm authors, never at a charm's run time.
 */
package io.charmkit.schema.jsonschema;
