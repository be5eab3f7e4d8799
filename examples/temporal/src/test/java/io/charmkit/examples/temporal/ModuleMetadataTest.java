package io.charmkit.examples.temporal;

import static io.charmkit.testing.assertj.CharmAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.charmkit.testing.Context;
import io.charmkit.testing.Event;
import io.charmkit.testing.Outcome;
import io.charmkit.testing.State;
import io.charmkit.testing.junit.CharmTest;
import org.junit.jupiter.api.Test;

/**
 * A plain {@code @CharmTest} reads this module's own {@code metadata.yaml}, {@code config.yaml} and
 * {@code actions.yaml}: surefire runs the tests in the module directory.
 */
@CharmTest(charm = TemporalCharm.class)
class ModuleMetadataTest {
  @Test
  void charmTestReadsTheModulesOwnMetadata(Context ctx) {
    assertThat(ctx.metadata().name()).isEqualTo("temporal-k8s");
    assertThat(ctx.metadata().actions()).containsOnlyKeys("restart");
    assertThat(ctx.metadata().options()).containsKey("services");
  }

  @Test
  void restartWithoutAReachableContainerFailsWithItsReason(Context ctx) {
    Outcome out = ctx.run(Event.action("restart"), State.builder().build());

    assertThat(out).action().failedWith("the temporal container is not reachable");
  }
}
