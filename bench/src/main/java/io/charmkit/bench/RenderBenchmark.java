package io.charmkit.bench;

import io.charmkit.coordinator.cluster.ClusterMembers;
import io.charmkit.examples.tempo.coordinator.TempoConfig;
import java.util.List;
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
 * The Tempo worker configuration rendered for clusters of 10, 100 and 1000 workers. A hook renders
 * it once, in a cold JVM: {@code bin/bench} also runs this class in single-shot mode (one call per
 * fresh fork), which is the figure a hook pays.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RenderBenchmark {
  /** Workers in the cluster. */
  @Param({"10", "100", "1000"})
  public int workers;

  private ClusterMembers members;

  /** Gathers the members once; rendering is what is measured. */
  @Setup
  public void setUp() {
    members = Workers.members(workers);
  }

  /** Renders the {@code worker_config} YAML. */
  @Benchmark
  public String renderTempoConfig() {
    return new TempoConfig(members, Workers.S3, false, 720, List.of()).render();
  }
}
