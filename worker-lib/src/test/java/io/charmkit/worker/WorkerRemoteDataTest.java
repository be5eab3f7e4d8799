package io.charmkit.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.charmkit.ops.model.Status;
import io.charmkit.schema.cluster.CoordinatorAppData;
import io.charmkit.testing.Container;
import io.charmkit.testing.Context;
import io.charmkit.testing.Event;
import io.charmkit.testing.Outcome;
import io.charmkit.testing.Relation;
import io.charmkit.testing.Secret;
import io.charmkit.testing.State;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 16: bad coordinator data never stops a running workload and never fails a hook. Each case
 * is one a black-box run saw end a hook with exit 1 or stop Tempo: a worker settles on good data,
 * then one field of the coordinator's bag is replaced and relation-changed runs.
 */
class WorkerRemoteDataTest {
  static final String CONFIG_TEXT = "server:\n  http_listen_port: 3200\n";
  static final Secret KEY = Secret.granted(Map.of("private-key", "KEY"));

  private final Context ctx =
      new Context(fw -> new TestWorker(fw, TestWorker.environment()), TestWorker.META)
          .withAppName("test-worker");

  /** The good bag: a config, TLS, a Loki endpoint, labels and tracing. */
  static Map<String, String> goodBag() {
    CoordinatorAppData data =
        CoordinatorAppData.builder(CONFIG_TEXT)
            .tls("CA", "SERVER", KEY.id())
            .s3TlsCaChain("S3 CHAIN")
            .lokiEndpoints(Map.of("loki/0", "http://loki-0:3100/loki/api/v1/push"))
            .charmTracingReceivers(Map.of("otlp_http", "http://tempo:4318"))
            .workerLabels(Map.of("app.kubernetes.io/part-of", "tempo"))
            .build();
    Map<String, String> bag = new HashMap<>(CoordinatorAppData.CODEC.write(data));
    bag.values().removeIf(String::isEmpty);
    return bag;
  }

  /** A worker that settled on {@link #goodBag()}: files, layers, service running. */
  Outcome settled() {
    Relation rel =
        Relation.of(TestWorker.ENDPOINT).withRemoteApp("coordinator").withRemoteAppData(goodBag());
    State state =
        State.builder()
            .leader(true)
            .relation(rel)
            .secret(KEY)
            .container(
                Container.connected(TestWorker.CONTAINER)
                    .withExecutables("/bin/workload")
                    .withExec(TestWorker.UPDATE_CA))
            .build();
    Outcome out = ctx.run(Event.relationChanged(rel), state);
    assertThat(out.unitStatus()).isEqualTo(Status.active("(all roles) ready."));
    return out;
  }

  static String quoted(String json) {
    return "\"" + json + "\"";
  }

  static Stream<Arguments> seenCases() {
    String big = "a: " + "x".repeat(511 * 1024) + "\n";
    return Stream.of(
        Arguments.of("worker_config", "{not json"),
        Arguments.of("worker_config", quoted(big)),
        Arguments.of("worker_config", quoted("a: \\u0000\\n")),
        Arguments.of("worker_config", quoted("a: \\\"\\\\0\\\"\\n")),
        Arguments.of("worker_config", quoted("a: !!binary aGVsbG8=\\n")),
        Arguments.of("worker_config", quoted("a: \\ud800\\n")),
        Arguments.of("worker_config", quoted("a: \\\"\\\\ud800\\\"\\n")),
        Arguments.of("worker_config", quoted("a: &x [1, 2]\\nb: *x\\n")),
        Arguments.of("worker_config", quoted("- a\\n- b\\n")),
        Arguments.of("worker_config", "42"),
        Arguments.of("loki_endpoints", "{\"loki/0\": {\"url\": \"http://x\"}}"),
        Arguments.of("loki_endpoints", "{\"lo\\u0000ki/0\": \"http://x\"}"),
        Arguments.of("loki_endpoints", "[\"http://x\"]"),
        Arguments.of("worker_labels", "{\"a\\u0000b\": \"c\"}"),
        Arguments.of("charm_tracing_receivers", "{\"otlp\\u0000http\": \"http://x\"}"),
        Arguments.of("ca_cert", "123"),
        Arguments.of("ca_cert", quoted("CA\\u0000")),
        Arguments.of("server_cert", "{\"pem\": \"x\"}"),
        Arguments.of("s3_tls_ca_chain", "[1, 2]"),
        Arguments.of("worker_ports", "[\"http\"]"),
        Arguments.of("remote_write_endpoints", "[{\"url\": null}]"));
  }

  @ParameterizedTest(name = "{0} = {1}")
  @MethodSource("seenCases")
  void aBadFieldIsNamedAndTheWorkloadKeepsRunning(String field, String value) {
    Outcome good = settled();
    Container before = good.state().container(TestWorker.CONTAINER).orElseThrow();
    Relation rel = good.state().relations().get(0);
    Map<String, String> bag = new HashMap<>(rel.remoteAppData());
    bag.put(field, value);
    Relation bad = rel.withRemoteAppData(bag);

    Outcome out =
        ctx.run(Event.relationChanged(bad), good.state().toBuilder().relation(bad).build());

    Container after = out.state().container(TestWorker.CONTAINER).orElseThrow();
    assertThat(after.files()).isEqualTo(before.files());
    assertThat(after.layers()).isEqualTo(before.layers());
    assertThat(after.serviceStatuses()).containsEntry("workload", "active");
    assertThat(out.state().openedPorts()).isEqualTo(good.state().openedPorts());
    assertThat(out.unitStatus().name()).isEqualTo(Status.waiting("").name());
    assertThat(out.unitStatus().message())
        .startsWith("Invalid coordinator data: relation cluster:" + rel.id())
        .contains("application coordinator, " + field)
        .doesNotContain("\u0000");
  }

  static Stream<String> badSecretIds() {
    return Stream.of(
        "secret:",
        "secret://",
        "not-a-secret",
        "secret:!!!!",
        "secret:" + "c".repeat(65),
        "secret:CCCCCCCCCCCCCCCCCCCC",
        "secret://model/../cccccccccccccccccccc",
        "secret:cccccccccccccccccccc\u0000",
        "secret:cccccccccccccccccc99");
  }

  @ParameterizedTest
  @MethodSource("badSecretIds")
  void aBadSecretIdKeepsTheKeyInUse(String id) {
    Outcome good = settled();
    Container before = good.state().container(TestWorker.CONTAINER).orElseThrow();
    Relation rel = good.state().relations().get(0);
    Map<String, String> bag = new HashMap<>(rel.remoteAppData());
    bag.put("privkey_secret_id", json(id));
    Relation bad = rel.withRemoteAppData(bag);

    Outcome out =
        ctx.run(Event.relationChanged(bad), good.state().toBuilder().relation(bad).build());

    Container after = out.state().container(TestWorker.CONTAINER).orElseThrow();
    assertThat(after.files()).isEqualTo(before.files()).containsEntry(WorkerFiles.KEY, "KEY");
    assertThat(after.serviceStatuses()).containsEntry("workload", "active");
    assertThat(out.unitStatus().message())
        .startsWith("Invalid coordinator data:")
        .contains("privkey_secret_id")
        .doesNotContain("\u0000");
  }

  @Test
  void validDataAfterBadDataIsAppliedAgain() {
    Outcome good = settled();
    Relation rel = good.state().relations().get(0);
    Map<String, String> bag = new HashMap<>(rel.remoteAppData());
    bag.put("worker_config", "{oops");
    Relation bad = rel.withRemoteAppData(bag);
    Outcome held =
        ctx.run(Event.relationChanged(bad), good.state().toBuilder().relation(bad).build());
    Map<String, String> fixedBag = new HashMap<>(goodBag());
    fixedBag.put("worker_config", quoted("server:\\n  http_listen_port: 3300\\n"));
    Relation fixed = rel.withRemoteAppData(fixedBag);

    Outcome out =
        ctx.run(Event.relationChanged(fixed), held.state().toBuilder().relation(fixed).build());

    assertThat(out.state().container(TestWorker.CONTAINER).orElseThrow().files())
        .containsEntry(WorkerFiles.CONFIG, "server:\n  http_listen_port: 3300\n");
    assertThat(out.unitStatus()).isEqualTo(Status.active("(all roles) ready."));
  }

  @Test
  void anExplicitlyEmptyConfigStillStopsTheWorkload() {
    Outcome good = settled();
    Relation rel = good.state().relations().get(0);
    Map<String, String> bag = new HashMap<>(rel.remoteAppData());
    bag.put("worker_config", "\"\"");
    Relation empty = rel.withRemoteAppData(bag);

    Outcome out =
        ctx.run(Event.relationChanged(empty), good.state().toBuilder().relation(empty).build());

    Container after = out.state().container(TestWorker.CONTAINER).orElseThrow();
    assertThat(after.files()).doesNotContainKey(WorkerFiles.CONFIG);
    assertThat(after.serviceStatuses()).containsEntry("workload", "inactive");
  }

  @Test
  void disablingEveryRoleStillStopsTheWorkloadWhileTheDataIsBad() {
    Outcome good = settled();
    Relation rel = good.state().relations().get(0);
    Map<String, String> bag = new HashMap<>(rel.remoteAppData());
    bag.put("worker_config", "{oops");
    Relation bad = rel.withRemoteAppData(bag);

    Outcome out =
        ctx.run(
            Event.configChanged(),
            good.state().toBuilder().relation(bad).config("role-all", false).build());

    Container after = out.state().container(TestWorker.CONTAINER).orElseThrow();
    assertThat(after.files()).isEmpty();
    assertThat(after.serviceStatuses()).containsEntry("workload", "inactive");
  }

  @Test
  void aLargeButValidScalarIsAccepted() {
    Outcome good = settled();
    Relation rel = good.state().relations().get(0);
    Map<String, String> bag = new HashMap<>(rel.remoteAppData());
    bag.put("worker_config", quoted("a: " + "x".repeat(140 * 1024) + "\\n"));
    Relation large = rel.withRemoteAppData(bag);

    Outcome out =
        ctx.run(Event.relationChanged(large), good.state().toBuilder().relation(large).build());

    assertThat(out.state().container(TestWorker.CONTAINER).orElseThrow().files())
        .containsKey(WorkerFiles.CONFIG);
    assertThat(out.unitStatus()).isEqualTo(Status.active("(all roles) ready."));
  }

  private static String json(String text) {
    StringBuilder sb = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      if (c < 0x20 || c == '"' || c == '\\') {
        sb.append(String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.append('"').toString();
  }
}
