package io.charmkit.ops.state;

import io.charmkit.ops.hooktools.HookTools;
import java.util.Map;

/**
 * An opt-in store on Juju's controller-side charm state ({@code state-get}/{@code state-set}), for
 * state that must survive a Kubernetes pod being recreated. The whole snapshot is one JSON value
 * under the key {@value #KEY}; Juju commits it only when the hook succeeds.
 */
public final class JujuStateStore implements StateStore {
  /** The charm-state key. */
  public static final String KEY = "charmkit-state";

  private final HookTools tools;
  private String loaded;

  /** A store over {@code tools}. */
  public JujuStateStore(HookTools tools) {
    this.tools = tools;
  }

  @Override
  public StoredSnapshot load() {
    Map<String, String> state = tools.stateGet();
    loaded = state.get(KEY);
    if (loaded == null || loaded.isEmpty()) {
      return StoredSnapshot.empty();
    }
    return SnapshotCodec.decode(loaded, "charm state key " + KEY);
  }

  @Override
  public void save(StoredSnapshot snapshot) {
    String text = SnapshotCodec.encode(snapshot);
    if (!text.equals(loaded)) {
      tools.stateSet(Map.of(KEY, text));
      loaded = text;
    }
  }
}
