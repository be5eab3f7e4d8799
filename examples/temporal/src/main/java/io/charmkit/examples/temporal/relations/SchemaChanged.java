package io.charmkit.examples.temporal.relations;

/**
 * The payload of {@link Admin#schemaChanged()}: what the admin charm last reported. It is stored
 * with the event, so an observer that defers the event gets the same value back.
 *
 * @param schemaReady whether the admin application's {@code schema_status} is {@code ready}
 */
public record SchemaChanged(boolean schemaReady) {}
