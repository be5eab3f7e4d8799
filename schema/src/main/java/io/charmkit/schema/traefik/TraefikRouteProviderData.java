package io.charmkit.schema.traefik;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.charmkit.schema.codec.DatabagCodec;
import io.charmkit.schema.codec.RawText;
import jakarta.validation.constraints.Pattern;

/**
 * Traefik's application bag on a traefik_route relation: where it is reached from outside. Both
 * keys are raw text and may be absent until Traefik knows its address.
 *
 * @param externalHost the host (or IP address) Traefik serves on, without scheme or port
 * @param scheme {@code http} or {@code https}
 */
@JsonPropertyOrder({"external_host", "scheme"})
public record TraefikRouteProviderData(
    @JsonProperty("external_host")
        @RawText
        @Pattern(
            regexp = "[A-Za-z0-9.\\-\\[\\]:]{1,253}",
            message = "must be a host name or address")
        String externalHost,
    @JsonProperty("scheme") @RawText @Pattern(regexp = "https?", message = "must be http or https")
        String scheme) {

  /** The codec for this bag. */
  public static final DatabagCodec<TraefikRouteProviderData> CODEC =
      DatabagCodec.perFieldJson(TraefikRouteProviderData.class);
}
