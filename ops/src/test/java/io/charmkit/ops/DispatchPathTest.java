package io.charmkit.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.charmkit.ops.context.DispatchPath;
import io.charmkit.ops.context.EventKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DispatchPathTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "hooks/install, install, HOOK, install",
    "hooks/db-relation-changed, db_relation_changed, RELATION_CHANGED, db",
    "hooks/tempo-cluster-relation-broken, tempo_cluster_relation_broken, RELATION_BROKEN,"
        + " tempo-cluster",
    "hooks/workload-pebble-ready, workload_pebble_ready, PEBBLE_READY, workload",
    "hooks/workload-pebble-check-recovered, workload_pebble_check_recovered,"
        + " PEBBLE_CHECK_RECOVERED, workload",
    "hooks/data-storage-attached, data_storage_attached, STORAGE_ATTACHED, data",
    "hooks/secret-changed, secret_changed, SECRET_CHANGED, secret-changed",
    "actions/do-backup, do_backup_action, ACTION, do-backup",
    "/var/lib/juju/agents/unit-a-0/charm/hooks/config-changed, config_changed, HOOK,"
        + " config-changed",
  })
  void derivesTheEventNameAsOpsDoes(String path, String event, EventKind kind, String subject) {
    DispatchPath parsed = DispatchPath.parse(path);
    assertThat(parsed.eventName()).isEqualTo(event);
    assertThat(parsed.kind()).isEqualTo(kind);
    assertThat(parsed.subject()).isEqualTo(subject);
  }

  @Test
  void anActionNamedLikeAHookSuffixIsStillAnAction() {
    DispatchPath parsed = DispatchPath.parse("actions/pebble-ready");
    assertThat(parsed.kind()).isEqualTo(EventKind.ACTION);
    assertThat(parsed.eventName()).isEqualTo("pebble_ready_action");
  }

  @Test
  void rejectsAnEmptyPath() {
    assertThatThrownBy(() -> DispatchPath.parse(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("empty dispatch path");
  }
}
