package io.charmkit.schema.dashboard;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.charmkit.schema.codec.DatabagCodec;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * The provider application's databag on a {@code grafana_dashboard} relation, written by the
 * leader.
 *
 * @param dashboards the dashboards, a {@code json.dumps} document
 */
public record DashboardProviderAppData(
    @JsonProperty("dashboards") @NotNull @Valid Dashboards dashboards) {

  /** The codec for this bag: Python's {@code json.dumps}. */
  public static final DatabagCodec<DashboardProviderAppData> CODEC =
      DatabagCodec.perFieldJson(DashboardProviderAppData.class);
}
