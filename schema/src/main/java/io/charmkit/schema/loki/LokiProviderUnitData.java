package io.charmkit.schema.loki;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.charmkit.schema.codec.DatabagCodec;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * A Loki unit's databag on a loki_push_api relation, as {@code LokiPushApiProvider} writes it. The
 * provider also writes {@code public_address} as raw text (not JSON); no requirer reads it, and
 * this model leaves it alone.
 *
 * @param endpoint where this Loki unit takes pushed logs
 */
public record LokiProviderUnitData(
    @JsonProperty("endpoint") @NotNull @Valid LokiPushEndpoint endpoint) {

  /** The codec for this bag. */
  public static final DatabagCodec<LokiProviderUnitData> CODEC =
      DatabagCodec.perFieldJson(LokiProviderUnitData.class);
}
