package io.charmkit.schema.datasource;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.charmkit.schema.codec.DatabagCodec;
import io.charmkit.schema.validation.CheckedModel;
import io.charmkit.schema.validation.Problem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The application databag of grafana_datasource_exchange, the same on both sides (WIRE.md §4.2):
 * one key, {@code datasources}, holding a compact JSON array (not a JSON string).
 *
 * <p>The entries are kept sorted ({@link Datasource#WIRE_ORDER}) as the interface requires, so the
 * bag's bytes do not flap. An empty list is written as {@code []}, never omitted. Within one bag a
 * datasource may appear once: two entries with the same {@code uid} from the same Grafana are
 * rejected. (The same {@code uid} from two Grafanas is legitimate: the grafana_source library
 * derives UIDs from the datasource's model and unit, not from the Grafana.)
 *
 * @param datasources the fully specified datasources
 */
public record DatasourceExchangeData(
    @JsonProperty("datasources") @NotNull List<@NotNull @Valid Datasource> datasources)
    implements CheckedModel {

  /** The codec for this bag: compact JSON, as pydantic writes it. */
  public static final DatabagCodec<DatasourceExchangeData> CODEC =
      DatabagCodec.compactJson(DatasourceExchangeData.class);

  /** Sorts the entries into wire order. */
  public DatasourceExchangeData {
    if (datasources != null) {
      List<Datasource> sorted = new ArrayList<>(datasources);
      sorted.sort(Datasource.WIRE_ORDER);
      datasources = Collections.unmodifiableList(sorted);
    }
  }

  /**
   * Returns a problem for every entry repeating an earlier entry's {@code uid} and {@code
   * grafana_uid}.
   */
  @Override
  public List<Problem> check() {
    List<Problem> problems = new ArrayList<>();
    Map<List<String>, Integer> seen = new HashMap<>();
    for (int i = 0; i < datasources.size(); i++) {
      Datasource entry = datasources.get(i);
      Integer first = seen.putIfAbsent(List.of(entry.grafanaUid(), entry.uid()), i);
      if (first != null) {
        problems.add(
            new Problem(
                "datasources[" + i + "].uid",
                "repeats datasources["
                    + first
                    + "]: uid \""
                    + entry.uid()
                    + "\" from Grafana \""
                    + entry.grafanaUid()
                    + "\" is listed twice"));
      }
    }
    return problems;
  }
}
