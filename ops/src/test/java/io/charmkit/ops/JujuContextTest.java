package io.charmkit.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.charmkit.ops.context.EventKind;
import io.charmkit.ops.context.JujuContext;
import io.charmkit.ops.context.MissingContextException;
import io.charmkit.ops.hooktools.RelationRef;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class JujuContextTest {

  @Test
  void parsesThePlainHookEnvironment() {
    Map<String, String> env = Fixture.env("hooks/install");
    env.put("JUJU_AVAILABILITY_ZONE", "");
    JujuContext ctx = JujuContext.fromEnvironment(env);
    assertThat(ctx.kind()).isEqualTo(EventKind.HOOK);
    assertThat(ctx.unitName()).isEqualTo("demo/0");
    assertThat(ctx.appName()).isEqualTo("demo");
    assertThat(ctx.modelName()).isEqualTo("test");
    assertThat(ctx.charmDir()).isEqualTo(Path.of("/tmp/demo-charm"));
    assertThat(ctx.jujuVersion()).isEqualTo("3.6.14");
    assertThat(ctx.availabilityZone()).as("empty means absent").isEmpty();
    assertThat(ctx.relation()).isEmpty();
  }

  @Test
  void parsesARelationChanged() {
    JujuContext ctx =
        JujuContext.fromEnvironment(
            Fixture.relationEnv("relation-changed", "db", 3, "postgresql", "postgresql/1"));
    assertThat(ctx.kind()).isEqualTo(EventKind.RELATION_CHANGED);
    assertThat(ctx.relation()).contains(RelationRef.of("db", 3));
    assertThat(ctx.remoteApp()).contains("postgresql");
    assertThat(ctx.remoteUnit()).contains("postgresql/1");
  }

  @Test
  void anApplicationLevelRelationChangedNeedsNoRemoteUnit() {
    JujuContext ctx =
        JujuContext.fromEnvironment(
            Fixture.relationEnv("relation-changed", "db", 3, "postgresql", null));
    assertThat(ctx.remoteUnit()).isEmpty();
  }

  @Test
  void departedCarriesTheDepartingUnit() {
    Map<String, String> env =
        Fixture.relationEnv("relation-departed", "db", 3, "postgresql", "postgresql/1");
    env.put("JUJU_DEPARTING_UNIT", "postgresql/1");
    assertThat(JujuContext.fromEnvironment(env).departingUnit()).contains("postgresql/1");
  }

  static Stream<Arguments> missingVariables() {
    return Stream.of(
        Arguments.of("hooks/install", "JUJU_UNIT_NAME", Map.of()),
        Arguments.of("hooks/install", "JUJU_MODEL_NAME", Map.of()),
        Arguments.of("hooks/install", "JUJU_MODEL_UUID", Map.of()),
        Arguments.of("hooks/db-relation-created", "JUJU_RELATION", relation()),
        Arguments.of("hooks/db-relation-created", "JUJU_RELATION_ID", relation()),
        Arguments.of("hooks/db-relation-broken", "JUJU_REMOTE_APP", relation()),
        Arguments.of("hooks/db-relation-joined", "JUJU_REMOTE_UNIT", relation()),
        Arguments.of("hooks/db-relation-departed", "JUJU_DEPARTING_UNIT", relation()),
        Arguments.of("hooks/workload-pebble-ready", "JUJU_WORKLOAD_NAME", workload()),
        Arguments.of("hooks/workload-pebble-custom-notice", "JUJU_NOTICE_KEY", workload()),
        Arguments.of("hooks/workload-pebble-check-failed", "JUJU_PEBBLE_CHECK_NAME", workload()),
        Arguments.of("hooks/secret-changed", "JUJU_SECRET_ID", Map.of("JUJU_SECRET_ID", "x")),
        Arguments.of(
            "hooks/data-storage-attached", "JUJU_STORAGE_ID", Map.of("JUJU_STORAGE_ID", "d/0")),
        Arguments.of("actions/backup", "JUJU_ACTION_NAME", Map.of("JUJU_ACTION_NAME", "backup")));
  }

  private static Map<String, String> relation() {
    return Map.of(
        "JUJU_RELATION", "db",
        "JUJU_RELATION_ID", "db:3",
        "JUJU_REMOTE_APP", "postgresql",
        "JUJU_REMOTE_UNIT", "postgresql/1",
        "JUJU_DEPARTING_UNIT", "postgresql/1");
  }

  private static Map<String, String> workload() {
    return Map.of(
        "JUJU_WORKLOAD_NAME", "workload",
        "JUJU_NOTICE_ID", "1",
        "JUJU_NOTICE_TYPE", "custom",
        "JUJU_NOTICE_KEY", "example.com/a",
        "JUJU_PEBBLE_CHECK_NAME", "ready");
  }

  @ParameterizedTest(name = "{0} without {1}")
  @MethodSource("missingVariables")
  void namesTheMissingVariable(String path, String missing, Map<String, String> extra) {
    Map<String, String> env = Fixture.env(path);
    env.putAll(extra);
    env.remove(missing);
    assertThatThrownBy(() -> JujuContext.fromEnvironment(env))
        .isInstanceOf(MissingContextException.class)
        .hasMessageContaining(missing)
        .satisfies(e -> assertThat(((MissingContextException) e).variable()).isEqualTo(missing));
  }

  @Test
  void everyEventKindParsesWithItsVariables() {
    Map<String, String> env = Fixture.env("hooks/workload-pebble-custom-notice");
    env.putAll(workload());
    JujuContext ctx = JujuContext.fromEnvironment(env);
    assertThat(ctx.kind()).isEqualTo(EventKind.PEBBLE_CUSTOM_NOTICE);
    assertThat(ctx.noticeKey()).contains("example.com/a");

    env = Fixture.env("hooks/secret-remove");
    env.put("JUJU_SECRET_ID", "secret:abc");
    env.put("JUJU_SECRET_REVISION", "3");
    ctx = JujuContext.fromEnvironment(env);
    assertThat(ctx.secretRevision()).contains(3);

    env = Fixture.env("actions/backup");
    env.put("JUJU_HOOK_NAME", "");
    env.put("JUJU_ACTION_NAME", "backup");
    env.put("JUJU_ACTION_UUID", "42");
    ctx = JujuContext.fromEnvironment(env);
    assertThat(ctx.kind()).isEqualTo(EventKind.ACTION);
    assertThat(ctx.actionUuid()).contains("42");
  }

  @ParameterizedTest
  @ValueSource(strings = {"db:x", "db:"})
  void rejectsAMalformedRelationId(String id) {
    Map<String, String> env = Fixture.relationEnv("relation-created", "db", 3, "pg", null);
    env.put("JUJU_RELATION_ID", id);
    assertThatThrownBy(() -> JujuContext.fromEnvironment(env))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("JUJU_RELATION_ID");
  }

  @Test
  void collectMetricsIsARestrictedContext() {
    assertThat(JujuContext.fromEnvironment(Fixture.env("hooks/collect-metrics")).restricted())
        .isTrue();
    assertThat(JujuContext.fromEnvironment(Fixture.env("hooks/install")).restricted()).isFalse();
    assertThat(JujuContext.fromEnvironment(Fixture.env("hooks/install")).secretLabel())
        .isEqualTo(Optional.empty());
  }
}
