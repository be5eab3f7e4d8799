package io.charmkit.testing.assertj;

import io.charmkit.testing.ActionOutput;
import io.charmkit.testing.Outcome;
import io.charmkit.testing.Relation;
import io.charmkit.testing.juju.ActionResult;

/**
 * Entry point of the AssertJ assertions for state-transition tests:
 *
 * <pre>{@code
 * assertThat(out).unitStatus().isEqualTo(Status.active("ready"));
 * assertThat(out).relation(db.id()).localAppData().containsEntry("url", "http://…");
 * assertThat(out).madeNoCall("relation-set");
 * }</pre>
 */
public final class CharmAssertions {
  private CharmAssertions() {}

  /** Assertions on what a run produced. */
  public static OutcomeAssert assertThat(Outcome actual) {
    return new OutcomeAssert(actual);
  }

  /** Assertions on an action's report from {@code Outcome.action()}. */
  public static ActionAssert assertThat(ActionOutput actual) {
    return new ActionAssert(actual);
  }

  /** Assertions on an action the embedded Juju ran ({@code EmbeddedJuju.runAction}). */
  public static ActionAssert assertThat(ActionResult actual) {
    return new ActionAssert(actual.output());
  }

  /** Assertions on one relation of a state. */
  public static RelationAssert assertThat(Relation actual) {
    return new RelationAssert(actual);
  }
}
