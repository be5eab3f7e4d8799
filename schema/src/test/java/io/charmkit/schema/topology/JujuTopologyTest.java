package io.charmkit.schema.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.charmkit.schema.validation.ModelValidator;
import io.charmkit.schema.validation.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** WIRE.md §5: the UUID rule, the identifier and the worker subset. */
class JujuTopologyTest {

  private static final String UUID = "6b8c1f2e-3d4a-4b5c-9d6e-7f8091a2b3c4";

  @Test
  void aCanonicalVersionFourUuidIsValid() {
    assertThat(JujuTopology.isValidModelUuid(UUID)).isTrue();
    assertThat(ModelValidator.validate(new JujuTopology("cos", UUID, "tempo", null, null)))
        .isEmpty();
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
        "1231234120941234",
        ""
      })
  void otherFormsAreInvalid(String uuid) {
    assertThat(JujuTopology.isValidModelUuid(uuid)).isFalse();
    assertThat(ModelValidator.validate(new JujuTopology("cos", uuid, "tempo", "", "")))
        .containsExactly(new Problem("model_uuid", "is not a valid UUID (lower-case, version 4)"));
  }

  @Test
  void unitAndCharmNameDefaultToEmpty() {
    JujuTopology topology = new JujuTopology("cos", UUID, "tempo", null, null);
    assertThat(topology.unit()).isEmpty();
    assertThat(topology.charmName()).isEmpty();
  }

  @Test
  void identifierUsesTheFirstEightCharactersOfTheUuid() {
    assertThat(new JujuTopology("cos/lab", UUID, "tempo", "", "").identifier())
        .isEqualTo("cos_lab_6b8c1f2e_tempo");
  }

  @Test
  void theWorkerSubsetRoundTrips() {
    WorkerTopology worker =
        new WorkerTopology("tempo-worker", "tempo-worker/0", "tempo-worker-k8s");
    JujuTopology full = worker.inModel("cos", UUID);
    assertThat(full.forWorker()).isEqualTo(worker);
    assertThat(full.model()).isEqualTo("cos");
  }
}
