/**
 * The {@code charmkit} command line for charm authors ({@link io.charmkit.schema.cli.CharmkitCli}):
 * prints an interface's JSON Schema and validates a whole relation's databags, written as in the
 * interface specs' examples, reporting each problem on the line it came from.
 */
package io.charmkit.schema.cli;
