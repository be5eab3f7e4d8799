package io.charmkit.interfaces.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.charmkit.interfaces.RemoteDataProblem;
import io.charmkit.schema.cluster.CoordinatorAppData;
import io.charmkit.schema.cluster.WorkerAppData;
import io.charmkit.schema.cluster.WorkerUnitData;
import io.charmkit.schema.codec.DatabagCodec;
import io.charmkit.schema.datasource.Datasource;
import io.charmkit.schema.datasource.DatasourceExchangeData;
import io.charmkit.schema.topology.WorkerTopology;
import io.charmkit.schema.validation.DatabagValidationException;
import io.charmkit.schema.validation.Problem;
import io.charmkit.testing.fuzz.HostileValues;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Issue 16 at the boundary, generated: every key of every typed bag the examples read (both sides
 * of the cluster interfaces, grafana_datasource_exchange), starting from a valid bag, set to a
 * generated hostile value. For each input the codec either returns a model that writes back without
 * error, or throws {@link DatabagValidationException} whose every problem is about that key, and
 * whose status summary is one printable line. Nothing else may escape.
 */
class CodecFuzzTest {
  /** Inputs run by this class, reported at the end (README, "Reliability"). */
  static final int TRIES = 8000;

  private static final AtomicInteger RUNS = new AtomicInteger();
  private static final AtomicInteger REJECTED = new AtomicInteger();

  /** One typed bag: its codec and a valid bag to start from. */
  record Bag(String name, DatabagCodec<?> codec, Map<String, String> valid, List<String> keys) {}

  private static final List<Bag> BAGS = bags();

  private static List<Bag> bags() {
    List<Bag> bags = new ArrayList<>();
    CoordinatorAppData coordinator =
        CoordinatorAppData.builder("server:\n  http_listen_port: 3200\n")
            .tls("CA", "SERVER", "secret:cccccccccccccccccccc")
            .s3TlsCaChain("S3 CHAIN")
            .lokiEndpoints(Map.of("loki/0", "http://loki:3100"))
            .charmTracingReceivers(Map.of("otlp_http", "http://tempo:4318"))
            .workloadTracingReceivers(Map.of("otlp_http", "http://tempo:4318"))
            .workerLabels(Map.of("app", "tempo"))
            .workerPorts(List.of(3200, 7946))
            .build();
    List<String> coordinatorKeys = new ArrayList<>(CoordinatorAppData.CODEC.keys());
    coordinatorKeys.add("s3_tls_ca_cert");
    bags.add(
        new Bag(
            "coordinator app",
            CoordinatorAppData.CODEC,
            written(CoordinatorAppData.CODEC.write(coordinator)),
            coordinatorKeys));
    bags.add(
        new Bag(
            "worker app",
            WorkerAppData.CODEC,
            written(WorkerAppData.CODEC.write(WorkerAppData.of(List.of("all")))),
            WorkerAppData.CODEC.keys()));
    bags.add(
        new Bag(
            "worker unit",
            WorkerUnitData.CODEC,
            written(
                WorkerUnitData.CODEC.write(
                    new WorkerUnitData(
                        new WorkerTopology("tempo-worker", "tempo-worker/0", "tempo-worker-k8s"),
                        "tempo-worker-0.tempo-worker-endpoints.cos.svc.cluster.local"))),
            WorkerUnitData.CODEC.keys()));
    bags.add(
        new Bag(
            "datasource exchange",
            DatasourceExchangeData.CODEC,
            written(
                DatasourceExchangeData.CODEC.write(
                    new DatasourceExchangeData(
                        List.of(new Datasource("tempo", "ds-1", "grafana-1"))))),
            DatasourceExchangeData.CODEC.keys()));
    return List.copyOf(bags);
  }

  private static Map<String, String> written(Map<String, String> changes) {
    Map<String, String> bag = new HashMap<>(changes);
    bag.values().removeIf(String::isEmpty);
    return bag;
  }

  /** A bag, one of its keys, and a seed for the hostile value. */
  record Input(Bag bag, String key, long seed) {
    @Override
    public String toString() {
      return bag.name() + " / " + key + " / seed " + seed;
    }
  }

  @Provide
  Arbitrary<Input> inputs() {
    Arbitrary<Bag> bag = Arbitraries.of(BAGS);
    return bag.flatMap(
        b ->
            Combinators.combine(Arbitraries.of(b.keys()), Arbitraries.longs())
                .as((key, seed) -> new Input(b, key, seed)));
  }

  @Property(tries = TRIES, seed = "20261203")
  void anyValueOfAnyKeyIsReadOrRejectedNamingTheKey(@ForAll("inputs") Input input) {
    String value = HostileValues.of(new Random(input.seed()));
    Map<String, String> bag = new HashMap<>(input.bag().valid());
    if (input.key().equals("s3_tls_ca_cert")) {
      bag.remove("s3_tls_ca_chain");
    }
    bag.put(input.key(), value);
    RUNS.incrementAndGet();
    Object model;
    try {
      model = input.bag().codec().read(bag, "relation x:1, application remote");
    } catch (DatabagValidationException e) {
      REJECTED.incrementAndGet();
      for (Problem problem : e.problems()) {
        assertThat(problem.path()).as("%s", input).startsWith(input.key());
      }
      String summary = new RemoteDataProblem("x", 1, "remote", true, e.problems()).summary();
      assertThat(summary.chars().noneMatch(Character::isISOControl)).as(summary).isTrue();
      assertThat(summary).contains(input.key()).hasSizeLessThanOrEqualTo(301);
      return;
    } catch (RuntimeException e) {
      fail(input + " = " + shorten(value) + " escaped as " + e, e);
      return;
    }
    writeBack(input.bag().codec(), model);
  }

  @SuppressWarnings("unchecked")
  private static <T extends Record> void writeBack(DatabagCodec<T> codec, Object model) {
    // What a reader accepted, a charm may echo: it must write back.
    codec.write((T) model);
  }

  @AfterContainer
  static void report() {
    System.out.printf(
        "codec fuzz: %d inputs, %d rejected naming the key, %d accepted, 0 escaped%n",
        RUNS.get(), REJECTED.get(), RUNS.get() - REJECTED.get());
  }

  private static String shorten(String value) {
    return value.length() > 200 ? value.substring(0, 200) + "… (" + value.length() + ")" : value;
  }
}
