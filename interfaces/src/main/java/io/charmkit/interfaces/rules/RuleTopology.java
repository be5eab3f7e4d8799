package io.charmkit.interfaces.rules;

import io.charmkit.interfaces.topology.TopologyLabels;
import io.charmkit.schema.scrape.AlertRule;
import io.charmkit.schema.scrape.RuleGroup;
import io.charmkit.schema.topology.JujuTopology;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Localises rules to the application that forwards them, as cosl's {@code Rules} does: each group
 * renamed {@code <identifier>[_<dir>]_<name>_rules} (unless already so named) and made a valid
 * metric name; each rule given the topology's {@code juju_*} labels it does not have yet, and its
 * expression's selectors the {@code juju_model}, {@code juju_model_uuid} and {@code
 * juju_application} of its labels ({@link PromqlSelectors}). An expression the injector cannot read
 * is kept as it is and logged, as cosl keeps it when cos-tool fails.
 */
public final class RuleTopology {
  private static final Logger LOG = LoggerFactory.getLogger(RuleTopology.class);
  private static final Pattern ALREADY_MODIFIED = Pattern.compile("^.*?_[\\da-f]{8}_.*?rules$");
  private static final Pattern PLACEHOLDER = Pattern.compile("%%juju_topology%%,?");
  private static final List<String> EXPRESSION_LABELS =
      List.of("juju_model", "juju_model_uuid", "juju_application");

  private RuleTopology() {}

  /**
   * Localises every group of the files read from a directory.
   *
   * @param files the files, in reading order
   * @param topology the topology to apply
   * @return the groups, in file order
   */
  public static List<RuleGroup> apply(List<RuleFiles.RuleFile> files, JujuTopology topology) {
    List<RuleGroup> out = new ArrayList<>();
    for (RuleFiles.RuleFile file : files) {
      String prefix = join(topology.identifier(), file.relativeDir());
      file.groups().forEach(g -> out.add(apply(g, prefix, topology)));
    }
    return out;
  }

  /**
   * Localises one group.
   *
   * @param group the group as read
   * @param prefix the group-name prefix (the topology's identifier, and the file's sub-directory)
   * @param topology the topology to apply
   * @return the localised group
   */
  public static RuleGroup apply(RuleGroup group, String prefix, JujuTopology topology) {
    String name = group.name();
    if (!ALREADY_MODIFIED.matcher(name).matches()) {
      name = join(prefix, name);
      if (!name.endsWith("_rules")) {
        name += "_rules";
      }
    }
    name = name.replaceAll("[^a-zA-Z0-9_:]", "_");
    Map<String, String> topologyLabels = new TopologyLabels(topology).matchers();
    List<AlertRule> rules = new ArrayList<>();
    for (AlertRule rule : group.rules()) {
      Map<String, String> labels =
          rule.labels() == null ? new LinkedHashMap<>() : new LinkedHashMap<>(rule.labels());
      topologyLabels.forEach(labels::putIfAbsent);
      Map<String, String> selector = new LinkedHashMap<>();
      for (String label : EXPRESSION_LABELS) {
        if (labels.get(label) != null) {
          selector.put(label, labels.get(label));
        }
      }
      String expr = PLACEHOLDER.matcher(rule.expr()).replaceAll("");
      try {
        expr = PromqlSelectors.inject(expr, selector);
      } catch (IllegalArgumentException e) {
        LOG.warn(
            "rule {} in group {}: cannot add the topology to its expression ({}); kept as it is",
            rule.alert() != null ? rule.alert() : rule.record(),
            name,
            e.getMessage());
        expr = rule.expr();
      }
      rules.add(rule.with(expr, labels));
    }
    return new RuleGroup(name, rules);
  }

  /**
   * Returns cosl's generic application rules ({@code generic_alert_groups.application_rules}): the
   * {@code HostHealth} group with {@code HostDown} and {@code HostMetricsMissing}, before any
   * topology is applied. The prometheus_scrape library forwards them with every charm's rules.
   *
   * @return the group
   */
  public static RuleGroup hostHealth() {
    return new RuleGroup(
        "HostHealth",
        List.of(
            AlertRule.alert(
                "HostDown",
                "up < 1",
                "5m",
                ordered("severity", "critical"),
                ordered(
                    "summary",
                    "Host '{{ $labels.instance }}' is down.",
                    "description",
                    "Juju application '{{ $labels.juju_application }}' in model '{{"
                        + " $labels.juju_model }}' is down. Prometheus has been unable to scrape it"
                        + " during at least the past five minutes.")),
            AlertRule.alert(
                "HostMetricsMissing",
                "absent(up)",
                "5m",
                ordered("severity", "warning"),
                ordered(
                    "summary",
                    "Unit '{{ $labels.juju_unit }}' of application '{{ $labels.juju_application"
                        + " }}' is down or failing to remote write.",
                    "description",
                    "`Up` missing for unit '{{ $labels.juju_unit }}' of application {{"
                        + " $labels.juju_application }} in model {{ $labels.juju_model }}. Please"
                        + " ensure the unit or the collector scraping it is up and is able to"
                        + " successfully reach the metrics backend."))));
  }

  /**
   * Returns a group as it reads back after Python's {@code yaml.dump}, which sorts every mapping:
   * the coordinators pass their workers' rules through it.
   *
   * @param group the group
   * @return the group with every rule's keys sorted
   */
  public static RuleGroup sortedKeys(RuleGroup group) {
    return new RuleGroup(
        group.name(), group.rules().stream().map(AlertRule::withSortedKeys).toList());
  }

  private static LinkedHashMap<String, String> ordered(String... keysAndValues) {
    LinkedHashMap<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  private static String join(String... parts) {
    return Stream.of(parts).filter(p -> p != null && !p.isEmpty()).collect(Collectors.joining("_"));
  }
}
