package io.charmkit.interfaces.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.charmkit.schema.scrape.AlertRule;
import io.charmkit.schema.scrape.RuleGroup;
import io.charmkit.schema.topology.JujuTopology;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rule files read and localised as cosl's Rules does. */
class RuleFilesTest {
  private static final JujuTopology TOPOLOGY =
      new JujuTopology(
          "cos", "0d2f6e0c-8a3b-4c55-9d0e-5f1a2b3c4d5e", "tempo", "tempo/0", "tempo-k8s");

  @TempDir Path dir;

  @Test
  void bothFormatsInSortedOrderWithSubDirectoriesAndBadFilesSkipped() throws IOException {
    Files.createDirectories(dir.resolve("sub"));
    Files.writeString(
        dir.resolve("b.rule"),
        "alert: Down\nexpr: up{%%juju_topology%%} < 1\nlabels:\n  severity: critical\n");
    Files.writeString(
        dir.resolve("a.yaml"),
        "groups:\n- name: my-group\n  rules:\n  - record: job:x:rate5m\n    expr: rate(x[5m])\n");
    Files.writeString(dir.resolve("sub/c.rules"), "alert: Sub\nexpr: absent(y)\n");
    Files.writeString(dir.resolve("empty.yml"), "");
    Files.writeString(dir.resolve("broken.yaml"), "groups: [\n");
    Files.writeString(dir.resolve("notes.txt"), "alert: Ignored\nexpr: up\n");

    List<RuleGroup> groups = RuleTopology.apply(RuleFiles.read(dir, true), TOPOLOGY);

    assertThat(groups)
        .extracting(RuleGroup::name)
        .containsExactly(
            "cos_0d2f6e0c_tempo_my_group_rules",
            "cos_0d2f6e0c_tempo_b_rules",
            "cos_0d2f6e0c_tempo_sub_c_rules");
    AlertRule down = groups.get(1).rules().get(0);
    assertThat(down.expr())
        .isEqualTo(
            "up{juju_application=\"tempo\",juju_model=\"cos\","
                + "juju_model_uuid=\"0d2f6e0c-8a3b-4c55-9d0e-5f1a2b3c4d5e\"} < 1");
    assertThat(down.labels().keySet())
        .containsExactly(
            "severity", "juju_model", "juju_model_uuid", "juju_application", "juju_charm");
    assertThat(RuleTopology.apply(RuleFiles.read(dir, false), TOPOLOGY)).hasSize(2);
  }

  @Test
  void anAlreadyLocalisedGroupKeepsItsNameAndLabels() {
    JujuTopology worker =
        new JujuTopology("cos", TOPOLOGY.modelUuid(), "tempo-worker", "tempo-worker/0", "w");
    RuleGroup once =
        RuleTopology.apply(
            new RuleGroup("g", List.of(AlertRule.alert("A", "up < 1", null, null, null))),
            worker.identifier(),
            worker);

    RuleGroup twice = RuleTopology.apply(once, TOPOLOGY.identifier(), TOPOLOGY);

    assertThat(twice).isEqualTo(once);
    assertThat(twice.name()).isEqualTo("cos_0d2f6e0c_tempo_worker_g_rules");
  }

  @Test
  void anUnreadableExpressionIsForwardedAsItIs() {
    RuleGroup group =
        RuleTopology.apply(
            new RuleGroup("g", List.of(AlertRule.alert("A", "sum(up", null, null, null))),
            TOPOLOGY.identifier(),
            TOPOLOGY);

    assertThat(group.rules().get(0).expr()).isEqualTo("sum(up");
  }
}
