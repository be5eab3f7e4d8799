package io.charmkit.ops.hooktools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The catalogue of hook tools per Juju version (JUJU.md §7.1, §7.5). */
class JujuToolSetTest {
  /** JUJU.md §7.1's table, every tool a Juju 3.6.2+ agent has and ops calls. */
  private static final Set<String> JUJU_MD_3X =
      Set.of(
          "relation-ids",
          "relation-list",
          "relation-get",
          "relation-set",
          "relation-model-get",
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
          "secret-add",
          "secret-get",
          "secret-info-get",
          "secret-set",
          "secret-grant",
          "secret-revoke",
          "secret-remove",
          "secret-ids",
          "state-get",
          "state-set",
          "state-delete",
          "storage-list",
          "storage-get",
          "storage-add",
          "credential-get",
          "juju-reboot");

  @Test
  void juju36HasExactlyTheToolsOfJujuMdAndNoLeadershipSettings() {
    JujuToolSet tools = JujuToolSet.forVersion("3.6.14");

    assertThat(tools.tools()).containsExactlyInAnyOrderElementsOf(JUJU_MD_3X);
    assertThat(tools.has("leader-get")).isFalse();
    assertThat(tools.has("leader-set")).isFalse();
    assertThat(tools.version()).isEqualTo("3.6.14");
  }

  @Test
  void juju29HasLeadershipSettingsButNeitherSecretsNorRelationModelGet() {
    JujuToolSet tools = JujuToolSet.forVersion("2.9.46.1");

    assertThat(tools.has("leader-get")).isTrue();
    assertThat(tools.has("leader-set")).isTrue();
    assertThat(tools.tools()).noneMatch(t -> t.startsWith("secret-"));
    assertThat(tools.has("relation-model-get")).isFalse();
    Set<String> expected = new TreeSet<>(JUJU_MD_3X);
    expected.removeIf(t -> t.startsWith("secret-") || t.equals("relation-model-get"));
    expected.addAll(Set.of("leader-get", "leader-set"));
    assertThat(tools.tools()).containsExactlyElementsOf(expected);
  }

  @Test
  void relationModelGetArrivedIn362AndPreReleasesComeBeforeTheirRelease() {
    assertThat(JujuToolSet.forVersion("3.6.1").has("relation-model-get")).isFalse();
    assertThat(JujuToolSet.forVersion("3.6.2").has("relation-model-get")).isTrue();
    assertThat(JujuToolSet.forVersion("3.6-beta2").has("relation-model-get")).isFalse();
    assertThat(JujuToolSet.forVersion("3.7-rc1").has("relation-model-get")).isTrue();
    assertThat(JujuToolSet.forVersion("4.0.0").has("relation-model-get")).isTrue();
    assertThat(JujuToolSet.forVersion("3.0.0").has("secret-add")).isTrue();
    assertThat(JujuToolSet.forVersion("4.0.0").has("leader-get")).isFalse();
  }

  @Test
  void theRefusalNamesTheVersionTheReasonAndThePeerRelationAlternative() {
    JujuToolSet tools = JujuToolSet.forVersion("3.6.14");

    assertThat(tools.refusal("leader-get"))
        .startsWith("hook tool leader-get does not exist on Juju 3.6.14: Juju 3.0 removed")
        .contains("application databag of a peer relation");
    assertThat(JujuToolSet.forVersion("2.9.46").refusal("secret-add"))
        .isEqualTo(
            "hook tool secret-add does not exist on Juju 2.9.46: secrets arrived in Juju 3.0");
    assertThat(tools.whyAbsent("unit-get")).contains("unit-get is not a hook tool charmkit knows");
    assertThat(tools.whyAbsent("relation-get")).isEmpty();
    assertThatThrownBy(() -> tools.refusal("relation-get"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void versionsThatAreNotJujuVersionsOrTooOldAreRejected() {
    assertThatThrownBy(() -> JujuToolSet.forVersion("three"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'three' is not a Juju version");
    assertThatThrownBy(() -> JujuToolSet.forVersion("2.8.10"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("older than 2.9");
  }

  @Test
  void theEnvironmentsVersionIsUsedWhenItIsKnown() {
    assertThat(JujuToolSet.fromEnvironment(Map.of("JUJU_VERSION", "3.6.14")))
        .hasValueSatisfying(t -> assertThat(t.has("leader-get")).isFalse());
    assertThat(JujuToolSet.fromEnvironment(Map.of())).isEmpty();
    assertThat(JujuToolSet.fromEnvironment(Map.of("JUJU_VERSION", "0.0.0"))).isEmpty();
    assertThat(JujuToolSet.fromEnvironment(Map.of("JUJU_VERSION", "garbage"))).isEmpty();
  }

  /**
   * Every tool the production backend can run is in the catalogue (else the runtime gate would
   * refuse it everywhere), and the only ones Juju 3.6 lacks are the Juju 2 leadership settings.
   */
  @Test
  void everyToolProcessHookToolsCallsIsCataloguedAndOnlyLeadershipSettingsAreMissingOn36()
      throws IOException {
    Path source = Path.of("src/main/java/io/charmkit/ops/hooktools/ProcessHookTools.java");
    Matcher m = Pattern.compile("ToolCall\\.of\\(\"([a-z-]+)\"").matcher(Files.readString(source));
    Set<String> called = new TreeSet<>();
    while (m.find()) {
      called.add(m.group(1));
    }
    JujuToolSet juju29 = JujuToolSet.forVersion("2.9.46");
    JujuToolSet juju36 = JujuToolSet.forVersion("3.6.14");

    assertThat(called).hasSizeGreaterThan(30);
    assertThat(called).allMatch(t -> juju29.has(t) || juju36.has(t));
    assertThat(called.stream().filter(t -> !juju36.has(t)))
        .containsExactlyInAnyOrder("leader-get", "leader-set");
  }
}
