package io.charmkit.bench;

import io.charmkit.examples.tempo.coordinator.TempoConfig;
import io.charmkit.schema.cluster.CoordinatorAppData;
import io.charmkit.schema.cluster.WorkerUnitData;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cluster databags through their codecs: the coordinator's application bag (whose {@code
 * worker_config} grows with the cluster) and one worker unit's bag, each written and read.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CodecBenchmark {
  /** Workers in the cluster whose config the coordinator bag carries. */
  @Param({"30"})
  public int workers;

  private CoordinatorAppData coordinator;
  private Map<String, String> coordinatorBag;
  private WorkerUnitData unit;
  private Map<String, String> unitBag;

  /** Builds the models and their encoded bags once. */
  @Setup
  public void setUp() {
    String config =
        new TempoConfig(Workers.members(workers), Workers.S3, false, 720, List.of()).render();
    coordinator =
        CoordinatorAppData.builder(config)
            .lokiEndpoints(new TreeMap<>(Map.of("loki/0", "http://loki-0:3100/loki/api/v1/push")))
            .charmTracingReceivers(new TreeMap<>())
            .workloadTracingReceivers(new TreeMap<>())
            .workerLabels(new TreeMap<>(Map.of("app.kubernetes.io/part-of", "tempo")))
            .workerPorts(List.of(3200, 4317, 4318, 7946, 9095))
            .build();
    // As Juju stores it: write() marks absent fields "" (delete), writeInto() applies that.
    coordinatorBag = CoordinatorAppData.CODEC.writeInto(Map.of(), coordinator);
    CoordinatorAppData.CODEC.read(coordinatorBag, "");
    unitBag = Workers.unitBag("worker-a", 7);
    unit = WorkerUnitData.CODEC.read(unitBag, "");
  }

  /** Encodes the coordinator's application bag. */
  @Benchmark
  public Map<String, String> encodeCoordinatorAppData() {
    return CoordinatorAppData.CODEC.write(coordinator);
  }

  /** Decodes and validates the coordinator's application bag (what every worker does). */
  @Benchmark
  public CoordinatorAppData decodeCoordinatorAppData() {
    return CoordinatorAppData.CODEC.read(coordinatorBag, "");
  }

  /** Encodes one worker unit's bag. */
  @Benchmark
  public Map<String, String> encodeWorkerUnitData() {
    return WorkerUnitData.CODEC.write(unit);
  }

  /** Decodes and validates one worker unit's bag (the coordinator does it once per unit). */
  @Benchmark
  public WorkerUnitData decodeWorkerUnitData() {
    return WorkerUnitData.CODEC.read(unitBag, "");
  }
}
