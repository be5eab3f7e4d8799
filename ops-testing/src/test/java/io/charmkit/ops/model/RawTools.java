package io.charmkit.ops.model;

import io.charmkit.ops.hooktools.HookTools;

/**
 * The hook tools behind a model, for tests that drive the simulated Juju's tools directly to check
 * the errors they give. Charm code has no such door: {@link Model#tools()} is package-private so
 * that every read is cached and every relation write waits for the commit.
 */
public final class RawTools {
  private RawTools() {}

  /** The tools {@code model} reads and writes through. */
  public static HookTools of(Model model) {
    return model.tools();
  }
}
