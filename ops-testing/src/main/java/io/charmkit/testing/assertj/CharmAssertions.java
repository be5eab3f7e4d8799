package io.charmkit.testing.assertj;

import io.charmkit.testing.Outcome;
import io.charmkit.testing.Relation;

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

  /** Assertions on one relation of a state. */
  public static RelationAssert assertThat(Relation actual) {
    return new RelationAssert(actual);
  }
}
