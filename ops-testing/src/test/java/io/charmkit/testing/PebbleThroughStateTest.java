package io.charmkit.testing;

import static io.charmkit.testing.assertj.CharmAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.charmkit.ops.Charm;
import io.charmkit.ops.framework.Framework;
import io.charmkit.ops.model.Status;
import io.charmkit.ops.pebble.ExecRequest;
import io.charmkit.ops.pebble.Layer;
import io.charmkit.ops.pebble.PebbleApiException;
import io.charmkit.ops.pebble.PebbleClient;
import io.charmkit.ops.pebble.PebbleConnectionException;
import io.charmkit.ops.pebble.PushOptions;
import io.charmkit.ops.pebble.Service;
import io.charmkit.testing.junit.CharmTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A charm driving its workload through Pebble, against the in-memory Pebble of a state. */
@CharmTest(charm = PebbleThroughStateTest.Workload.class, metadata = "/charms/demo")
class PebbleThroughStateTest {
  static final Layer LAYER =
      Layer.of(
          "demo",
          Map.of("demo", Service.builder("/bin/demo --config /etc/demo.yaml").enabled().build()));

  /** Writes its config, adds its layer and replans when the workload is ready. */
  static final class Workload extends Charm {
    Workload(Framework framework) {
      super(framework);
      observe(on().pebbleReady("workload"), e -> reconcile());
      observe(on().configChanged(), e -> reconcile());
      observe(on().upgradeCharm(), e -> addTheSameLayerTwice());
    }

    private void reconcile() {
      var container = model().container("workload");
      if (!container.canConnect()) {
        unit().setStatus(Status.waiting("waiting for Pebble"));
        return;
      }
      PebbleClient pebble = container.pebble();
      String config = "greeting: " + config().string("greeting").orElseThrow() + "\n";
      pebble.push("/etc/demo/demo.yaml", config, PushOptions.defaults().withMakeDirs());
      pebble.addLayer("demo", LAYER, true);
      pebble.replan();
      String running = pebble.services(List.of("demo")).get(0).current();
      unit().setStatus(Status.active("demo " + running));
    }

    private void addTheSameLayerTwice() {
      model().container("workload").pebble().addLayer("demo", LAYER, false);
    }
  }

  @Test
  void pushAddLayerAndReplanShowInTheOutputContainer(Context ctx) {
    Container workload = Container.connected("workload").withExecutables("/bin/demo");

    Outcome out = ctx.run(Event.pebbleReady(workload), State.builder().container(workload).build());

    Container after = out.state().container("workload").orElseThrow();
    assertThat(after.files())
        .containsExactly(Map.entry("/etc/demo/demo.yaml", "greeting: hello\n"));
    assertThat(after.layers()).containsOnlyKeys("demo");
    assertThat(after.plan().services().get("demo").command())
        .isEqualTo("/bin/demo --config /etc/demo.yaml");
    assertThat(after.serviceStatuses()).containsExactly(Map.entry("demo", "active"));
    assertThat(out).unitStatus().isEqualTo(Status.active("demo active"));
  }

  @Test
  void filesInTheInputStateAreThereToReadAndReplace(Context ctx) {
    Container workload =
        Container.connected("workload")
            .withExecutables("/bin/demo")
            .withFile("/etc/demo/demo.yaml", "greeting: old\n");

    Outcome out =
        ctx.run(
            Event.configChanged(),
            State.builder().config("greeting", "new").container(workload).build());

    assertThat(out.state().container("workload").orElseThrow().files())
        .containsEntry("/etc/demo/demo.yaml", "greeting: new\n");
  }

  @Test
  void aContainerThatCannotConnectFailsEveryCall(Context ctx) {
    Outcome out =
        ctx.run(
            Event.configChanged(),
            State.builder().container(Container.disconnected("workload")).build());

    assertThat(out).unitStatus().isEqualTo(Status.waiting("waiting for Pebble"));
    assertThat(out.state().container("workload").orElseThrow().files()).isEmpty();
  }

  @Test
  void callingPebbleWhenItCannotConnectThrowsAConnectionError(Context ctx) {
    State in = State.builder().container(Container.disconnected("workload")).build();

    UncaughtCharmException e =
        catchThrowableOfType(UncaughtCharmException.class, () -> ctx.run(Event.upgradeCharm(), in));

    assertThat(e.getCause())
        .isInstanceOf(PebbleConnectionException.class)
        .hasMessageContaining("container \"workload\" cannot connect");
  }

  @Test
  void addingAnExistingLayerWithoutCombiningIsPebblesError(Context ctx) {
    State in =
        State.builder()
            .container(
                Container.connected("workload")
                    .withExecutables("/bin/demo")
                    .withLayer("demo", LAYER))
            .build();

    UncaughtCharmException e =
        catchThrowableOfType(UncaughtCharmException.class, () -> ctx.run(Event.upgradeCharm(), in));

    assertThat(e.getCause())
        .isInstanceOfSatisfying(
            PebbleApiException.class,
            p -> assertThat(p.apiMessage()).isEqualTo("layer \"demo\" already exists"));
  }

  @Test
  void layersMergeAsPebbleMergesThem() {
    Layer base =
        Layer.of("base", Map.of("demo", Service.builder("/bin/demo").env("A", "1").build()));
    Layer over =
        Layer.of(
            "over",
            Map.of(
                "demo", Service.builder("/bin/demo -v").override("merge").env("B", "2").build()));

    Container c =
        Container.connected("workload")
            .withExecutables("/bin/demo")
            .withLayer("base", base)
            .withLayer("over", over);

    Service merged = c.plan().services().get("demo");
    assertThat(merged.command()).isEqualTo("/bin/demo -v");
    assertThat(merged.environment()).containsExactly(Map.entry("A", "1"), Map.entry("B", "2"));
  }

  @Test
  void execResultsAreScriptedByLongestCommandPrefix() throws Exception {
    Container c =
        Container.connected("workload")
            .withExecutables("/bin/demo")
            .withExec(ExecResult.ok(List.of("demo"), "generic"))
            .withExec(ExecResult.ok(List.of("demo", "--version"), "1.2.3"));
    Path root = Files.createTempDirectory("exec-test");
    try {
      PebbleClient pebble = new MemoryPebble(c, root).client();
      assertThat(pebble.exec(ExecRequest.of("demo", "--version")).stdoutText()).isEqualTo("1.2.3");
      assertThat(pebble.exec(ExecRequest.of("demo", "run")).stdoutText()).isEqualTo("generic");
      assertThatThrownBy(() -> pebble.exec(ExecRequest.of("other")))
          .isInstanceOf(PebbleApiException.class)
          .hasMessageContaining("cannot find executable \"other\"");
    } finally {
      Files.delete(root);
    }
  }
}
