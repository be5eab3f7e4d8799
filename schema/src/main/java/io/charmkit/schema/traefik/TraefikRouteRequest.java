package io.charmkit.schema.traefik;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.charmkit.schema.codec.DatabagCodec;
import io.charmkit.schema.codec.RawText;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * The requirer's application bag of traefik_route, as {@code
 * TraefikRouteRequirer.submit_to_traefik} writes it: every key raw text.
 *
 * @param raw {@code True} or {@code False} (Python's {@code str(bool)}): whether Traefik takes the
 *     configuration as it is, without adding its own TLS routers
 * @param config Traefik's dynamic configuration, as {@code yaml.safe_dump} writes it
 * @param staticConfig Traefik's static configuration (entry points), as {@code yaml.safe_dump}
 *     writes it; absent when the charm needs none
 */
@JsonPropertyOrder({"raw", "config", "static"})
public record TraefikRouteRequest(
    @JsonProperty("raw")
        @RawText
        @NotNull
        @Pattern(regexp = "True|False", message = "must be True or False")
        String raw,
    @JsonProperty("config") @RawText @NotNull String config,
    @JsonProperty("static") @RawText String staticConfig) {

  /** The codec for this bag. */
  public static final DatabagCodec<TraefikRouteRequest> CODEC =
      DatabagCodec.perFieldJson(TraefikRouteRequest.class);
}
