package io.charmkit.interfaces.dashboard;

import io.charmkit.interfaces.ProvidedEndpoint;
import io.charmkit.ops.model.Model;
import io.charmkit.ops.model.Relation;
import io.charmkit.schema.dashboard.DashboardProviderAppData;
import io.charmkit.schema.dashboard.DashboardTemplate;
import io.charmkit.schema.dashboard.DashboardTopology;
import io.charmkit.schema.dashboard.Dashboards;
import io.charmkit.schema.validation.DatabagValidationException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The provider side of {@code grafana_dashboard} ({@code GrafanaDashboardProvider}, LIBPATCH 44):
 * the leader sends the charm's packaged dashboards ({@link DashboardFiles}) to every related
 * Grafana in the application bag's {@code dashboards} key.
 *
 * <p>The library rewrites the bag with a new random {@code uuid} on leader-elected, config-changed,
 * upgrade-charm and relation-created, so Grafana always sees a change. Here the bag is rewritten,
 * with a new UUID, only when a template differs from what the bag holds (decoded and compared, so
 * compression runs only then): an unchanged bag is never written, which keeps hooks quiet and the
 * steady state steady. A bag that cannot be decoded counts as different and is replaced.
 */
public final class GrafanaDashboardProvider {
  /** The endpoint name the Python charms use. */
  public static final String DEFAULT_ENDPOINT = "grafana-dashboard";

  /** The interface the endpoint must declare. */
  public static final String INTERFACE = "grafana_dashboard";

  /** Where a charm packages its dashboards, relative to its root (as the Python charms do). */
  public static final String DEFAULT_DIRECTORY = "src/grafana_dashboards";

  private static final Logger LOG = LoggerFactory.getLogger(GrafanaDashboardProvider.class);

  private final Model model;
  private final String endpoint;

  /**
   * Creates the endpoint.
   *
   * @param model the charm's model
   * @param endpoint the endpoint, declared under {@code provides} with interface {@code
   *     grafana_dashboard}
   * @throws IllegalArgumentException when the endpoint is not declared so
   */
  public GrafanaDashboardProvider(Model model, String endpoint) {
    this.model = Objects.requireNonNull(model, "model");
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    ProvidedEndpoint.require(model, endpoint, INTERFACE);
  }

  /**
   * Sends the dashboards of the charm's {@link #DEFAULT_DIRECTORY} to every related Grafana (leader
   * only; nothing to do on other units or without relations).
   */
  public void publish() {
    publish(model.charmDir().resolve(DEFAULT_DIRECTORY));
  }

  /**
   * Sends the dashboards of a directory to every related Grafana (leader only).
   *
   * @param dir the dashboards directory
   */
  public void publish(Path dir) {
    if (!model.isLeader()) {
      return;
    }
    var relations = model.relations(endpoint);
    if (relations.isEmpty()) {
      return;
    }
    String charm = model.metadata().name();
    SortedMap<String, DashboardFiles.Dashboard> dashboards =
        DashboardFiles.read(model.charmDir(), dir, charm);
    DashboardTopology topology =
        new DashboardTopology(model.name(), model.uuid(), model.app().name(), model.unit().name());
    SortedMap<String, DashboardTemplate> compressed = null;
    for (Relation relation : relations) {
      if (current(relation, dashboards, charm, topology)) {
        continue;
      }
      if (compressed == null) {
        compressed = new TreeMap<>();
        for (DashboardFiles.Dashboard dashboard : dashboards.values()) {
          compressed.put(
              dashboard.id(),
              DashboardFiles.template(
                  dashboard, charm, topology, LzmaBase64.compress(dashboard.json())));
        }
      }
      DashboardProviderAppData data =
          new DashboardProviderAppData(new Dashboards(compressed, UUID.randomUUID().toString()));
      relation.localAppData().putAll(DashboardProviderAppData.CODEC.write(data));
    }
  }

  /** Whether the relation's bag already holds exactly these dashboards. */
  private boolean current(
      Relation relation,
      Map<String, DashboardFiles.Dashboard> dashboards,
      String charm,
      DashboardTopology topology) {
    Map<String, String> bag = relation.localAppData().asMap();
    if (!bag.containsKey("dashboards")) {
      return false;
    }
    Map<String, DashboardTemplate> sent;
    try {
      sent = DashboardProviderAppData.CODEC.read(bag, "").dashboards().templates();
    } catch (DatabagValidationException e) {
      LOG.warn(
          "relation {}:{}: the dashboards sent are unreadable; sending them again",
          endpoint,
          relation.id());
      return false;
    }
    if (!sent.keySet().equals(dashboards.keySet())) {
      return false;
    }
    for (DashboardFiles.Dashboard dashboard : dashboards.values()) {
      DashboardTemplate template = sent.get(dashboard.id());
      DashboardTemplate expected =
          DashboardFiles.template(dashboard, charm, topology, template.content());
      if (!expected.equals(template)) {
        return false;
      }
      try {
        if (!LzmaBase64.decompress(template.content()).equals(dashboard.json())) {
          return false;
        }
      } catch (IllegalArgumentException e) {
        return false;
      }
    }
    return true;
  }
}
