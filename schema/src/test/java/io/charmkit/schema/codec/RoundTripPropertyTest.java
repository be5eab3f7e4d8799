package io.charmkit.schema.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.charmkit.schema.cluster.CoordinatorAppData;
import io.charmkit.schema.cluster.RemoteWriteEndpoint;
import io.charmkit.schema.cluster.WorkerUnitData;
import io.charmkit.schema.datasource.Datasource;
import io.charmkit.schema.datasource.DatasourceExchangeData;
import io.charmkit.schema.topology.WorkerTopology;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** decode(encode(x)) = x, and the bytes never depend on the order the input was built in. */
class RoundTripPropertyTest {

  /**
   * Any text a databag value may hold: BMP characters and astral pairs alike, without lone
   * surrogates or NUL (both refused at the boundary).
   */
  private static Arbitrary<String> text() {
    Arbitrary<String> bmp =
        Arbitraries.strings()
            .withCharRange('\u0001', '\ud7ff')
            .withCharRange('\ue000', '\uffff')
            .ofMaxLength(20);
    Arbitrary<String> astral =
        Arbitraries.integers().between(0x10000, 0x10ffff).map(Character::toString);
    return Arbitraries.oneOf(bmp, astral, Arbitraries.of("", "all", "a: b\n", "é\t\"\\/"));
  }

  /** Any text a map key may hold: no control characters either (keys become names). */
  private static Arbitrary<String> keyText() {
    return text().filter(t -> t.chars().noneMatch(c -> c < 0x20 || c == 0x7f));
  }

  private static Arbitrary<Map<String, String>> maps() {
    return Arbitraries.maps(keyText(), text()).ofMaxSize(4).injectNull(0.2);
  }

  @Provide
  Arbitrary<CoordinatorAppData> coordinatorBags() {
    Arbitrary<List<RemoteWriteEndpoint>> remoteWrite =
        text().map(RemoteWriteEndpoint::new).list().ofMaxSize(3).injectNull(0.3);
    Arbitrary<List<Integer>> ports =
        Arbitraries.integers().between(1, 65535).list().ofMaxSize(5).injectNull(0.3);
    Arbitrary<String> optional = text().injectNull(0.4);
    Arbitrary<CoordinatorAppData.Builder> first =
        Combinators.combine(text(), maps(), maps(), maps(), remoteWrite, ports)
            .as(
                (config, loki, charm, workload, rw, p) ->
                    CoordinatorAppData.builder(config)
                        .lokiEndpoints(loki)
                        .charmTracingReceivers(charm)
                        .workloadTracingReceivers(workload)
                        .remoteWriteEndpoints(rw)
                        .workerPorts(p));
    return Combinators.combine(first, optional, optional, optional, optional, maps())
        .as(
            (b, ca, cert, secret, s3, labels) ->
                b.tls(ca, cert, secret).s3TlsCaChain(s3).workerLabels(labels).build());
  }

  @Provide
  Arbitrary<WorkerUnitData> unitBags() {
    return Combinators.combine(text(), text(), text(), text())
        .as(
            (app, unit, charm, address) ->
                new WorkerUnitData(new WorkerTopology(app, unit, charm), address));
  }

  @Provide
  Arbitrary<DatasourceExchangeData> datasourceBags() {
    return Combinators.combine(text(), text(), text())
        .as(Datasource::new)
        .list()
        .ofMaxSize(5)
        .uniqueElements(d -> List.of(d.uid(), d.grafanaUid()))
        .map(DatasourceExchangeData::new);
  }

  @Property
  void coordinatorBagsRoundTrip(@ForAll("coordinatorBags") CoordinatorAppData model) {
    Map<String, String> bag = CoordinatorAppData.CODEC.writeInto(Map.of(), model);
    assertThat(bag.values()).doesNotContain("null", "");
    assertThat(CoordinatorAppData.CODEC.read(bag, "")).isEqualTo(model);
  }

  @Property
  void unitBagsRoundTripAndKeepJujusKeys(@ForAll("unitBags") WorkerUnitData model) {
    Map<String, String> juju =
        Map.of("ingress-address", "10.0.0.1", "egress-subnets", "10.0.0.1/32");
    Map<String, String> bag = WorkerUnitData.CODEC.writeInto(juju, model);
    assertThat(bag).containsAllEntriesOf(juju);
    assertThat(WorkerUnitData.CODEC.read(bag, "")).isEqualTo(model);
  }

  @Property
  void datasourceBagsRoundTrip(@ForAll("datasourceBags") DatasourceExchangeData model) {
    Map<String, String> bag = DatasourceExchangeData.CODEC.write(model);
    assertThat(DatasourceExchangeData.CODEC.read(bag, "")).isEqualTo(model);
  }

  @Property
  void datasourceBytesDoNotDependOnEntryOrder(
      @ForAll("datasourceBags") DatasourceExchangeData model, @ForAll Random random) {
    List<Datasource> shuffled = new ArrayList<>(model.datasources());
    Collections.shuffle(shuffled, random);
    assertThat(DatasourceExchangeData.CODEC.write(new DatasourceExchangeData(shuffled)))
        .isEqualTo(DatasourceExchangeData.CODEC.write(model));
  }

  @Property
  void coordinatorBytesDoNotDependOnMapInsertionOrder(
      @ForAll("coordinatorBags") CoordinatorAppData model, @ForAll Random random) {
    CoordinatorAppData reordered =
        model.toBuilder()
            .lokiEndpoints(shuffled(model.lokiEndpoints(), random))
            .charmTracingReceivers(shuffled(model.charmTracingReceivers(), random))
            .workloadTracingReceivers(shuffled(model.workloadTracingReceivers(), random))
            .workerLabels(shuffled(model.workerLabels(), random))
            .build();
    assertThat(CoordinatorAppData.CODEC.write(reordered))
        .isEqualTo(CoordinatorAppData.CODEC.write(model));
  }

  private static Map<String, String> shuffled(Map<String, String> map, Random random) {
    if (map == null) {
      return null;
    }
    List<Map.Entry<String, String>> entries = new ArrayList<>(map.entrySet());
    Collections.shuffle(entries, random);
    Map<String, String> result = new LinkedHashMap<>();
    entries.forEach(e -> result.put(e.getKey(), e.getValue()));
    return result;
  }
}
