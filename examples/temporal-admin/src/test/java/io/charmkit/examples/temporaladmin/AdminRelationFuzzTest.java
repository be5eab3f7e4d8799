package io.charmkit.examples.temporaladmin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.charmkit.ops.metadata.CharmMetadata;
import io.charmkit.testing.Container;
import io.charmkit.testing.Context;
import io.charmkit.testing.Event;
import io.charmkit.testing.ExecResult;
import io.charmkit.testing.Outcome;
import io.charmkit.testing.Relation;
import io.charmkit.testing.State;
import io.charmkit.testing.UncaughtCharmException;
import io.charmkit.testing.fuzz.HostileValues;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Issue 16 on the Temporal admin relation, generated: the server's {@code database_connections} is
 * replaced by a hostile value, or one of its connection fields is. For each input the hook commits
 * and the status is one printable line; a rejected value is named.
 */
class AdminRelationFuzzTest {
  /** Inputs run by this class, reported at the end (README, "Reliability"). */
  static final int TRIES = 500;

  private static final List<String> FIELDS = List.of("dbname", "host", "port", "user", "password");
  private static final AtomicInteger RUNS = new AtomicInteger();
  private static final Context CTX =
      new Context(
              TemporalAdminCharm.class, CharmMetadata.load(Path.of(System.getProperty("user.dir"))))
          .withAppName("temporal-admin-k8s");

  @Property(tries = TRIES, seed = "20261203")
  void anyConnectionsValueCommits(
      @ForAll long seed, @ForAll @IntRange(min = -1, max = 4) int field) {
    String hostile = HostileValues.of(new Random(seed));
    String value;
    if (field < 0) {
      value = hostile;
    } else {
      StringBuilder db = new StringBuilder("{\"db\": {");
      for (int i = 0; i < FIELDS.size(); i++) {
        db.append(i == 0 ? "" : ", ").append('"').append(FIELDS.get(i)).append("\": ");
        db.append(i == field ? hostile : "\"x" + i + "\"");
      }
      value = db.append("}, \"visibility\": {\"dbname\": \"v\", \"host\": \"h\"}}").toString();
    }
    Relation admin =
        Relation.of("admin")
            .withRemoteApp("temporal-k8s")
            .withRemoteAppData(Map.of("database_connections", value));
    State state =
        State.builder()
            .leader(true)
            .relation(admin)
            .container(
                Container.connected("temporal-admin")
                    .withExec(ExecResult.ok(List.of("temporal-sql-tool"), "")))
            .build();

    Outcome out;
    try {
      out = CTX.run(Event.relationChanged(admin), state);
    } catch (UncaughtCharmException e) {
      fail("the hook failed for database_connections = " + shorten(value), e);
      return;
    }
    RUNS.incrementAndGet();
    String message = out.unitStatus().message();
    assertThat(message.chars().noneMatch(Character::isISOControl)).as(message).isTrue();
    if (message.contains("invalid database_connections")) {
      assertThat(message).startsWith("admin:temporal relation: invalid database_connections");
    }
  }

  @AfterContainer
  static void report() {
    System.out.printf("admin relation fuzz: %d inputs, 0 failed hooks%n", RUNS.get());
  }

  private static String shorten(String value) {
    return value.length() > 200 ? value.substring(0, 200) + "… (" + value.length() + ")" : value;
  }
}
