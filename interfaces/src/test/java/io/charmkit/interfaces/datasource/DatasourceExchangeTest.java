package io.charmkit.interfaces.datasource;

import static io.charmkit.testing.assertj.CharmAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.charmkit.interfaces.support.TestModel;
import io.charmkit.interfaces.support.WireSchemas;
import io.charmkit.ops.Charm;
import io.charmkit.ops.framework.Framework;
import io.charmkit.schema.datasource.Datasource;
import io.charmkit.schema.datasource.DatasourceExchangeData;
import io.charmkit.testing.Event;
import io.charmkit.testing.Outcome;
import io.charmkit.testing.Relation;
import io.charmkit.testing.State;
import io.charmkit.testing.UncaughtCharmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** grafana_datasource_exchange over both endpoints, through whole dispatches. */
class DatasourceExchangeTest {
  static final String METADATA =
      """
      name: tempo-coordinator-k8s
      provides:
        send-datasource:
          interface: grafana_datasource_exchange
        website:
          interface: http
      requires:
        receive-datasource:
          interface: grafana_datasource_exchange
      """;

  private final AtomicReference<DatasourceExchange> seen = new AtomicReference<>();

  /** A charm with both endpoints that runs {@code reconcile} on every hook. */
  static final class Exchanger extends Charm {
    Exchanger(
        Framework framework, String provider, String requirer, Consumer<DatasourceExchange> r) {
      super(framework);
      DatasourceExchange exchange = new DatasourceExchange(this, provider, requirer);
      on().everyHook().forEach(source -> observe(source, e -> r.accept(exchange)));
    }
  }

  private Function<Framework, Exchanger> both(Consumer<DatasourceExchange> reconcile) {
    return fw ->
        new Exchanger(
            fw,
            "send-datasource",
            "receive-datasource",
            x -> {
              seen.set(x);
              reconcile.accept(x);
            });
  }

  private static final Relation SEND = TestModel.relation("send-datasource", 1, "loki", 0);
  private static final Relation RECEIVE = TestModel.relation("receive-datasource", 2, "mimir", 0);

  private static State.Builder state() {
    return TestModel.state().leader(true).relation(SEND).relation(RECEIVE);
  }

  private static Outcome run(Function<Framework, Exchanger> charm, Event event, State state) {
    return TestModel.unit(METADATA, "tempo/0", charm).run(event, state);
  }

  private static Map<String, String> appBag(Outcome out, int id) {
    return out.state().relation(id).orElseThrow().localAppData();
  }

  @Test
  void withNothingToShareTheBagStillHoldsAnEmptyList() {
    Outcome out =
        run(both(x -> x.publish(List.of())), Event.relationChanged(SEND), state().build());

    assertThat(appBag(out, 1)).isEqualTo(Map.of("datasources", "[]"));
    assertThat(appBag(out, 2)).isEqualTo(Map.of("datasources", "[]"));
    assertThat(DatasourceExchangeData.CODEC.read(appBag(out, 1), "").datasources()).isEmpty();
    WireSchemas.assertValid(
        "grafana_datasource_exchange", "provider", appBag(out, 1), Relation.JUJU_UNIT_DATA);
    WireSchemas.assertValid(
        "grafana_datasource_exchange", "requirer", appBag(out, 2), Relation.JUJU_UNIT_DATA);
  }

  @Test
  void publishesOnlyFullySpecifiedEntriesSortedByUidToEveryRelation() {
    List<Datasource> mine = new ArrayList<>();
    mine.add(new Datasource("tempo", "ds-2", "grafana-a"));
    mine.add(new Datasource("tempo", null, "grafana-b"));
    mine.add(new Datasource("tempo", "ds-1", "grafana-a"));
    mine.add(new Datasource("tempo", "ds-3", " "));
    mine.add(new Datasource("tempo", "ds-1", "grafana-a"));

    Outcome out = run(both(x -> x.publish(mine)), Event.updateStatus(), state().build());

    String expected =
        "[{\"type\":\"tempo\",\"uid\":\"ds-1\",\"grafana_uid\":\"grafana-a\"},"
            + "{\"type\":\"tempo\",\"uid\":\"ds-2\",\"grafana_uid\":\"grafana-a\"}]";
    assertThat(appBag(out, 1)).containsEntry("datasources", expected);
    assertThat(appBag(out, 2)).containsEntry("datasources", expected);
    WireSchemas.assertValid(
        "grafana_datasource_exchange", "provider", appBag(out, 1), Relation.JUJU_UNIT_DATA);
  }

  @Test
  void aNonLeaderDoesNotPublish() {
    Outcome out =
        run(
            both(x -> x.publish(List.of(new Datasource("tempo", "ds", "g")))),
            Event.updateStatus(),
            state().leader(false).build());

    assertThat(out).madeNoCall("relation-set");
  }

  @Test
  void receivesFromBothEndpointsSortedAndSkipsInvalidBags() {
    State state =
        state()
            .relation(
                SEND.withRemoteAppData(
                    Map.of(
                        "datasources",
                        "[{\"type\":\"loki\",\"uid\":\"b\",\"grafana_uid\":\"g\",\"extra\":1}]")))
            .relation(
                RECEIVE.withRemoteAppData(
                    Map.of(
                        "datasources",
                        "[{\"type\":\"prometheus\",\"uid\":\"a\",\"grafana_uid\":\"g\"},"
                            + "{\"type\":\"prometheus\",\"uid\":\"c\",\"grafana_uid\":\"g\"}]")))
            .relation(
                TestModel.relation("send-datasource", 3, "pyroscope", 0)
                    .withRemoteAppData(
                        Map.of(
                            "datasources", "\"[{\\\"type\\\":\\\"x\\\",\\\"uid\\\":\\\"d\\\"}]\"")))
            .relation(TestModel.relation("receive-datasource", 4, "silent", 0))
            .build();

    run(both(x -> x.received()), Event.updateStatus(), state);

    assertThat(seen.get().received())
        .containsExactly(
            new Datasource("prometheus", "a", "g"),
            new Datasource("loki", "b", "g"),
            new Datasource("prometheus", "c", "g"));
    assertThat(seen.get().problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.relationId()).isEqualTo(3);
              assertThat(p.message())
                  .startsWith("relation send-datasource:3, application pyroscope, datasources:");
            });
  }

  @Test
  void duplicatesAcrossRelationsAreKept() {
    String one = "[{\"type\":\"loki\",\"uid\":\"a\",\"grafana_uid\":\"g\"}]";
    State state =
        state()
            .relation(SEND.withRemoteAppData(Map.of("datasources", one)))
            .relation(RECEIVE.withRemoteAppData(Map.of("datasources", one)))
            .build();

    run(both(x -> x.received()), Event.updateStatus(), state);

    assertThat(seen.get().received()).hasSize(2);
  }

  @Test
  void endpointsAreCheckedAgainstTheMetadata() {
    assertThat(failure("send-datasource", null)).isNull();
    assertThat(failure(null, null)).contains("needs a provider endpoint, a requirer endpoint");
    assertThat(failure("send-datasources", null))
        .contains("'send-datasources' is not declared in metadata.yaml")
        .contains("under provides with interface grafana_datasource_exchange");
    assertThat(failure("website", null))
        .contains("'website' is declared under provides with interface http");
    assertThat(failure(null, "send-datasource"))
        .contains("'send-datasource' is declared under provides")
        .contains("needs it under requires");
  }

  /** The message the charm fails with, or null when it runs. */
  private static String failure(String provider, String requirer) {
    UncaughtCharmException thrown =
        catchThrowableOfType(
            UncaughtCharmException.class,
            () ->
                run(
                    fw -> new Exchanger(fw, provider, requirer, x -> {}),
                    Event.updateStatus(),
                    TestModel.state().build()));
    return thrown == null ? null : thrown.getCause().getMessage();
  }
}
