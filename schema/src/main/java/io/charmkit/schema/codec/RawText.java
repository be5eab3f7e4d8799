package io.charmkit.schema.codec;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a string field that every writer stores as raw text, never JSON (the catalogue's {@code
 * name} and {@code url}, traefik_route's YAML {@code config}, the {@code prometheus_scrape} unit
 * bag's address): it is read and written verbatim, and the JSON Schema describes it as plain text.
 * An empty string is written as {@code ""}, which deletes the key, as ops does for {@code data[key]
 * = ""}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.METHOD})
public @interface RawText {}
