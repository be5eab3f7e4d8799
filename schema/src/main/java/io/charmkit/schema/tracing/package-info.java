/**
 * The {@code tracing} interface, version 2: a requirer asks for receiver protocols, a provider
 * (Tempo) answers with the receivers it enabled and their URLs. The bags are written as the Python
 * {@code tracing} charm library ({@code TracingRequirerAppData}, {@code TracingProviderAppData})
 * writes them.
 */
package io.charmkit.schema.tracing;
