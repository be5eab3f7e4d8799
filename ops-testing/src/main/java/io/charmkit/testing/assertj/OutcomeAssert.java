package io.charmkit.testing.assertj;

import io.charmkit.ops.hooktools.Port;
import io.charmkit.ops.model.Status;
import io.charmkit.ops.state.Notice;
import io.charmkit.testing.Container;
import io.charmkit.testing.HookToolCall;
import io.charmkit.testing.LogLine;
import io.charmkit.testing.Outcome;
import io.charmkit.testing.Relation;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.AbstractObjectAssert;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.ListAssert;
import org.assertj.core.api.ObjectAssert;

/** Assertions on an {@link Outcome}; start with {@link CharmAssertions#assertThat(Outcome)}. */
public final class OutcomeAssert extends AbstractObjectAssert<OutcomeAssert, Outcome> {

  OutcomeAssert(Outcome actual) {
    super(actual, OutcomeAssert.class);
  }

  /** The unit status after the run. */
  public ObjectAssert<Status> unitStatus() {
    isNotNull();
    return Assertions.assertThat(actual.unitStatus()).as("unit status");
  }

  /** The application status after the run. */
  public ObjectAssert<Status> appStatus() {
    isNotNull();
    return Assertions.assertThat(actual.appStatus()).as("application status");
  }

  /** The relation with {@code id} in the output state; fails when it is gone. */
  public RelationAssert relation(int id) {
    isNotNull();
    Relation relation =
        actual
            .state()
            .relation(id)
            .orElseThrow(
                () -> failure("expected relation %d in the output state, but it is not there", id));
    return new RelationAssert(relation);
  }

  /** The paths of the emitted events, e.g. {@code Demo/on/config_changed}. */
  public ListAssert<String> emittedEvents() {
    isNotNull();
    return Assertions.assertThat(actual.emittedEvents()).as("emitted events");
  }

  /** The calls of {@code tool}, each as its argv joined with spaces. */
  public ListAssert<String> calls(String tool) {
    isNotNull();
    return Assertions.assertThat(actual.callsOf(tool).stream().map(HookToolCall::toString).toList())
        .as("%s calls", tool);
  }

  /** Asserts that {@code tool} was never called. */
  public OutcomeAssert madeNoCall(String tool) {
    calls(tool).isEmpty();
    return this;
  }

  /** The messages logged through {@code juju-log}. */
  public ListAssert<String> logged() {
    isNotNull();
    return Assertions.assertThat(actual.jujuLog().stream().map(LogLine::message).toList())
        .as("juju-log messages");
  }

  /** The container {@code name} in the output state; fails when the state has none. */
  public ContainerAssert container(String name) {
    isNotNull();
    Container container =
        actual
            .state()
            .container(name)
            .orElseThrow(
                () ->
                    failure(
                        "expected container %s in the output state, but it is not there", name));
    return new ContainerAssert(container, actual.filePermissions().getOrDefault(name, Map.of()));
  }

  /** What the action reported (results, logs, failure). */
  public ActionAssert action() {
    isNotNull();
    return new ActionAssert(actual.action());
  }

  /** The ports this unit has open after the run, e.g. {@code Port.tcp(8080)}. */
  public ListAssert<Port> openedPorts() {
    isNotNull();
    return Assertions.assertThat(List.copyOf(actual.state().openedPorts())).as("opened ports");
  }

  /** The events left deferred in the output state. */
  public ListAssert<Notice> deferred() {
    isNotNull();
    return Assertions.assertThat(actual.state().deferred()).as("deferred events");
  }
}
