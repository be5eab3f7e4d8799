package io.charmkit.testing.junit;

import io.charmkit.ops.Charm;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Declares, once per test class, the charm under test and where its metadata is; test methods then
 * take a {@link io.charmkit.testing.Context} parameter:
 *
 * <pre>{@code
 * @CharmTest(charm = MyCharm.class, metadata = "/charms/my-charm")
 * class MyCharmTest {
 *   @Test
 *   void becomesActive(Context ctx) {
 *     Outcome out = ctx.run(Event.start(), State.builder().build());
 *     assertThat(out).unitStatus().isEqualTo(Status.active());
 *   }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(CharmTestExtension.class)
public @interface CharmTest {
  /** The charm class; it needs a constructor taking a {@code Framework}. */
  Class<? extends Charm> charm();

  /**
   * A classpath directory holding {@code metadata.yaml} and, when the charm has them, {@code
   * config.yaml} and {@code actions.yaml}, e.g. {@code /charms/my-charm}.
   */
  String metadata();
}
