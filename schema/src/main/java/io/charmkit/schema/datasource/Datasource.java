package io.charmkit.schema.datasource;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.validation.constraints.NotNull;
import java.util.Comparator;

/**
 * One Grafana datasource shared over grafana_datasource_exchange (WIRE.md §4.2). Published only
 * once Grafana has assigned its UID.
 *
 * @param type the Grafana datasource type, e.g. {@code tempo}, {@code loki}, {@code prometheus}
 * @param uid the datasource UID that Grafana assigned
 * @param grafanaUid the UID of the Grafana instance that assigned it
 */
@JsonPropertyOrder({"type", "uid", "grafana_uid"})
public record Datasource(
    @JsonProperty("type") @NotNull String type,
    @JsonProperty("uid") @NotNull String uid,
    @JsonProperty("grafana_uid") @NotNull String grafanaUid) {

  /**
   * The wire order: by {@code uid} as cosl sorts, then by Grafana and type so that the bytes never
   * depend on the order entries were gathered in. Nulls (invalid entries) go last.
   */
  public static final Comparator<Datasource> WIRE_ORDER =
      Comparator.nullsLast(
          Comparator.comparing(Datasource::uid, Comparator.nullsLast(Comparator.naturalOrder()))
              .thenComparing(
                  Datasource::grafanaUid, Comparator.nullsLast(Comparator.naturalOrder()))
              .thenComparing(Datasource::type, Comparator.nullsLast(Comparator.naturalOrder())));
}
