package io.charmkit.interfaces.scrape;

import io.charmkit.interfaces.ProvidedEndpoint;
import io.charmkit.interfaces.rules.RuleFiles;
import io.charmkit.interfaces.rules.RuleTopology;
import io.charmkit.interfaces.topology.Topologies;
import io.charmkit.ops.hooktools.HookToolException;
import io.charmkit.ops.model.Model;
import io.charmkit.ops.model.Relation;
import io.charmkit.schema.scrape.AlertRules;
import io.charmkit.schema.scrape.RuleGroup;
import io.charmkit.schema.scrape.ScrapeJob;
import io.charmkit.schema.scrape.ScrapeProviderAppData;
import io.charmkit.schema.scrape.ScrapeProviderUnitData;
import io.charmkit.schema.scrape.StaticConfig;
import io.charmkit.schema.topology.JujuTopology;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The provider side of {@code prometheus_scrape} ({@code MetricsEndpointProvider}, LIBPATCH 53). On
 * every relation of the endpoint:
 *
 * <ul>
 *   <li>every unit writes its address (its bind address on the relation when that is an IP, else
 *       its FQDN) and name, raw, into its unit bag;
 *   <li>the leader writes its topology ({@code scrape_metadata}), the scrape jobs ({@code
 *       scrape_jobs}; the library's default job, every unit on port 80, when there are none) and
 *       the alert rules ({@code alert_rules}) into the application bag.
 * </ul>
 *
 * <p>Nothing is rewritten when it did not change. The library sends its generic {@code HostHealth}
 * rules with every charm's; {@link #charmRules} adds them the same way.
 */
public final class MetricsEndpointProvider {
  /** The endpoint name the Python charms use. */
  public static final String DEFAULT_ENDPOINT = "metrics-endpoint";

  /** The interface the endpoint must declare. */
  public static final String INTERFACE = "prometheus_scrape";

  /** Where a charm packages its alert rules, relative to its root (as the Python charms do). */
  public static final String DEFAULT_RULES_DIRECTORY = "src/prometheus_alert_rules";

  /** The library's job when a charm gives none: every unit, port 80, {@code /metrics}. */
  public static final ScrapeJob DEFAULT_JOB =
      ScrapeJob.of(ScrapeJob.DEFAULT_PATH, List.of(new StaticConfig(List.of("*:80"), null)));

  private static final Logger LOG = LoggerFactory.getLogger(MetricsEndpointProvider.class);
  private static final Pattern IPV4 =
      Pattern.compile(
          "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

  private final Model model;
  private final String endpoint;
  private final Supplier<String> fqdn;

  /**
   * Creates the endpoint.
   *
   * @param model the charm's model
   * @param endpoint the endpoint, declared under {@code provides} with interface {@code
   *     prometheus_scrape}
   * @param fqdn this unit's FQDN, the address used when the bind address is not an IP
   * @throws IllegalArgumentException when the endpoint is not declared so
   */
  public MetricsEndpointProvider(Model model, String endpoint, Supplier<String> fqdn) {
    this.model = Objects.requireNonNull(model, "model");
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    this.fqdn = Objects.requireNonNull(fqdn, "fqdn");
    ProvidedEndpoint.require(model, endpoint, INTERFACE);
  }

  /**
   * Tells whether a relation exists on the endpoint, so a caller can skip building jobs and rules.
   *
   * @return whether there is one
   */
  public boolean related() {
    return !model.relations(endpoint).isEmpty();
  }

  /**
   * Returns the charm's own rules as the library forwards them: the files of {@code dir} and its
   * sub-directories, then the generic {@code HostHealth} group, all with this charm's topology.
   *
   * @param dir the rules directory (usually {@link #DEFAULT_RULES_DIRECTORY} in the charm)
   * @return the groups
   */
  public List<RuleGroup> charmRules(Path dir) {
    JujuTopology topology = Topologies.fromModel(model);
    List<RuleGroup> groups =
        new ArrayList<>(RuleTopology.apply(RuleFiles.read(dir, true), topology));
    groups.add(RuleTopology.apply(RuleTopology.hostHealth(), topology.identifier(), topology));
    return groups;
  }

  /**
   * Publishes the unit's address on every relation and, on the leader, the jobs and rules.
   *
   * @param jobs the scrape jobs; empty for the library's default job
   * @param rules the alert rules, topology already applied
   */
  public void publish(List<ScrapeJob> jobs, List<RuleGroup> rules) {
    List<Relation> relations = model.relations(endpoint);
    if (relations.isEmpty()) {
      return;
    }
    ScrapeProviderAppData data = null;
    if (model.isLeader()) {
      data =
          new ScrapeProviderAppData(
              Topologies.fromModel(model),
              jobs.isEmpty() ? List.of(DEFAULT_JOB) : List.copyOf(jobs),
              AlertRules.of(rules));
    }
    for (Relation relation : relations) {
      ScrapeProviderUnitData unit =
          new ScrapeProviderUnitData(address(relation), "", model.unit().name());
      relation.localUnitData().putAll(unit.toBag());
      if (data != null) {
        relation.localAppData().putAll(ScrapeProviderAppData.CODEC.write(data));
      }
    }
  }

  private String address(Relation relation) {
    try {
      Optional<String> bind = model.network(endpoint, relation).bindAddress();
      if (bind.isPresent() && isIp(bind.get())) {
        return bind.get();
      }
    } catch (HookToolException e) {
      // The library falls back to the FQDN for any address that is not an IP; so do we.
      LOG.warn(
          "relation {}:{}: network-get failed ({}); using the FQDN",
          endpoint,
          relation.id(),
          e.getMessage());
    }
    return fqdn.get();
  }

  private static boolean isIp(String address) {
    return IPV4.matcher(address).matches() || IPV6.matcher(address).matches();
  }
}
