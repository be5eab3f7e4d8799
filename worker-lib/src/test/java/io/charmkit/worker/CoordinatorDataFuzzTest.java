package io.charmkit.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.charmkit.ops.model.Status;
import io.charmkit.schema.cluster.CoordinatorAppData;
import io.charmkit.testing.Container;
import io.charmkit.testing.Context;
import io.charmkit.testing.Event;
import io.charmkit.testing.Outcome;
import io.charmkit.testing.Relation;
import io.charmkit.testing.State;
import io.charmkit.testing.UncaughtCharmException;
import io.charmkit.testing.fuzz.HostileValues;
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
 * Issue 16, generated: every field of the coordinator's bag (both names of the S3 CA), each set to
 * a generated hostile value ({@link HostileValues}) on a worker that settled on good data. For
 * every input the hook commits; when the value is rejected the status names the relation, the
 * application and the field, and the files, layers and services are exactly as before; when it is
 * accepted, the workload still runs unless the value is an explicit empty configuration.
 */
class CoordinatorDataFuzzTest {
  /** Inputs run by this class, reported at the end (README, "Reliability"). */
  static final int TRIES = 1500;

  private static final AtomicInteger RUNS = new AtomicInteger();
  private static final AtomicInteger REJECTED = new AtomicInteger();

  private static final Context CTX =
      new Context(fw -> new TestWorker(fw, TestWorker.environment()), TestWorker.META)
          .withAppName("test-worker");
  private static Outcome settled;

  private static synchronized Outcome settled() {
    if (settled == null) {
      Relation rel =
          Relation.of(TestWorker.ENDPOINT)
              .withRemoteApp("coordinator")
              .withRemoteAppData(WorkerRemoteDataTest.goodBag());
      State state =
          State.builder()
              .leader(true)
              .relation(rel)
              .secret(WorkerRemoteDataTest.KEY)
              .container(
                  Container.connected(TestWorker.CONTAINER)
                      .withExecutables("/bin/workload")
                      .withExec(TestWorker.UPDATE_CA))
              .build();
      settled = CTX.run(Event.relationChanged(rel), state);
      assertThat(settled.unitStatus()).isEqualTo(Status.active("(all roles) ready."));
    }
    return settled;
  }

  @Provide
  Arbitrary<String> fields() {
    List<String> keys = new ArrayList<>(CoordinatorAppData.CODEC.keys());
    keys.add("s3_tls_ca_cert");
    return Arbitraries.of(keys);
  }

  @Property(tries = TRIES, seed = "20261203")
  void anyValueOfAnyFieldCommitsAndKeepsTheWorkloadOrIsApplied(
      @ForAll("fields") String field, @ForAll long seed) {
    String value = HostileValues.of(new Random(seed));
    Outcome good = settled();
    Container before = good.state().container(TestWorker.CONTAINER).orElseThrow();
    Relation rel = good.state().relations(TestWorker.ENDPOINT).get(0);
    Map<String, String> bag = new HashMap<>(rel.remoteAppData());
    if (field.equals("s3_tls_ca_cert")) {
      bag.remove("s3_tls_ca_chain"); // the alias is read only when the main key is absent
    }
    bag.put(field, value);
    Relation bad = rel.withRemoteAppData(bag);

    Outcome out;
    try {
      out = CTX.run(Event.relationChanged(bad), good.state().toBuilder().relation(bad).build());
    } catch (UncaughtCharmException e) {
      fail("the hook failed for " + field + " = " + shorten(value), e);
      return;
    }
    RUNS.incrementAndGet();

    Container after = out.state().container(TestWorker.CONTAINER).orElseThrow();
    String message = out.unitStatus().message();
    assertThat(message.chars().noneMatch(Character::isISOControl))
        .as("status fit for status-set: %s", message)
        .isTrue();
    if (message.startsWith("Invalid coordinator data:")) {
      REJECTED.incrementAndGet();
      assertThat(message)
          .startsWith("Invalid coordinator data: relation cluster:" + rel.id())
          .contains("application coordinator, " + field);
      assertThat(after.files()).isEqualTo(before.files());
      assertThat(after.layers()).isEqualTo(before.layers());
      assertThat(after.serviceStatuses()).isEqualTo(before.serviceStatuses());
    } else if (!(field.equals("worker_config") && isEmptyConfig(value))) {
      // Accepted: applied, and the workload runs on it.
      assertThat(after.serviceStatuses())
          .as("%s = %s", field, shorten(value))
          .containsEntry("workload", "active");
    }
  }

  @AfterContainer
  static void report() {
    System.out.printf(
        "coordinator-data fuzz: %d inputs, %d rejected and named, %d accepted, 0 failed hooks%n",
        RUNS.get(), REJECTED.get(), RUNS.get() - REJECTED.get());
  }

  /** An explicit "no configuration" (null, or a blank string): the worker stops, on purpose. */
  private static boolean isEmptyConfig(String value) {
    return value.equals("null") || value.matches("\"\\s*\"");
  }

  private static String shorten(String value) {
    return value.length() > 200 ? value.substring(0, 200) + "… (" + value.length() + ")" : value;
  }
}
