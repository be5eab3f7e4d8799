package io.charmkit.bench;

import io.charmkit.coordinator.cluster.ClusterConsistency;
import io.charmkit.interfaces.cluster.ClusterProvider;
import io.charmkit.interfaces.cluster.ClusterView;
import io.charmkit.interfaces.cluster.RolesTable;
import io.charmkit.ops.Charm;
import io.charmkit.ops.framework.Framework;
import io.charmkit.ops.metadata.CharmMetadata;
import io.charmkit.testing.Context;
import io.charmkit.testing.Event;
import io.charmkit.testing.Outcome;
import io.charmkit.testing.Relation;
import io.charmkit.testing.State;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The coordinator reading its cluster: {@link ClusterProvider#gather()} (every worker bag decoded
 * and validated, roles expanded) plus {@link ClusterConsistency#evaluate}, for 1000 units, driven
 * through {@code ops-testing}'s {@link Context} so that the model, relations and databags are the
 * production ones over an in-memory backend.
 *
 * <p>{@code contextOnly} runs the same dispatch with a charm that reads nothing: the cost of the
 * harness and the dispatch itself. Gather plus consistency is the difference of the two.
 */
@org.openjdk.jmh.annotations.State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class GatherBenchmark {
  static final String ENDPOINT = "tempo-cluster";
  private static final CharmMetadata METADATA =
      CharmMetadata.parse(
          "name: bench-coordinator\nprovides:\n  " + ENDPOINT + ":\n    interface: tempo_cluster\n",
          "",
          "");

  /** Where the gathering charm leaves its result, so that nothing is optimised away. */
  static volatile ClusterConsistency last;

  /** Worker units in the cluster. */
  @Param({"1000"})
  public int units;

  private State state;
  private Event event;
  private final Context gathering = new Context(Gathering::new, METADATA);
  private final Context idle = new Context(Idle::new, METADATA);

  /** A coordinator that gathers its cluster and judges it on relation-changed. */
  static final class Gathering extends Charm {
    Gathering(Framework framework) {
      super(framework);
      ClusterProvider cluster = new ClusterProvider(this, ENDPOINT, RolesTable.TEMPO);
      observe(
          on().relationChanged(ENDPOINT),
          e -> {
            ClusterView view = cluster.gather();
            last = ClusterConsistency.evaluate(RolesTable.TEMPO, view.roles());
          });
    }
  }

  /** The same charm without the reading: what the harness costs. */
  static final class Idle extends Charm {
    Idle(Framework framework) {
      super(framework);
      observe(on().relationChanged(ENDPOINT), e -> last = null);
    }
  }

  /** Builds the state: the units spread over the worker applications, one relation each. */
  @Setup
  public void setUp() {
    List<Relation> relations = new ArrayList<>();
    int id = 1;
    for (Map.Entry<String, Integer> app : Workers.unitsPerApp(units).entrySet()) {
      relations.add(Workers.WORKERS.relation(id++, app.getKey(), "all", app.getValue()));
    }
    State.Builder builder = State.builder().leader(true);
    relations.forEach(builder::relation);
    state = builder.build();
    event = Event.relationChanged(relations.get(0), 0);
    gathering.run(event, state);
    if (last == null || !last.coherent()) {
      throw new IllegalStateException("the benchmark cluster is not coherent: " + last);
    }
  }

  /** One dispatch that gathers {@code units} workers and evaluates consistency. */
  @Benchmark
  public Outcome gatherAndConsistency() {
    return gathering.run(event, state);
  }

  /** The same dispatch with nothing read: subtract it from {@link #gatherAndConsistency()}. */
  @Benchmark
  public Outcome contextOnly() {
    return idle.run(event, state);
  }
}
