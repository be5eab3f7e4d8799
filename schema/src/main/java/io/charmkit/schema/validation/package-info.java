/**
 * Validation of databag models: the problem report ({@link io.charmkit.schema.validation.Problem},
 * {@link io.charmkit.schema.validation.DatabagValidationException}) and the lazily built, quiet
 * Hibernate Validator behind it.
 */
package io.charmkit.schema.validation;
