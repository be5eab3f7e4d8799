package io.charmkit.testing.junit;

import io.charmkit.ops.Charm;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Declares, once per test class, the charm under test; test methods then take a {@link
 * io.charmkit.testing.Context} parameter built from the charm's own metadata:
 *
 * <pre>{@code
 * @CharmTest(charm = MyCharm.class)
 * class MyCharmTest {
 *   @Test
 *   void becomesActive(Context ctx) {
 *     Outcome out = ctx.run(Event.start(), State.builder().build());
 *     assertThat(out).unitStatus().isEqualTo(Status.active());
 *   }
 * }
 * }</pre>
 *
 * <p>By default the metadata is the module's own: {@code metadata.yaml} (with {@code config.yaml}
 * and {@code actions.yaml} beside it) or {@code charmcraft.yaml} in the working directory, which is
 * the module directory when Maven's surefire runs the tests; failing that, the same files at the
 * root of the test class path. Each candidate is tried in that order and the error names them all.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(CharmTestExtension.class)
public @interface CharmTest {
  /** The charm class; it needs a constructor taking a {@code Framework}. */
  Class<? extends Charm> charm();

  /**
   * A class path directory holding {@code metadata.yaml} (and, when the charm has them, {@code
   * config.yaml} and {@code actions.yaml}) or {@code charmcraft.yaml}, e.g. {@code
   * /charms/my-charm}; empty (the default) for the module's own metadata.
   */
  String metadata() default "";
}
