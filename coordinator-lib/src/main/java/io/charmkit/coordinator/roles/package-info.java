/** Role tables: a product's roles, meta-roles and deployment rules, and meta-role expansion. */
package io.charmkit.coordinator.roles;
