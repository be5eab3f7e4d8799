package io.charmkit.schema.codec;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a string field whose databag value some writers store raw instead of JSON-quoted (e.g.
 * {@code s3_tls_ca_chain}, WIRE.md §3.7): on reading, a value that is not JSON is taken as the text
 * itself. Writing always JSON-quotes.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.METHOD})
public @interface RawTextAccepted {}
