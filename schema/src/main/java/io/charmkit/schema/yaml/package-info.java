/** YAML emission that PyYAML and Go YAML parsers read alike (for {@code worker_config}). */
package io.charmkit.schema.yaml;
