package io.charmkit.interfaces.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.charmkit.interfaces.support.TestModel;
import io.charmkit.ops.Charm;
import io.charmkit.schema.cluster.WorkerUnitData;
import io.charmkit.schema.topology.JujuTopology;
import io.charmkit.testing.Event;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Building topologies, the UUID rule, the wire subset and the label forms (WIRE.md §5). */
class TopologiesTest {
  private static final String UUID = TestModel.UUID;

  @Test
  void fromModelTakesTheCharmsMetadataName() {
    AtomicReference<JujuTopology> seen = new AtomicReference<>();

    TestModel.unit(
            "name: tempo-worker-k8s\n",
            "tempo-worker/2",
            fw ->
                new Charm(fw) {
                  {
                    seen.set(Topologies.fromModel(model()));
                  }
                })
        .run(Event.updateStatus(), TestModel.state().build());

    assertThat(seen.get())
        .isEqualTo(
            new JujuTopology("cos", UUID, "tempo-worker", "tempo-worker/2", "tempo-worker-k8s"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "6B8C1F2E-3D4A-4B5C-9D6E-7F8091A2B3C4",
        "{6b8c1f2e-3d4a-4b5c-9d6e-7f8091a2b3c4}",
        "urn:uuid:6b8c1f2e-3d4a-4b5c-9d6e-7f8091a2b3c4",
        "6b8c1f2e3d4a4b5c9d6e7f8091a2b3c4",
        "6b8c1f2e-3d4a-1b5c-9d6e-7f8091a2b3c4",
        "6b8c1f2e-3d4a-4b5c-7d6e-7f8091a2b3c4",
        "00000000-0000-0000-0000-000000000000",
        ""
      })
  void rejectsAnythingButACanonicalLowerCaseV4Uuid(String uuid) {
    assertThatThrownBy(() -> Topologies.of("cos", uuid, "app", null, null))
        .isInstanceOf(InvalidUuidException.class)
        .hasMessageStartingWith("'" + uuid + "' is not a valid UUID.");
  }

  @Test
  void acceptsAValidUuidAndDefaultsTheOptionalFields() {
    JujuTopology t = Topologies.of("cos", UUID, "tempo", null, null);

    assertThat(t.unit()).isEmpty();
    assertThat(t.charmName()).isEmpty();
    assertThat(t.identifier()).isEqualTo("cos_6b8c1f2e_tempo");
  }

  @Test
  void theWireSubsetIsApplicationUnitAndCharmNameInThatOrder() {
    JujuTopology t =
        Topologies.of("cos", UUID, "tempo-worker", "tempo-worker/0", "tempo-worker-k8s");

    Map<String, String> bag = WorkerUnitData.CODEC.write(new WorkerUnitData(t.forWorker(), "w0"));

    assertThat(bag.get("juju_topology"))
        .isEqualTo(
            "{\"application\": \"tempo-worker\", \"unit\": \"tempo-worker/0\","
                + " \"charm_name\": \"tempo-worker-k8s\"}");
  }

  @Test
  void labelForms() {
    TopologyLabels labels =
        new TopologyLabels(Topologies.of("cos", UUID, "tempo", "tempo/1", "tempo-coordinator-k8s"));

    assertThat(labels.matchers())
        .containsExactly(
            Map.entry("juju_model", "cos"),
            Map.entry("juju_model_uuid", UUID),
            Map.entry("juju_application", "tempo"),
            Map.entry("juju_charm", "tempo-coordinator-k8s"));
    assertThat(labels.matcherString())
        .isEqualTo(
            "juju_model=\"cos\", juju_model_uuid=\""
                + UUID
                + "\", juju_application=\"tempo\", juju_charm=\"tempo-coordinator-k8s\"");
    assertThat(labels.alertExpressionString())
        .isEqualTo(
            "juju_model=\"cos\", juju_model_uuid=\"" + UUID + "\", juju_application=\"tempo\"");
    assertThat(labels.all()).containsKeys("juju_unit").hasSize(5);
    assertThat(labels.baggage())
        .isEqualTo(
            "juju_model=cos,juju_model_uuid="
                + UUID
                + ",juju_application=tempo,juju_unit=tempo/1,juju_charm=tempo-coordinator-k8s");
  }

  @Test
  void emptyOptionalFieldsAreLeftOutOfTheLabels() {
    TopologyLabels labels = new TopologyLabels(Topologies.of("cos", UUID, "tempo", null, ""));

    assertThat(labels.matchers()).doesNotContainKey("juju_charm");
    assertThat(labels.all()).doesNotContainKeys("juju_unit", "juju_charm");
    assertThat(labels.baggage()).doesNotContain("juju_unit");
  }
}
