package io.charmkit.testing.assertj;

import io.charmkit.testing.ActionOutput;
import org.assertj.core.api.AbstractObjectAssert;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.ListAssert;
import org.assertj.core.api.MapAssert;

/**
 * Assertions on what an action reported: results, log lines, failure. Start with {@link
 * OutcomeAssert#action()} or {@link
 * CharmAssertions#assertThat(io.charmkit.testing.juju.ActionResult)}.
 */
public final class ActionAssert extends AbstractObjectAssert<ActionAssert, ActionOutput> {

  ActionAssert(ActionOutput actual) {
    super(actual, ActionAssert.class);
  }

  /** Asserts that the action did not fail. */
  public ActionAssert succeeded() {
    isNotNull();
    if (actual.failed()) {
      throw failure("expected the action to succeed, but it failed: %s", actual.failure().get());
    }
    return this;
  }

  /** Asserts that the action failed with exactly {@code message}. */
  public ActionAssert failedWith(String message) {
    isNotNull();
    if (!actual.failed()) {
      throw failure(
          "expected the action to fail with \"%s\", but it succeeded with results %s",
          message, actual.results());
    }
    if (!actual.failure().get().equals(message)) {
      throw failure(
          "expected the action to fail with%n  %s%nbut it failed with%n  %s",
          message, actual.failure().get());
    }
    return this;
  }

  /** Asserts one result, by its dotted key ({@code backup.path} for a nested result). */
  public ActionAssert hasResult(String key, String value) {
    results().containsEntry(key, value);
    return this;
  }

  /** The results by dotted key. */
  public MapAssert<String, String> results() {
    isNotNull();
    return Assertions.assertThat(actual.results()).as("action results");
  }

  /** The {@code action-log} lines, in order. */
  public ListAssert<String> logs() {
    isNotNull();
    return Assertions.assertThat(actual.logs()).as("action log");
  }
}
