package io.charmkit.examples.tempo.coordinator;

import static io.charmkit.examples.tempo.coordinator.Cluster.s3Ready;
import static io.charmkit.examples.tempo.coordinator.Cluster.worker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.charmkit.clustertesting.NginxContainers;
import io.charmkit.ops.metadata.CharmMetadata;
import io.charmkit.testing.Context;
import io.charmkit.testing.Event;
import io.charmkit.testing.Outcome;
import io.charmkit.testing.Relation;
import io.charmkit.testing.State;
import io.charmkit.testing.UncaughtCharmException;
import io.charmkit.testing.fuzz.HostileValues;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Issue 16 on the coordinator, generated: a leader settled with a worker, S3, Grafana
 * (grafana_datasource), a datasource-sharing application (grafana_datasource_exchange), Loki
 * (logging) and Prometheus (remote write); then one key of one remote bag set to a generated
 * hostile value and relation-changed run. For each input: the hook commits, the status can go
 * through {@code status-set} (one printable line), a rejected worker bag is named with its field,
 * and the cluster configuration already published and nginx's configuration are not lost.
 */
class RemoteDataFuzzTest {
  /** Inputs run by this class, reported at the end (README, "Reliability"). */
  static final int TRIES = 1000;

  private static final CharmMetadata METADATA = CharmMetadata.load(Path.of(""));
  private static final Context CTX =
      new Context(TempoCoordinatorCharm::new, METADATA).withAppName("tempo");
  private static final AtomicInteger RUNS = new AtomicInteger();
  private static final AtomicInteger NAMED = new AtomicInteger();
  private static Outcome settled;

  /** One remote bag's key: relation id, unit number (-1 for the application bag), key. */
  record Field(int relation, int unit, String key) {
    @Override
    public String toString() {
      return "relation " + relation + (unit < 0 ? " app" : " unit " + unit) + " " + key;
    }
  }

  private static synchronized Outcome settled() {
    if (settled == null) {
      State state =
          State.builder()
              .leader(true)
              .container(NginxContainers.NGINX)
              .container(NginxContainers.EXPORTER)
              .relation(worker(1, "tempo-worker", "all", 2))
              .relation(s3Ready())
              .relation(
                  Relation.of("grafana-source")
                      .withId(20)
                      .withRemoteApp("grafana")
                      .withRemoteAppData(
                          Map.of(
                              "grafana_uid", "g1",
                              "datasource_uids", "{\"tempo/0\": \"ds-a\"}",
                              "grafana_base_url", "http://grafana:3000")))
              .relation(
                  Relation.of("receive-datasource")
                      .withId(31)
                      .withRemoteApp("prometheus")
                      .withRemoteAppData(
                          Map.of(
                              "datasources",
                              "[{\"type\":\"prometheus\",\"uid\":\"prom-0\",\"grafana_uid\":\"g1\"}]")))
              .relation(
                  Relation.of("send-remote-write")
                      .withId(40)
                      .withRemoteApp("prometheus")
                      .withRemoteUnit(
                          0,
                          Map.of("remote_write", "{\"url\": \"http://prom:9090/api/v1/write\"}")))
              .relation(
                  Relation.of("logging")
                      .withId(60)
                      .withRemoteApp("loki")
                      .withRemoteUnit(
                          0,
                          Map.of("endpoint", "{\"url\": \"http://loki:3100/loki/api/v1/push\"}")))
              .build();
      settled = CTX.run(Event.updateStatus(), state);
      assertThat(settled.state().relation(1).orElseThrow().localAppData())
          .containsKey("worker_config");
    }
    return settled;
  }

  @Provide
  Arbitrary<Field> fields() {
    List<Field> fields = new ArrayList<>();
    for (Relation relation : settled().state().relations()) {
      relation.remoteAppData().keySet().forEach(k -> fields.add(new Field(relation.id(), -1, k)));
      relation
          .remoteUnitsData()
          .forEach(
              (unit, bag) ->
                  bag.keySet().forEach(k -> fields.add(new Field(relation.id(), unit, k))));
    }
    // Keys a provider may add that the settled bags do not hold.
    fields.add(new Field(90, -1, "tls-ca-chain"));
    fields.add(new Field(90, -1, "region"));
    fields.add(new Field(90, -1, "s3-uri-style"));
    return Arbitraries.of(fields);
  }

  @Property(tries = TRIES, seed = "20261203")
  void anyValueOfAnyRemoteKeyCommitsAndLosesNothing(
      @ForAll("fields") Field field, @ForAll long seed) {
    String value = HostileValues.of(new Random(seed));
    Outcome good = settled();
    Relation relation = good.state().relation(field.relation()).orElseThrow();
    Relation bad;
    if (field.unit() < 0) {
      Map<String, String> bag = new HashMap<>(relation.remoteAppData());
      bag.put(field.key(), value);
      bad = relation.withRemoteAppData(bag);
    } else {
      Map<String, String> bag = new HashMap<>(relation.remoteUnitsData().get(field.unit()));
      bag.put(field.key(), value);
      bad = relation.withRemoteUnit(field.unit(), bag);
    }

    Outcome out;
    try {
      out = CTX.run(Event.relationChanged(bad), good.state().toBuilder().relation(bad).build());
    } catch (UncaughtCharmException e) {
      fail("the hook failed for " + field + " = " + shorten(value), e);
      return;
    }
    RUNS.incrementAndGet();

    String message = out.unitStatus().message();
    assertThat(message.chars().noneMatch(Character::isISOControl)).as(message).isTrue();
    if (message.startsWith("[consistency] Invalid data from")) {
      NAMED.incrementAndGet();
      assertThat(message).as("%s", field).contains(field.key());
    }
    assertThat(out.state().relation(1).orElseThrow().localAppData())
        .as("%s = %s", field, shorten(value))
        .containsKey("worker_config");
    assertThat(out.state().container("nginx").orElseThrow().files())
        .containsKey("/etc/nginx/nginx.conf");
  }

  @AfterContainer
  static void report() {
    System.out.printf(
        "coordinator remote-data fuzz: %d inputs, %d named a rejected worker field, 0 failed"
            + " hooks%n",
        RUNS.get(), NAMED.get());
  }

  private static String shorten(String value) {
    return value.length() > 200 ? value.substring(0, 200) + "… (" + value.length() + ")" : value;
  }
}
