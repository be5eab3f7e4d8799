package io.charmkit.ops.hooktools;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which hook tools a unit agent of one Juju version provides: the single place charmkit keeps that
 * knowledge (JUJU.md §7.1 for 3.x, §7.5 for the 2.x leadership settings).
 *
 * <p>The catalogue covers the tools charmkit's runtime knows, from Juju 2.9 on:
 *
 * <ul>
 *   <li>on every modelled version: {@code relation-ids}, {@code relation-list}, {@code
 *       relation-get}, {@code relation-set}, {@code config-get}, {@code is-leader}, {@code
 *       status-get}, {@code status-set}, {@code juju-log}, {@code application-version-set}, {@code
 *       network-get}, {@code goal-state}, {@code resource-get}, the ports, actions, {@code state-*}
 *       and storage tools, {@code credential-get} and {@code juju-reboot};
 *   <li>{@code leader-get} and {@code leader-set} on Juju 2.x only: Juju 3.0 removed leadership
 *       settings;
 *   <li>the {@code secret-*} tools from Juju 3.0;
 *   <li>{@code relation-model-get} from Juju 3.6.2.
 * </ul>
 *
 * <p>Tools outside that list (Juju 2's {@code unit-get}, {@code pod-spec-set}, {@code add-metric},
 * the payload tools) are not used by charmkit and are not in the catalogue: {@link #has} is false
 * for them. Pre-release versions ({@code 3.6-beta2}) count as before their {@code .0} release.
 *
 * <p>Use: {@code JujuToolSet.forVersion("3.6.14").has("leader-get")} is false. {@link
 * ProcessHookTools} refuses, before running anything, a tool the agent's {@code JUJU_VERSION} lacks
 * (see {@link #fromEnvironment}), and the embedded Juju can build its tools directory from {@link
 * #tools()}. Instances are immutable.
 */
public final class JujuToolSet {
  /** The oldest version the catalogue models. */
  public static final String OLDEST_MODELLED = "2.9";

  private static final Pattern VERSION =
      Pattern.compile("(\\d+)\\.(\\d+)(?:\\.(\\d+)|-([a-z]+)\\d*)?(?:\\.\\d+)?");

  private static final List<String> ALWAYS =
      List.of(
          "relation-ids",
          "relation-list",
          "relation-get",
          "relation-set",
          "config-get",
          "is-leader",
          "status-get",
          "status-set",
          "juju-log",
          "application-version-set",
          "network-get",
          "goal-state",
          "resource-get",
          "open-port",
          "close-port",
          "opened-ports",
          "action-get",
          "action-set",
          "action-log",
          "action-fail",
          "state-get",
          "state-set",
          "state-delete",
          "storage-list",
          "storage-get",
          "storage-add",
          "credential-get",
          "juju-reboot");

  private static final List<String> LEADERSHIP_SETTINGS = List.of("leader-get", "leader-set");

  private static final List<String> SECRETS =
      List.of(
          "secret-add",
          "secret-get",
          "secret-info-get",
          "secret-set",
          "secret-grant",
          "secret-revoke",
          "secret-remove",
          "secret-ids");

  private static final String RELATION_MODEL_GET = "relation-model-get";

  private final String version;
  private final SortedSet<String> tools;
  private final Map<String, String> absentBecause;

  private JujuToolSet(String version, SortedSet<String> tools, Map<String, String> absentBecause) {
    this.version = version;
    this.tools = Collections.unmodifiableSortedSet(tools);
    this.absentBecause = Collections.unmodifiableMap(absentBecause);
  }

  /**
   * The tool set of Juju {@code jujuVersion} as {@code JUJU_VERSION} spells it: {@code 3.6.14},
   * {@code 2.9.46.1}, {@code 3.6-beta2}.
   *
   * @throws IllegalArgumentException when the version is not a Juju version, or older than {@value
   *     #OLDEST_MODELLED}
   */
  public static JujuToolSet forVersion(String jujuVersion) {
    Objects.requireNonNull(jujuVersion, "jujuVersion");
    Matcher m = VERSION.matcher(jujuVersion.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "'" + jujuVersion + "' is not a Juju version such as 3.6.14 or 2.9.46");
    }
    int major = Integer.parseInt(m.group(1));
    int minor = Integer.parseInt(m.group(2));
    // A tagged pre-release (3.6-beta2) comes before 3.6.0: patch -1.
    int patch = m.group(3) != null ? Integer.parseInt(m.group(3)) : m.group(4) != null ? -1 : 0;
    if (major < 2 || (major == 2 && minor < 9)) {
      throw new IllegalArgumentException(
          "Juju " + jujuVersion + " is older than " + OLDEST_MODELLED + ", which charmkit needs");
    }
    SortedSet<String> tools = new TreeSet<>(ALWAYS);
    Map<String, String> absent = new LinkedHashMap<>();
    if (major >= 3) {
      tools.addAll(SECRETS);
      for (String tool : LEADERSHIP_SETTINGS) {
        absent.put(
            tool,
            "Juju 3.0 removed leadership settings (leader-get, leader-set); keep data the whole"
                + " application shares in the application databag of a peer relation, which the"
                + " leader writes and every unit reads");
      }
    } else {
      tools.addAll(LEADERSHIP_SETTINGS);
      for (String tool : SECRETS) {
        absent.put(tool, "secrets arrived in Juju 3.0");
      }
    }
    if (major > 3 || (major == 3 && (minor > 6 || (minor == 6 && patch >= 2)))) {
      tools.add(RELATION_MODEL_GET);
    } else {
      absent.put(RELATION_MODEL_GET, "relation-model-get arrived in Juju 3.6.2");
    }
    return new JujuToolSet(jujuVersion.strip(), tools, absent);
  }

  /**
   * The tool set of the agent that started this process, from {@code JUJU_VERSION} in {@code
   * environment}; empty when the variable is unset, {@code 0.0.0}, unreadable or older than the
   * catalogue, since then only the tools directory on {@code PATH} can tell.
   */
  public static Optional<JujuToolSet> fromEnvironment(Map<String, String> environment) {
    String version = environment.getOrDefault("JUJU_VERSION", "").strip();
    if (version.isEmpty() || version.equals("0.0.0")) {
      return Optional.empty();
    }
    try {
      return Optional.of(forVersion(version));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The version as given. */
  public String version() {
    return version;
  }

  /** The tools this version provides, sorted by name. */
  public SortedSet<String> tools() {
    return tools;
  }

  /** Whether this version provides {@code tool}. */
  public boolean has(String tool) {
    return tools.contains(tool);
  }

  /**
   * Why this version lacks {@code tool} and what to use instead, as a sentence for an error
   * message; empty when the version has it.
   */
  public Optional<String> whyAbsent(String tool) {
    if (has(tool)) {
      return Optional.empty();
    }
    return Optional.of(
        absentBecause.getOrDefault(tool, tool + " is not a hook tool charmkit knows"));
  }

  /**
   * The message for a refused call of {@code tool}, e.g. {@code hook tool leader-get does not exist
   * on Juju 3.6.14: Juju 3.0 removed leadership settings …}.
   *
   * @throws IllegalArgumentException when this version has the tool
   */
  public String refusal(String tool) {
    String why =
        whyAbsent(tool)
            .orElseThrow(() -> new IllegalArgumentException(tool + " exists on Juju " + version));
    return "hook tool " + tool + " does not exist on Juju " + version + ": " + why;
  }

  @Override
  public String toString() {
    return "JujuToolSet[" + version + ", " + tools.size() + " tools]";
  }
}
