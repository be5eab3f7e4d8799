package io.charmkit.schema.cluster;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotNull;

/**
 * A Prometheus remote-write endpoint given to workers ({@code RemoteWriteEndpoint}, WIRE.md §3.3
 * field 5). Other keys are ignored on read and never written.
 *
 * @param url the push URL, e.g. {@code http://prometheus-0...:9090/api/v1/write}
 */
public record RemoteWriteEndpoint(@JsonProperty("url") @NotNull String url) {}
