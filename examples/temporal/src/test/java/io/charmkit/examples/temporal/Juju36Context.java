package io.charmkit.examples.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import io.charmkit.ops.hooktools.JujuToolSet;
import io.charmkit.testing.Context;
import io.charmkit.testing.Event;
import io.charmkit.testing.HookToolCall;
import io.charmkit.testing.Outcome;
import io.charmkit.testing.State;

/**
 * A test context on a Juju 3.6 agent whose every run fails when the charm called a hook tool that
 * Juju 3.6 does not have (JUJU.md §7.1; {@code leader-get} and {@code leader-set} above all), so
 * each state-transition test of the charm also checks the tools it drove.
 *
 * @param context the context that runs the charm, told {@link #JUJU_VERSION}
 */
record Juju36Context(Context context) {
  /** The agent version every Temporal test runs under. */
  static final String JUJU_VERSION = "3.6.14";

  /** The tools that agent provides. */
  static final JujuToolSet TOOLS = JujuToolSet.forVersion(JUJU_VERSION);

  /** Wraps {@code context}, telling it {@link #JUJU_VERSION}. */
  static Juju36Context of(Context context) {
    return new Juju36Context(context.withJujuVersion(JUJU_VERSION));
  }

  /** Runs {@code event} and checks every hook-tool call against Juju 3.6's tool set. */
  Outcome run(Event event, State state) {
    Outcome out = context.run(event, state);
    assertThat(out.hookToolCalls())
        .as("hook tools called that Juju %s lacks", JUJU_VERSION)
        .map(HookToolCall::tool)
        .allSatisfy(tool -> assertThat(TOOLS.whyAbsent(tool)).as(tool).isEmpty());
    return out;
  }
}
