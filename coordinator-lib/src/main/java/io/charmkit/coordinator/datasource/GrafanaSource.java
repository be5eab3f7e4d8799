package io.charmkit.coordinator.datasource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.charmkit.interfaces.ProvidedEndpoint;
import io.charmkit.interfaces.RemoteDataProblem;
import io.charmkit.ops.model.Application;
import io.charmkit.ops.model.Model;
import io.charmkit.ops.model.Relation;
import io.charmkit.schema.datasource.Datasource;
import io.charmkit.schema.validation.Problem;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A datasource charm's side of {@code grafana_datasource} (grafana_source LIBPATCH 29, WIRE.md
 * §4.3): it registers this application with every related Grafana and reads back the UIDs each
 * Grafana assigned.
 *
 * <ul>
 *   <li>The leader writes {@code grafana_source_data} (Python JSON) into its application bag;
 *   <li>every unit writes its URL, raw, as {@code grafana_source_host} into its own unit bag;
 *   <li>each Grafana answers in its application bag with {@code grafana_uid} (raw) and {@code
 *       datasource_uids} (a JSON object, datasource unit name to UID).
 * </ul>
 *
 * <p>A Grafana that sends no {@code grafana_uid} uses the old interface and is skipped, as the
 * Python library does. A {@code datasource_uids} that is not a JSON object of strings is rejected
 * at the boundary: that Grafana is skipped and the problem listed by {@link #problems()} (the
 * Python library would fail the hook).
 *
 * <p>Reads are made once per dispatch; relations are visited in id order.
 */
public final class GrafanaSource {
  /** The endpoint name the Python charms use. */
  public static final String DEFAULT_ENDPOINT = "grafana-source";

  /** The interface the endpoint must declare. */
  public static final String INTERFACE = "grafana_datasource";

  /** The longest Grafana UID, datasource UID or unit name accepted, in characters. */
  private static final int MAX_NAME = 256;

  /** The longest {@code datasource_uids} accepted, in characters. */
  private static final int MAX_UIDS = 64 * 1024;

  private static final Logger LOG = LoggerFactory.getLogger(GrafanaSource.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Model model;
  private final String endpoint;
  private List<GrafanaInstance> grafanas;
  private final List<RemoteDataProblem> problems = new ArrayList<>();

  /**
   * Creates the endpoint.
   *
   * @param model the charm's model
   * @param endpoint the endpoint, declared under {@code provides} with interface {@code
   *     grafana_datasource}
   * @throws IllegalArgumentException when the endpoint is not declared so
   */
  public GrafanaSource(Model model, String endpoint) {
    this.model = model;
    this.endpoint = endpoint;
    ProvidedEndpoint.require(model, endpoint, INTERFACE);
  }

  /**
   * Registers this unit (and, on the leader, this application) with every related Grafana. Nothing
   * is rewritten when the values did not change.
   *
   * @param data the application's datasource description (written by the leader only)
   * @param url this unit's datasource URL, e.g. {@code http://<fqdn>:3200}
   */
  public void publish(GrafanaSourceData data, String url) {
    String json = data.toJson();
    for (Relation relation : model.relations(endpoint)) {
      relation.localUnitData().put("grafana_source_host", url);
      if (model.isLeader()) {
        relation.localAppData().put("grafana_source_data", json);
      }
    }
  }

  /**
   * Returns the related Grafanas that sent their UID, in relation-id order.
   *
   * @return the Grafanas
   */
  public List<GrafanaInstance> grafanas() {
    if (grafanas == null) {
      List<GrafanaInstance> out = new ArrayList<>();
      for (Relation relation : model.relations(endpoint)) {
        read(relation).ifPresent(out::add);
      }
      grafanas = List.copyOf(out);
    }
    return grafanas;
  }

  /**
   * Returns the UIDs of the Grafana instances this charm is connected to.
   *
   * @return the UIDs, sorted
   */
  public SortedSet<String> grafanaUids() {
    SortedSet<String> out = new TreeSet<>();
    grafanas().forEach(g -> out.add(g.grafanaUid()));
    return Collections.unmodifiableSortedSet(out);
  }

  /**
   * Returns one fully specified datasource per UID each Grafana assigned to this application's
   * units, for {@code grafana_datasource_exchange}. When two relations name the same Grafana, the
   * later relation's UIDs are used, as in the Python library.
   *
   * @param type this charm's datasource type, e.g. {@code tempo}
   * @return the datasources, in wire order
   */
  public List<Datasource> datasources(String type) {
    Map<String, SortedMap<String, String>> byGrafana = new LinkedHashMap<>();
    for (GrafanaInstance grafana : grafanas()) {
      byGrafana.put(grafana.grafanaUid(), grafana.datasourceUids());
    }
    SortedSet<Datasource> out = new TreeSet<>(Datasource.WIRE_ORDER);
    byGrafana.forEach(
        (grafanaUid, uids) ->
            uids.values().forEach(uid -> out.add(new Datasource(type, uid, grafanaUid))));
    return List.copyOf(out);
  }

  /**
   * Returns the Grafana bags {@link #grafanas()} rejected.
   *
   * @return the problems
   */
  public List<RemoteDataProblem> problems() {
    grafanas();
    return List.copyOf(problems);
  }

  private Optional<GrafanaInstance> read(Relation relation) {
    Optional<Application> app = relation.app();
    if (app.isEmpty()) {
      return Optional.empty();
    }
    Map<String, String> bag = relation.data(app.get()).asMap();
    String grafanaUid = bag.getOrDefault("grafana_uid", "");
    if (grafanaUid.isBlank()) {
      LOG.debug(
          "relation {}:{}: {} sent no grafana_uid (old interface, or not answered yet)",
          relation.name(),
          relation.id(),
          app.get().name());
      return Optional.empty();
    }
    Optional<SortedMap<String, String>> uids = parseUids(bag.get("datasource_uids"));
    Problem bad = null;
    if (!saneName(grafanaUid)) {
      bad =
          new Problem(
              "grafana_uid",
              "must be at most " + MAX_NAME + " characters without control characters");
    } else if (uids.isEmpty()) {
      bad =
          new Problem(
              "datasource_uids",
              "must be a JSON object (at most "
                  + MAX_UIDS
                  + " characters) of unit names to UID strings of at most "
                  + MAX_NAME
                  + " characters");
    }
    if (bad != null) {
      RemoteDataProblem problem =
          new RemoteDataProblem(
              relation.name(), relation.id(), app.get().name(), true, List.of(bad));
      problems.add(problem);
      LOG.warn("skipping this Grafana: {}", problem.message());
      return Optional.empty();
    }
    return Optional.of(
        new GrafanaInstance(relation.id(), app.get().name(), grafanaUid, uids.get()));
  }

  /**
   * Whether a UID or unit name can be used: these go back out in this charm's own bags, which have
   * a size limit, so one no Grafana would send is refused here rather than failing the write.
   */
  private static boolean saneName(String name) {
    return name.length() <= MAX_NAME && name.chars().noneMatch(Character::isISOControl);
  }

  private static Optional<SortedMap<String, String>> parseUids(String raw) {
    SortedMap<String, String> out = new TreeMap<>();
    if (raw == null) {
      return Optional.of(out);
    }
    if (raw.length() > MAX_UIDS) {
      return Optional.empty();
    }
    JsonNode node;
    try {
      node = JSON.readTree(raw);
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
    if (node == null || !node.isObject()) {
      return Optional.empty();
    }
    for (Map.Entry<String, JsonNode> entry : node.properties()) {
      if (!entry.getValue().isTextual()
          || !saneName(entry.getKey())
          || !saneName(entry.getValue().textValue())) {
        return Optional.empty();
      }
      out.put(entry.getKey(), entry.getValue().textValue());
    }
    return Optional.of(out);
  }
}
