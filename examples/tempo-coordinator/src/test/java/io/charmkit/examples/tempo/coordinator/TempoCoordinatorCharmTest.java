package io.charmkit.examples.tempo.coordinator;

import static io.charmkit.examples.tempo.coordinator.Cluster.TLS;
import static io.charmkit.examples.tempo.coordinator.Cluster.address;
import static io.charmkit.examples.tempo.coordinator.Cluster.leaderWith;
import static io.charmkit.examples.tempo.coordinator.Cluster.s3;
import static io.charmkit.examples.tempo.coordinator.Cluster.s3Ready;
import static io.charmkit.examples.tempo.coordinator.Cluster.unitBag;
import static io.charmkit.examples.tempo.coordinator.Cluster.worker;
import static org.assertj.core.api.Assertions.assertThat;

import io.charmkit.coordinator.tls.TlsSource;
import io.charmkit.ops.context.HostEnvironment;
import io.charmkit.ops.hooktools.Port;
import io.charmkit.ops.metadata.CharmMetadata;
import io.charmkit.ops.model.Status;
import io.charmkit.schema.cluster.CoordinatorAppData;
import io.charmkit.testing.Context;
import io.charmkit.testing.Event;
import io.charmkit.testing.HookToolCall;
import io.charmkit.testing.LogLine;
import io.charmkit.testing.Outcome;
import io.charmkit.testing.Relation;
import io.charmkit.testing.Secret;
import io.charmkit.testing.State;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The Tempo coordinator, one event at a time, through the production dispatch loop. */
class TempoCoordinatorCharmTest {
  private static final CharmMetadata METADATA = CharmMetadata.load(Path.of(""));
  private static final Context CTX =
      new Context(TempoCoordinatorCharm::new, METADATA).withAppName("tempo");

  private static Outcome run(State state) {
    return CTX.run(Event.updateStatus(), state);
  }

  private static Map<String, String> bag(Outcome out, int relationId) {
    return out.state().relation(relationId).orElseThrow().localAppData();
  }

  private static CoordinatorAppData published(Outcome out, int relationId) {
    return CoordinatorAppData.CODEC.read(bag(out, relationId), "relation " + relationId);
  }

  /** Three units of {@code all}: every role at its recommended count. */
  private static Relation monolith(int id) {
    return worker(id, "tempo-worker", "all", 3);
  }

  @Nested
  class Statuses {
    @Test
    void withoutWorkersItIsBlockedAndPublishesNothing() {
      Outcome out = run(leaderWith(s3Ready()));

      assertThat(out.unitStatus())
          .isEqualTo(Status.blocked("[consistency] Missing any worker relation."));
      assertThat(out.state().container("nginx").orElseThrow().files()).isEmpty();
    }

    @Test
    void anIncoherentClusterNamesItsMissingRoles() {
      Outcome out = run(leaderWith(worker(1, "q", "querier", 1), s3Ready()));

      assertThat(out.unitStatus())
          .isEqualTo(
              Status.blocked(
                  "[consistency] Cluster inconsistent: missing roles compactor, distributor,"
                      + " ingester, query-frontend."));
      assertThat(bag(out, 1)).isEmpty();
    }

    @Test
    void withoutS3ItIsBlocked() {
      Outcome out = run(leaderWith(monolith(1)));

      assertThat(out.unitStatus()).isEqualTo(Status.blocked("[s3] Missing S3 integration."));
      assertThat(bag(out, 1)).isEmpty();
    }

    @Test
    void withIncompleteS3ItIsBlockedButStillAsksForABucket() {
      Outcome out = run(leaderWith(monolith(1), s3(7, Map.of("endpoint", "http://s3:9000"))));

      assertThat(out.unitStatus())
          .isEqualTo(Status.blocked("[s3] S3 not ready (probably misconfigured)."));
      assertThat(bag(out, 7)).containsExactly(Map.entry("bucket", "relation-7"));
      assertThat(bag(out, 1)).isEmpty();
    }

    @Test
    void aCoherentClusterWithS3IsActiveWithTempoEmptyMessage() {
      Outcome out = run(leaderWith(monolith(1), s3Ready()));

      assertThat(out.unitStatus()).isEqualTo(Status.active(""));
      assertThat(published(out, 1).workerConfig()).contains("join_members:");
      assertThat(out.state().openedPorts())
          .containsExactlyInAnyOrder(
              Port.tcp(3200), Port.tcp(3300), Port.tcp(4318), Port.tcp(7946), Port.tcp(9096));
    }

    @Test
    void anUnderScaledClusterIsActiveWithTheShortRolesAndStillConfigured() {
      Outcome out = run(leaderWith(worker(1, "tempo-worker", "all", 1), s3Ready()));

      assertThat(out.unitStatus())
          .isEqualTo(Status.active("[scale] below recommended units: ingester 1/3."));
      assertThat(bag(out, 1)).containsKey("worker_config");
      assertThat(out.jujuLog())
          .contains(
              new LogLine("WARNING", "role ingester has 1 unit(s); 3 recommended: scale up by 2"));
    }
  }

  @Nested
  class Roles {
    /**
     * One application per required role (relations 1 to 5, three ingester units) followed by {@code
     * more}.
     */
    private Relation[] onePerRoleAnd(Relation... more) {
      List<Relation> relations =
          new ArrayList<>(
              List.of(
                  worker(1, "querier", "querier", 1),
                  worker(2, "frontend", "query-frontend", 1),
                  worker(3, "ingester", "ingester", 3),
                  worker(4, "distributor", "distributor", 1),
                  worker(5, "compactor", "compactor", 1)));
      relations.addAll(List.of(more));
      return relations.toArray(Relation[]::new);
    }

    @Test
    void oneApplicationPerRoleIsCoherentWithoutTheOptionalMetricsGenerator() {
      Outcome out = run(leaderWith(onePerRoleAnd(s3Ready())));

      assertThat(out.unitStatus())
          .isEqualTo(Status.active("[scale] below recommended units: metrics-generator 0/1."));
      for (int id = 1; id <= 5; id++) {
        assertThat(bag(out, id)).containsKey("worker_config");
      }
    }

    @Test
    void allExpandsToEveryRoleButItself() {
      Outcome out = run(leaderWith(monolith(1), s3Ready()));

      String config = published(out, 1).workerConfig();
      // Three ingesters (all) give a replicated ring; one querier-frontend pair per unit.
      assertThat(config)
          .contains("replication_factor: 3")
          .contains("frontend_address: localhost:9096");
    }

    @Test
    void workerPortsFollowEachRelationsRawRole() {
      Outcome out = run(leaderWith(onePerRoleAnd(worker(6, "everything", "all", 1), s3Ready())));

      assertThat(bag(out, 1)).containsEntry("worker_ports", "[3200, 7946]");
      assertThat(bag(out, 2)).containsEntry("worker_ports", "[3200, 7946, 9096]");
      assertThat(bag(out, 4)).containsEntry("worker_ports", "[3200, 4318, 7946]");
      assertThat(bag(out, 6)).containsEntry("worker_ports", "[3200, 4318, 7946, 9096]");
      assertThat(published(out, 1).workerConfig()).isEqualTo(published(out, 6).workerConfig());
    }
  }

  @Nested
  class Determinism {
    @Test
    void anyRelationOrderGivesByteIdenticalBagsAndNginxConfig() {
      List<Relation> relations =
          new ArrayList<>(
              List.of(
                  worker(1, "tempo-a", "all", 2),
                  worker(2, "tempo-b", "ingester", 3),
                  worker(3, "tempo-c", "query-frontend", 2),
                  s3Ready()));
      Outcome first = run(Cluster.with(true, relations));
      for (long seed = 1; seed <= 3; seed++) {
        List<Relation> shuffled = new ArrayList<>(relations);
        Collections.shuffle(shuffled, new Random(seed));
        // The units of each relation in reverse order too.
        shuffled.replaceAll(TempoCoordinatorCharmTest::reverseUnits);
        Outcome again = run(Cluster.with(true, shuffled));

        for (int id = 1; id <= 3; id++) {
          assertThat(bag(again, id)).isEqualTo(bag(first, id));
        }
        assertThat(again.state().container("nginx").orElseThrow().files())
            .isEqualTo(first.state().container("nginx").orElseThrow().files());
      }
    }

    @Test
    void aSecondRunWritesNoRelationData() {
      Outcome first = run(leaderWith(monolith(1), s3Ready()));
      Outcome second = run(first.state());

      assertThat(second.callsOf("relation-set")).isEmpty();
    }
  }

  private static Relation reverseUnits(Relation relation) {
    List<Map.Entry<Integer, Map<String, String>>> units =
        new ArrayList<>(relation.remoteUnitsData().entrySet());
    Collections.reverse(units);
    Map<Integer, Map<String, String>> reversed = new java.util.LinkedHashMap<>();
    units.forEach(e -> reversed.put(e.getKey(), e.getValue()));
    return relation.withRemoteUnitsData(reversed);
  }

  @Nested
  class S3 {
    static Stream<Arguments> matrix() {
      return Stream.of(
          Arguments.of(
              Map.of("endpoint", "http://s3:9000"), "endpoint: s3:9000", "insecure: true", false),
          Arguments.of(
              Map.of("endpoint", "https://s3.amazonaws.com:443", "region", "eu-west-1"),
              "endpoint: s3.amazonaws.com",
              "insecure: false",
              false),
          Arguments.of(Map.of("endpoint", "s3:80"), "endpoint: s3\n", "insecure: true", false),
          Arguments.of(
              Map.of(
                  "endpoint",
                  "minio:9000",
                  "tls-ca-chain",
                  "[\"-----BEGIN CERTIFICATE-----\\nA\\n-----END CERTIFICATE-----\","
                      + " \"-----BEGIN CERTIFICATE-----\\nB\\n-----END CERTIFICATE-----\"]"),
              "tls_ca_path: /etc/worker/s3_ca.crt",
              "insecure: false",
              true));
    }

    @ParameterizedTest
    @MethodSource("matrix")
    void theRelationReachesTheWorkersConfig(
        Map<String, String> given, String expectedLine, String insecure, boolean chain) {
      Map<String, String> data = new java.util.HashMap<>(given);
      data.put("bucket", "traces");
      data.put("access-key", "AK");
      data.put("secret-key", "SK");

      Outcome out = run(leaderWith(monolith(1), s3(9, data)));

      assertThat(out.unitStatus()).isEqualTo(Status.active(""));
      CoordinatorAppData sent = published(out, 1);
      assertThat(sent.workerConfig())
          .contains(expectedLine)
          .contains(insecure)
          .contains("bucket: traces")
          .contains("access_key: AK")
          .contains("secret_key: SK");
      if (chain) {
        assertThat(sent.s3TlsCaChain())
            .isEqualTo(
                "-----BEGIN CERTIFICATE-----\nA\n-----END CERTIFICATE-----\n\n"
                    + "-----BEGIN CERTIFICATE-----\nB\n-----END CERTIFICATE-----");
      } else {
        assertThat(bag(out, 1)).doesNotContainKey("s3_tls_ca_chain");
      }
      assertThat(bag(out, 9)).containsEntry("bucket", "relation-9");
    }

    @Test
    void aChainThatIsNotAJsonListIsNotReady() {
      Outcome out =
          run(
              leaderWith(
                  monolith(1),
                  s3(
                      9,
                      Map.of(
                          "endpoint", "s3:9000",
                          "bucket", "b",
                          "access-key", "a",
                          "secret-key", "s",
                          "tls-ca-chain", "-----BEGIN CERTIFICATE-----"))));

      assertThat(out.unitStatus())
          .isEqualTo(Status.blocked("[s3] S3 not ready (probably misconfigured)."));
    }
  }

  @Nested
  class Tls {
    private final Context tlsCtx =
        new Context(fw -> new TempoCoordinatorCharm(fw, () -> Optional.of(TLS)), METADATA)
            .withAppName("tempo");

    @Test
    void theKeyTravelsAsOneSecretGrantedToEachRelationAndNeverInABag() {
      State state = leaderWith(monolith(1), worker(2, "tempo-ingesters", "ingester", 3), s3Ready());

      Outcome out = tlsCtx.run(Event.updateStatus(), state);

      Secret secret =
          out.state()
              .secret("afd8c2bccf834997afce12c2706d2ede-private-key-0-certificates")
              .orElseThrow();
      assertThat(secret.latestContent())
          .containsExactly(Map.entry("private-key", TLS.privateKey()));
      assertThat(secret.grants()).containsOnlyKeys(1, 2);
      for (int id : List.of(1, 2)) {
        CoordinatorAppData sent = published(out, id);
        assertThat(sent.privkeySecretId()).isEqualTo(secret.id());
        assertThat(sent.caCert()).isEqualTo(TLS.caCert());
        assertThat(sent.serverCert()).isEqualTo(TLS.serverCert());
      }
      for (Relation relation : out.state().relations()) {
        assertThat(String.join("\n", relation.localAppData().values()))
            .doesNotContain("TOPSECRETKEY");
        assertThat(String.join("\n", relation.localUnitData().values()))
            .doesNotContain("TOPSECRETKEY");
      }
      assertThat(out.hookToolCalls().stream().map(HookToolCall::toString))
          .noneMatch(call -> call.contains("TOPSECRETKEY"));
      assertThat(out.state().container("nginx").orElseThrow().files())
          .containsEntry("/etc/nginx/certs/server.key", TLS.privateKey());
      assertThat(published(out, 1).workerConfig()).contains("tls_enabled: true");
    }

    @Test
    void theSecretIsCreatedOnceAndANewRelationIsGrantedOnce() {
      Outcome first = tlsCtx.run(Event.updateStatus(), leaderWith(monolith(1), s3Ready()));
      State grown =
          first.state().toBuilder().relation(worker(2, "tempo-more", "ingester", 1)).build();

      Outcome second = tlsCtx.run(Event.updateStatus(), grown);
      Outcome third = tlsCtx.run(Event.updateStatus(), second.state());

      assertThat(first.callsOf("secret-add")).hasSize(1);
      assertThat(second.callsOf("secret-add")).isEmpty();
      assertThat(second.callsOf("secret-grant")).hasSize(1);
      assertThat(third.callsOf("secret-grant")).isEmpty();
      assertThat(third.callsOf("secret-set")).isEmpty();
      assertThat(published(second, 2).privkeySecretId())
          .isEqualTo(published(first, 1).privkeySecretId());
    }
  }

  @Test
  void aNonLeaderRunsNginxButWritesNoApplicationDataAndNoSecret() {
    Outcome out =
        CTX.run(Event.updateStatus(), Cluster.with(false, List.of(monolith(1), s3Ready())));

    assertThat(out.unitStatus()).isEqualTo(Status.active(""));
    assertThat(bag(out, 1)).isEmpty();
    assertThat(bag(out, 90)).isEmpty();
    assertThat(out.callsOf("relation-set")).isEmpty();
    assertThat(out.callsOf("secret-add")).isEmpty();
    assertThat(out.state().container("nginx").orElseThrow().files())
        .containsKey("/etc/nginx/nginx.conf");
  }

  @Test
  void aMalformedWorkerIsSkippedAndNamedWhileTheOthersAreConfigured() {
    Relation broken =
        worker(2, "tempo-broken", "querier", 1)
            .withRemoteUnitsData(
                Map.of(
                    0,
                    Map.of(
                        "juju_topology",
                        unitBag("tempo-broken", 0).get("juju_topology"),
                        "address",
                        "not json")));

    Outcome out = run(leaderWith(monolith(1), broken, s3Ready()));

    assertThat(out.unitStatus())
        .isEqualTo(
            Status.blocked(
                "[consistency] Invalid data from tempo-broken: relation tempo-cluster:2, unit"
                    + " tempo-broken/0, address: is not valid JSON (unexpected text at character"
                    + " 1) (see debug-log)."));
    assertThat(bag(out, 1)).containsKey("worker_config");
    assertThat(bag(out, 2)).isEmpty();
    assertThat(published(out, 1).workerConfig()).doesNotContain("tempo-broken");
  }

  @Nested
  class Nginx {
    private static String nginxConf(Outcome out) {
      return out.state().container("nginx").orElseThrow().files().get("/etc/nginx/nginx.conf");
    }

    private static boolean restarted(Outcome out) {
      return out.jujuLog().stream()
          .anyMatch(line -> line.message().contains("nginx configuration changed"));
    }

    @Test
    void theHostFactsComeFromTheInjectedHostEnvironment() {
      HostEnvironment host =
          new HostEnvironment(
              () -> "tempo-0.tempo-endpoints.cos.svc.cluster.local",
              Map.of(),
              () -> "10.152.183.10",
              () -> true,
              Clock.fixed(Instant.EPOCH, ZoneOffset.UTC),
              d -> {
                throw new AssertionError("the coordinator never sleeps");
              });
      Context injected =
          new Context(fw -> new TempoCoordinatorCharm(fw, TlsSource.NONE, host), METADATA)
              .withAppName("tempo");

      String conf =
          nginxConf(injected.run(Event.updateStatus(), leaderWith(monolith(1), s3Ready())));

      assertThat(conf)
          .contains("resolver 10.152.183.10;")
          .contains("server_name tempo-0.tempo-endpoints.cos.svc.cluster.local;")
          .contains("listen [::]:");
    }

    @Test
    void theConfigIsPushedAndNginxRestartedOnlyWhenItChanges() {
      Outcome first = run(leaderWith(monolith(1), s3Ready()));
      assertThat(nginxConf(first))
          .contains("upstream tempo-http")
          .contains(address("tempo-worker", 2));
      assertThat(first.state().container("nginx").orElseThrow().plan().services())
          .containsKey("nginx");

      // Stopped (by hand, or a start that failed): an unchanged config is not rewritten or
      // restarted, but nginx is started again, as Pebble's autostart does for the Python charm.
      State stopped =
          first.state().toBuilder()
              .container(
                  first
                      .state()
                      .container("nginx")
                      .orElseThrow()
                      .withServiceStatus("nginx", "inactive"))
              .build();
      Outcome unchanged = run(stopped);
      assertThat(restarted(unchanged)).isFalse();
      assertThat(unchanged.state().container("nginx").orElseThrow().serviceStatuses())
          .containsEntry("nginx", "active");

      State grown = stopped.toBuilder().relation(worker(2, "tempo-more", "distributor", 1)).build();
      Outcome changed = run(grown);
      assertThat(restarted(changed)).isTrue();
      assertThat(nginxConf(changed)).contains(address("tempo-more", 0));
      assertThat(changed.state().container("nginx").orElseThrow().serviceStatuses())
          .containsEntry("nginx", "active");
    }

    @Test
    void nothingIsPushedWhileTheContainerIsUnreachable() {
      State state =
          leaderWith(monolith(1), s3Ready()).toBuilder()
              .container(io.charmkit.testing.Container.disconnected("nginx"))
              .build();

      Outcome out = run(state);

      assertThat(out.unitStatus()).isEqualTo(Status.active(""));
      assertThat(bag(out, 1)).containsKey("worker_config");
    }
  }

  @Test
  void pebbleCheckFailedIsNotReconciledButTheStatusIsStillCollected() {
    State state = leaderWith(monolith(1), s3Ready());
    Outcome out =
        CTX.run(Event.pebbleCheckFailed(state.container("nginx").orElseThrow(), "ready"), state);

    assertThat(bag(out, 1)).isEmpty();
    assertThat(out.unitStatus()).isEqualTo(Status.active(""));
  }
}
