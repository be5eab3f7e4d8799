package io.charmkit.schema.loki;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.charmkit.schema.codec.DatabagCodec;
import io.charmkit.schema.topology.JujuTopology;
import jakarta.validation.Valid;
import java.util.Map;

/**
 * A log sender's application bag on a loki_push_api relation, as the Python {@code ConsumerBase}
 * writes it: its Juju topology ({@code topology.as_dict()}) and its LogQL alert rules ({@code
 * json.dumps(rules, sort_keys=True)}; {@code {}} when it has none).
 *
 * @param metadata the sender's topology, its leader as the unit
 * @param alertRules a rules file ({@code {"groups": [...]}}), or empty for none
 */
@JsonPropertyOrder({"metadata", "alert_rules"})
public record LokiRequirerAppData(
    @JsonProperty("metadata") @Valid JujuTopology metadata,
    @JsonProperty("alert_rules") Map<String, Object> alertRules) {

  /** The codec for this bag. */
  public static final DatabagCodec<LokiRequirerAppData> CODEC =
      DatabagCodec.perFieldJson(LokiRequirerAppData.class);
}
