package io.charmkit.ops;

import io.charmkit.ops.context.JujuContext;
import io.charmkit.ops.framework.Framework;
import io.charmkit.ops.metadata.CharmMetadata;
import io.charmkit.ops.model.PebbleConnector;
import io.charmkit.ops.state.StateStore;
import io.charmkit.ops.state.StoredSnapshot;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/** The demo charm's metadata and a way to run one dispatch of it against {@link FakeTools}. */
final class Fixture {
  static final String METADATA =
      """
      name: demo
      peers:
        replicas:
          interface: demo_peers
      provides:
        website:
          interface: http
      requires:
        db:
          interface: pgsql
          limit: 1
      containers:
        workload:
          resource: img
      storage:
        data:
          type: filesystem
      """;
  static final String CONFIG =
      """
      options:
        name:
          type: string
          default: demo
        port:
          type: int
          default: 8080
        debug:
          type: boolean
        ratio:
          type: float
          default: 0.5
      """;
  static final String ACTIONS =
      """
      backup:
        description: Back up the data.
      """;

  /** These tests never reach a workload; a connector that says so if one tries. */
  static final PebbleConnector NO_PEBBLE =
      c -> {
        throw new IllegalStateException("no Pebble in these tests (container " + c + ")");
      };

  static final CharmMetadata META = CharmMetadata.parse(METADATA, CONFIG, ACTIONS);

  /** A store that keeps its snapshot in memory and counts saves. */
  static final class MemoryStore implements StateStore {
    StoredSnapshot snapshot = StoredSnapshot.empty();
    int saves;

    @Override
    public StoredSnapshot load() {
      return snapshot;
    }

    @Override
    public void save(StoredSnapshot next) {
      snapshot = next;
      saves++;
    }
  }

  static Map<String, String> env(String dispatchPath) {
    Map<String, String> env = new HashMap<>();
    env.put("JUJU_DISPATCH_PATH", dispatchPath);
    env.put("JUJU_UNIT_NAME", "demo/0");
    env.put("JUJU_MODEL_NAME", "test");
    env.put("JUJU_MODEL_UUID", "6b8c1f2e-3d4a-4b5c-9d6e-7f8091a2b3c4");
    env.put("JUJU_CHARM_DIR", "/tmp/demo-charm");
    env.put("JUJU_VERSION", "3.6.14");
    return env;
  }

  static Map<String, String> relationEnv(
      String hook, String endpoint, int id, String remoteApp, String remoteUnit) {
    Map<String, String> env = env("hooks/" + endpoint + "-" + hook);
    env.put("JUJU_RELATION", endpoint);
    env.put("JUJU_RELATION_ID", endpoint + ":" + id);
    env.put("JUJU_REMOTE_APP", remoteApp);
    if (remoteUnit != null) {
      env.put("JUJU_REMOTE_UNIT", remoteUnit);
    }
    return env;
  }

  static DispatchResult run(
      Map<String, String> env,
      FakeTools tools,
      StateStore store,
      Function<Framework, ? extends Charm> charm) {
    return Dispatcher.run(JujuContext.fromEnvironment(env), META, tools, NO_PEBBLE, store, charm);
  }

  private Fixture() {}
}
