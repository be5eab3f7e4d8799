package io.charmkit.interfaces.datasource;

import static org.assertj.core.api.Assertions.assertThat;

import io.charmkit.interfaces.support.UnitHarness;
import io.charmkit.ops.Charm;
import io.charmkit.ops.DispatchResult;
import io.charmkit.ops.framework.Framework;
import io.charmkit.schema.datasource.Datasource;
import io.charmkit.schema.datasource.DatasourceExchangeData;
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

  private static UnitHarness unit() {
    return UnitHarness.of(METADATA, "tempo/0")
        .leader(true)
        .relation("send-datasource", 1, "loki", "loki/0")
        .relation("receive-datasource", 2, "mimir", "mimir/0");
  }

  @Test
  void withNothingToShareTheBagStillHoldsAnEmptyList() {
    UnitHarness unit = unit();

    unit.relationHook("changed", 1, null, both(x -> x.publish(List.of())));

    assertThat(unit.localAppData(1)).isEqualTo(Map.of("datasources", "[]"));
    assertThat(unit.localAppData(2)).isEqualTo(Map.of("datasources", "[]"));
    assertThat(DatasourceExchangeData.CODEC.read(unit.localAppData(1), "").datasources()).isEmpty();
  }

  @Test
  void publishesOnlyFullySpecifiedEntriesSortedByUidToEveryRelation() {
    UnitHarness unit = unit();
    List<Datasource> mine = new ArrayList<>();
    mine.add(new Datasource("tempo", "ds-2", "grafana-a"));
    mine.add(new Datasource("tempo", null, "grafana-b"));
    mine.add(new Datasource("tempo", "ds-1", "grafana-a"));
    mine.add(new Datasource("tempo", "ds-3", " "));
    mine.add(new Datasource("tempo", "ds-1", "grafana-a"));

    unit.hook("update-status", both(x -> x.publish(mine)));

    String expected =
        "[{\"type\":\"tempo\",\"uid\":\"ds-1\",\"grafana_uid\":\"grafana-a\"},"
            + "{\"type\":\"tempo\",\"uid\":\"ds-2\",\"grafana_uid\":\"grafana-a\"}]";
    assertThat(unit.localAppData(1)).containsEntry("datasources", expected);
    assertThat(unit.localAppData(2)).containsEntry("datasources", expected);
  }

  @Test
  void aNonLeaderDoesNotPublish() {
    UnitHarness unit = unit().leader(false);

    DispatchResult result =
        unit.hook(
            "update-status", both(x -> x.publish(List.of(new Datasource("tempo", "ds", "g")))));

    assertThat(result.succeeded()).isTrue();
    assertThat(unit.relationSets()).isEmpty();
  }

  @Test
  void receivesFromBothEndpointsSortedAndSkipsInvalidBags() {
    UnitHarness unit =
        unit()
            .remoteAppData(
                1,
                Map.of(
                    "datasources",
                    "[{\"type\":\"loki\",\"uid\":\"b\",\"grafana_uid\":\"g\",\"extra\":1}]"))
            .remoteAppData(
                2,
                Map.of(
                    "datasources",
                    "[{\"type\":\"prometheus\",\"uid\":\"a\",\"grafana_uid\":\"g\"},"
                        + "{\"type\":\"prometheus\",\"uid\":\"c\",\"grafana_uid\":\"g\"}]"))
            .relation("send-datasource", 3, "pyroscope", "pyroscope/0")
            .remoteAppData(
                3, Map.of("datasources", "\"[{\\\"type\\\":\\\"x\\\",\\\"uid\\\":\\\"d\\\"}]\""))
            .relation("receive-datasource", 4, "silent", "silent/0");

    DispatchResult result = unit.hook("update-status", both(x -> x.received()));

    assertThat(result.succeeded()).isTrue();
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
    UnitHarness unit =
        unit()
            .remoteAppData(1, Map.of("datasources", one))
            .remoteAppData(2, Map.of("datasources", one));

    unit.hook("update-status", both(x -> x.received()));

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

  private static String failure(String provider, String requirer) {
    DispatchResult result =
        UnitHarness.of(METADATA, "tempo/0")
            .hook("update-status", fw -> new Exchanger(fw, provider, requirer, x -> {}));
    return result.failure().map(Throwable::getMessage).orElse(null);
  }
}
