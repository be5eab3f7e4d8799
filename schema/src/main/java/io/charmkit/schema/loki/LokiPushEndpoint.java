package io.charmkit.schema.loki;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotNull;

/**
 * The value of a Loki unit's {@code endpoint} key: the push API URL, which the Python provider
 * writes as {@code {"url": "<unit URL>/loki/api/v1/push"}}. Other keys are ignored on read.
 *
 * @param url the push URL, e.g. {@code
 *     http://loki-0.loki-endpoints.cos.svc.cluster.local:3100/loki/api/v1/push}
 */
public record LokiPushEndpoint(@JsonProperty("url") @NotNull String url) {}
