package io.charmkit.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.charmkit.ops.pebble.Check;
import io.charmkit.ops.pebble.Layer;
import io.charmkit.ops.pebble.PebbleApiException;
import io.charmkit.ops.pebble.PebbleClient;
import io.charmkit.ops.pebble.Plan;
import io.charmkit.ops.pebble.Service;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Typed layers (the in-memory client's and {@link Container#plan()}) go through the one engine's
 * layer rules (PEBBLE.md §6): the wording for a misspelt override and the plan's defaults.
 */
class LayerPlanTest {

  @TempDir Path root;

  private static Layer layer(Map<String, Service> services) {
    return Layer.of("test", services);
  }

  /** What the in-memory client's add-layer refuses the layer with (the engine's rule), if any. */
  private Optional<String> problem(String label, Layer layer) {
    PebbleClient pebble = new MemoryPebble(Container.connected("c"), root).client();
    try {
      pebble.addLayer(label, layer, false);
      return Optional.empty();
    } catch (PebbleApiException e) {
      assertThat(e.statusCode()).isEqualTo(400);
      return Optional.of(e.apiMessage());
    }
  }

  private static Plan plan(Map<String, Layer> layers) {
    Container container = Container.connected("c");
    for (Map.Entry<String, Layer> layer : layers.entrySet()) {
      container = container.withLayer(layer.getKey(), layer.getValue());
    }
    return container.plan();
  }

  @Test
  void anEntryWithoutAnOverrideIsRefusedInPebblesWords() {
    Layer layer = layer(Map.of("web", Service.builder("/bin/web").override(null).build()));

    assertThat(problem("base", layer))
        .contains("layer \"base\" must define \"override\" for service \"web\"");
  }

  @Test
  void aMisspeltOverrideIsNamedAsInvalidNotAsMissing() {
    Layer layer = layer(Map.of("web", Service.builder("/bin/web").override("merg").build()));

    assertThat(problem("base", layer))
        .contains("layer \"base\" has invalid \"override\" value for service \"web\"");
  }

  @Test
  void aValidLayerHasNoProblem() {
    assertThat(problem("base", layer(Map.of("web", Service.builder("/bin/web").build()))))
        .isEmpty();
  }

  @Test
  void mergeAppendsListsAndMergesMapsWhileReplaceSwapsTheEntry() {
    Map<String, Layer> layers = new LinkedHashMap<>();
    layers.put(
        "base",
        layer(
            Map.of(
                "web",
                Service.builder("/bin/web").env("A", "1").after(List.of("db")).build(),
                "job",
                Service.builder("/bin/job").env("B", "2").build())));
    layers.put(
        "over",
        layer(
            Map.of(
                "web",
                Service.builder("/bin/web --fast")
                    .override("merge")
                    .env("C", "3")
                    .after(List.of("cache"))
                    .build(),
                "job",
                Service.builder("/bin/job2").override("replace").build())));

    Plan plan = plan(layers);

    Service web = plan.services().get("web");
    assertThat(web.command()).isEqualTo("/bin/web --fast");
    assertThat(web.environment()).containsExactlyInAnyOrderEntriesOf(Map.of("A", "1", "C", "3"));
    assertThat(web.after()).containsExactly("db", "cache");
    assertThat(plan.services().get("job").environment()).isNullOrEmpty();
  }

  @Test
  void thePlanFillsInPebblesCheckThresholdAsTheServerDoes() {
    Layer layer =
        Layer.of("checks", Map.of())
            .withChecks(
                Map.of(
                    "up",
                    Check.tcp("alive", 8080),
                    "strict",
                    Check.tcp("ready", 9090).withThreshold(1)));

    Plan plan = plan(Map.of("checks", layer));

    assertThat(plan.checks().get("up").threshold()).isEqualTo(3);
    assertThat(plan.checks().get("strict").threshold()).isEqualTo(1);
  }
}
