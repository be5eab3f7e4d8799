package io.charmkit.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.charmkit.ops.pebble.Check;
import io.charmkit.ops.pebble.Layer;
import io.charmkit.ops.pebble.Plan;
import io.charmkit.ops.pebble.Service;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The in-memory Pebble applies the in-process server's layer rules (PEBBLE.md §6), including the
 * stricter parts it once lacked: the wording for a misspelt override and the plan's defaults.
 */
class LayerPlanTest {

  private static Layer layer(Map<String, Service> services) {
    return Layer.of("test", services);
  }

  @Test
  void anEntryWithoutAnOverrideIsRefusedInPebblesWords() {
    Layer layer = layer(Map.of("web", Service.builder("/bin/web").override(null).build()));

    assertThat(LayerPlan.problem("base", layer))
        .contains("layer \"base\" must define \"override\" for service \"web\"");
  }

  @Test
  void aMisspeltOverrideIsNamedAsInvalidNotAsMissing() {
    Layer layer = layer(Map.of("web", Service.builder("/bin/web").override("merg").build()));

    assertThat(LayerPlan.problem("base", layer))
        .contains("layer \"base\" has invalid \"override\" value for service \"web\"");
  }

  @Test
  void aValidLayerHasNoProblem() {
    assertThat(LayerPlan.problem("base", layer(Map.of("web", Service.builder("/bin/web").build()))))
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

    Plan plan = LayerPlan.plan(layers);

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

    Plan plan = LayerPlan.plan(Map.of("checks", layer));

    assertThat(plan.checks().get("up").threshold()).isEqualTo(3);
    assertThat(plan.checks().get("strict").threshold()).isEqualTo(1);
  }
}
