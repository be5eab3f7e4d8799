package io.charmkit.coordinator.datasource;

import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One Grafana related on {@code grafana_datasource}, as its application bag describes it (WIRE.md
 * §4.3).
 *
 * @param relationId the relation id
 * @param application the Grafana application's name
 * @param grafanaUid the Grafana instance UID ({@code grafana_uid})
 * @param datasourceUids the UIDs Grafana assigned, by datasource unit name ({@code
 *     datasource_uids}); empty until it has seen this charm's units
 */
public record GrafanaInstance(
    int relationId,
    String application,
    String grafanaUid,
    SortedMap<String, String> datasourceUids) {

  /** Checks the parts and copies the map. */
  public GrafanaInstance {
    Objects.requireNonNull(application, "application");
    Objects.requireNonNull(grafanaUid, "grafanaUid");
    datasourceUids = Collections.unmodifiableSortedMap(new TreeMap<>(datasourceUids));
  }
}
