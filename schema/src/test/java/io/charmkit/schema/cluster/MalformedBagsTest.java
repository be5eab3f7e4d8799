package io.charmkit.schema.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.charmkit.schema.codec.DatabagCodec;
import io.charmkit.schema.jsonschema.InterfaceSchema;
import io.charmkit.schema.validation.DatabagValidationException;
import io.charmkit.schema.validation.Problem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Bad remote data ends in one exception naming every problem, never in a crash. */
class MalformedBagsTest {

  private static final String LOCATION = "relation tempo-cluster:3, unit tempo-worker/2";
  private static final String TOPOLOGY =
      "{\"application\": \"tempo-worker\", \"unit\": \"tempo-worker/2\", \"charm_name\": \"t\"}";

  private static List<Problem> problems(Runnable read) {
    return catchThrowableOfType(DatabagValidationException.class, read::run).problems();
  }

  private static Map<String, String> unitBag(String topology, String address) {
    Map<String, String> bag = new LinkedHashMap<>();
    bag.put("ingress-address", "10.1.64.12");
    if (topology != null) {
      bag.put("juju_topology", topology);
    }
    if (address != null) {
      bag.put("address", address);
    }
    return bag;
  }

  @Test
  void aNullNestedFieldIsReportedWithTheFullLocationAndPath() {
    Map<String, String> bag =
        unitBag("{\"application\": \"tempo-worker\", \"unit\": \"tempo-worker/2\"}", "\"h\"");
    assertThatThrownBy(() -> WorkerUnitData.CODEC.read(bag, LOCATION))
        .isInstanceOf(DatabagValidationException.class)
        .hasMessage(
            "relation tempo-cluster:3, unit tempo-worker/2, juju_topology.charm_name: must not be"
                + " null");
  }

  @Test
  void everyProblemIsListedAtOnce() {
    Map<String, String> bag = unitBag("{\"application\": 7, \"unit\": null}", null);
    assertThat(problems(() -> WorkerUnitData.CODEC.read(bag, LOCATION)))
        .containsExactly(
            new Problem("juju_topology.application", "must be a string, not an integer"),
            new Problem("address", "must not be null"));
  }

  @Test
  void bothNullNestedFieldsAreReportedWhenTheTypesAreRight() {
    Map<String, String> bag = unitBag("{\"application\": \"a\", \"unit\": null}", "\"h\"");
    assertThat(problems(() -> WorkerUnitData.CODEC.read(bag, LOCATION)))
        .containsExactly(
            new Problem("juju_topology.charm_name", "must not be null"),
            new Problem("juju_topology.unit", "must not be null"));
  }

  @Test
  void aValueThatIsNotJsonMakesTheBagInvalid() {
    assertThat(problems(() -> WorkerUnitData.CODEC.read(unitBag(TOPOLOGY, "10.1.64.12"), "")))
        .containsExactly(
            new Problem("address", "is not valid JSON (unexpected text at character 5)"));
    assertThat(problems(() -> WorkerAppData.CODEC.read(Map.of("role", "all"), "")))
        .containsExactly(new Problem("role", "is not valid JSON (unexpected text at character 1)"));
    assertThat(
            problems(() -> WorkerUnitData.CODEC.read(unitBag("{\"application\": ", "\"h\""), "")))
        .containsExactly(
            new Problem("juju_topology", "is not valid JSON (the text ends too early)"));
  }

  @Test
  void juJusOwnKeysAreNeverParsed() {
    Map<String, String> bag = unitBag(TOPOLOGY, "\"h\"");
    bag.put("private-address", "not json at all {");
    assertThat(WorkerUnitData.CODEC.read(bag, "").address()).isEqualTo("h");
  }

  @Test
  void wrongTypesAreNamed() {
    Map<String, String> bag = new LinkedHashMap<>();
    bag.put("worker_config", "42");
    bag.put("loki_endpoints", "[\"x\"]");
    bag.put("worker_ports", "[7946, \"http\", true, 3200.5]");
    bag.put("remote_write_endpoints", "[{\"address\": \"x\"}]");
    bag.put("worker_labels", "{\"a\": false}");
    assertThat(problems(() -> CoordinatorAppData.CODEC.read(bag, "")))
        .containsExactlyInAnyOrder(
            new Problem("worker_config", "must be a string, not an integer"),
            new Problem("loki_endpoints", "must be an object, not a list"),
            new Problem("worker_ports[1]", "must be an integer, not a string"),
            new Problem("worker_labels.a", "must be a string, not a boolean"),
            new Problem("remote_write_endpoints[0].url", "must not be null"));
  }

  @Test
  void aFractionalPortIsRejectedWhereIntegralFloatsAndNumericStringsAreAccepted() {
    Map<String, String> bag = new LinkedHashMap<>();
    bag.put("worker_config", "\"a: b\"");
    bag.put("worker_ports", "[\"7946\", 3200.0, 9096]");
    assertThat(CoordinatorAppData.CODEC.read(bag, "").workerPorts())
        .containsExactly(7946, 3200, 9096);
    bag.put("worker_ports", "[3200.5]");
    assertThat(problems(() -> CoordinatorAppData.CODEC.read(bag, "")))
        .containsExactly(new Problem("worker_ports[0]", "must be an integer, not a number"));
    bag.put("worker_ports", "[0, 70000]");
    assertThat(problems(() -> CoordinatorAppData.CODEC.read(bag, "")))
        .containsExactly(
            new Problem("worker_ports[0]", "must be a port number from 1 to 65535"),
            new Problem("worker_ports[1]", "must be a port number from 1 to 65535"));
  }

  @Test
  void aMissingRequiredFieldIsNamed() {
    assertThat(problems(() -> CoordinatorAppData.CODEC.read(Map.of("loki_endpoints", "{}"), "")))
        .containsExactly(new Problem("worker_config", "must not be null"));
    assertThat(problems(() -> WorkerAppData.CODEC.read(Map.of(), "")))
        .containsExactly(new Problem("role", "must name at least one role"));
  }

  @Test
  void anOptionalFieldHoldingJsonNullIsAbsentButANullMapValueIsNot() {
    Map<String, String> bag = new LinkedHashMap<>();
    bag.put("worker_config", "\"a: b\"");
    bag.put("loki_endpoints", "null");
    assertThat(CoordinatorAppData.CODEC.read(bag, "").lokiEndpoints()).isNull();
    bag.put("loki_endpoints", "{\"loki/0\": null}");
    assertThat(problems(() -> CoordinatorAppData.CODEC.read(bag, "")))
        .containsExactly(new Problem("loki_endpoints[loki/0]", "must not be null"));
  }

  @Test
  void unknownRolesAreRejectedWhenTheRoleNamesAreSupplied() {
    List<String> tempo = roles("tempo_cluster");
    List<String> pyroscope = roles("pyroscope_cluster");
    Map<String, String> bag = Map.of("role", "\"querier,imposter,,ingester\"");
    assertThat(WorkerAppData.CODEC.read(bag, "").roles())
        .containsExactly("querier", "imposter", "", "ingester");
    assertThatThrownBy(
            () ->
                WorkerAppData.CODEC.read(
                    bag,
                    "relation tempo-cluster:4, app w",
                    data -> data.unknownRoles("Tempo", tempo)))
        .isInstanceOf(DatabagValidationException.class)
        .hasMessage(
            "relation tempo-cluster:4, app w, role: \"imposter\" is not a Tempo role (expected one"
                + " of all, querier, query-frontend, ingester, distributor, compactor,"
                + " metrics-generator)\n"
                + "relation tempo-cluster:4, app w, role: has an empty role name in"
                + " \"querier,imposter,,ingester\"");
    assertThat(
            WorkerAppData.CODEC
                .read(
                    Map.of("role", "\"tenant-settings,all\""),
                    "",
                    data -> data.unknownRoles("Pyroscope", pyroscope))
                .roles())
        .containsExactly("tenant-settings", "all");
  }

  private static List<String> roles(String interfaceName) {
    return InterfaceSchema.find(interfaceName, Optional.empty()).orElseThrow().roles();
  }

  @Test
  void aValueOfOneMebibyteIsRejectedBeforeParsing() {
    String huge = "\"" + "x".repeat(1024 * 1024 - 2) + "\"";
    Map<String, String> bag = new LinkedHashMap<>();
    bag.put("worker_config", huge);
    assertThat(problems(() -> CoordinatorAppData.CODEC.read(bag, "")))
        .containsExactly(
            new Problem(
                "worker_config",
                "is 1048576 bytes long, over the limit of 524288 bytes for a databag value"));
  }

  @Test
  void aLoneSurrogateIsRejectedOnReadAndOnWrite() {
    Map<String, String> bag = unitBag(TOPOLOGY, "\"host\\ud800name\"");
    assertThat(problems(() -> WorkerUnitData.CODEC.read(bag, "")))
        .containsExactly(
            new Problem(
                "address",
                "contains a lone surrogate (U+D800 at character 4), which is not valid Unicode and"
                    + " cannot be stored as UTF-8"));
    WorkerUnitData bad =
        new WorkerUnitData(
            new io.charmkit.schema.topology.WorkerTopology("a", "a/0", "c\uDC00"), "h");
    assertThatThrownBy(() -> WorkerUnitData.CODEC.write(bad))
        .isInstanceOf(DatabagValidationException.class)
        .hasMessageStartingWith(
            "cannot write WorkerUnitData, juju_topology.charm_name: contains a lone surrogate (U+DC00");
  }

  @Test
  void writingAnInvalidModelFailsWithItsProblems() {
    CoordinatorAppData bad = CoordinatorAppData.builder(null).workerPorts(List.of(0)).build();
    assertThatThrownBy(() -> CoordinatorAppData.CODEC.write(bad))
        .isInstanceOf(DatabagValidationException.class)
        .hasMessage(
            "cannot write CoordinatorAppData, worker_config: must not be null\n"
                + "cannot write CoordinatorAppData, worker_ports[0]: must be a port number from 1 to 65535");
  }

  @Test
  void theLimitIsDocumentedAsHalfAMebibyte() {
    assertThat(DatabagCodec.MAX_VALUE_BYTES).isEqualTo(512 * 1024);
  }
}
