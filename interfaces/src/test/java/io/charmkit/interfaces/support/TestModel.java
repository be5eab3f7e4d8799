package io.charmkit.interfaces.support;

import io.charmkit.ops.Charm;
import io.charmkit.ops.framework.Framework;
import io.charmkit.ops.metadata.CharmMetadata;
import io.charmkit.testing.Context;
import io.charmkit.testing.Relation;
import io.charmkit.testing.State;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The model the interface tests run in ({@code cos}, with a valid version-4 UUID, so that
 * topologies can be built from it), and shorthands for the units and relations they set up.
 */
public final class TestModel {
  /** The model name. */
  public static final String NAME = "cos";

  /** A valid model UUID (version 4, lower case). */
  public static final String UUID = "6b8c1f2e-3d4a-4b5c-9d6e-7f8091a2b3c4";

  private TestModel() {}

  /** An empty state in this model. */
  public static State.Builder state() {
    return State.builder().model(NAME, UUID);
  }

  /**
   * A context running {@code charm} as {@code unitName}.
   *
   * @param metadataYaml the charm's metadata.yaml (the charm has no config or actions)
   * @param unitName e.g. {@code tempo-worker/0}
   * @param charm builds the charm, usually closing over what the test wants to observe
   */
  public static Context unit(
      String metadataYaml, String unitName, Function<Framework, ? extends Charm> charm) {
    int slash = unitName.indexOf('/');
    return new Context(charm, CharmMetadata.parse(metadataYaml, "options: {}", ""))
        .withAppName(unitName.substring(0, slash))
        .withUnitId(Integer.parseInt(unitName.substring(slash + 1)));
  }

  /**
   * A regular relation with empty bags.
   *
   * @param remoteUnits the remote units' numbers; none for an application with no units yet
   */
  public static Relation relation(String endpoint, int id, String remoteApp, int... remoteUnits) {
    Map<Integer, Map<String, String>> units = new LinkedHashMap<>();
    for (int n : remoteUnits) {
      units.put(n, Map.of());
    }
    return new Relation(endpoint, id, false, remoteApp, Map.of(), Map.of(), Map.of(), units);
  }
}
