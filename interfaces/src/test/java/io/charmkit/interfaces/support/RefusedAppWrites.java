package io.charmkit.interfaces.support;

import io.charmkit.ops.Charm;
import io.charmkit.ops.DispatchResult;
import io.charmkit.ops.Dispatcher;
import io.charmkit.ops.context.JujuContext;
import io.charmkit.ops.framework.Framework;
import io.charmkit.ops.hooktools.HookTools;
import io.charmkit.ops.hooktools.PermissionDeniedException;
import io.charmkit.ops.hooktools.RelationRef;
import io.charmkit.ops.hooktools.StatusReading;
import io.charmkit.ops.metadata.CharmMetadata;
import io.charmkit.ops.state.StateStore;
import io.charmkit.ops.state.StoredSnapshot;
import io.charmkit.testing.Relation;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * One hook for a unit that leads but whose application-bag writes Juju still refuses, as it does
 * before {@code install} (cos-lib #93). The state-transition API cannot express this: there, one
 * leadership flag both answers {@code is-leader} and grants the write. So this runs the production
 * dispatcher against a few hook tools answering from one {@link Relation}; any other tool fails the
 * run, so a test notices when the charm reaches one.
 */
public final class RefusedAppWrites {

  /**
   * What the hook left in the relation.
   *
   * @param dispatch the dispatch's result
   * @param relation the relation with this unit's writes applied
   */
  public record Result(DispatchResult dispatch, Relation relation) {}

  private RefusedAppWrites() {}

  /**
   * Runs {@code config-changed} for {@code unitName}, which leads, with {@code relation} its only
   * relation.
   */
  public static Result configChanged(
      String metadataYaml,
      String unitName,
      Relation relation,
      Function<Framework, ? extends Charm> charm) {
    String app = unitName.substring(0, unitName.indexOf('/'));
    Relation[] current = {relation};
    HookTools tools =
        (HookTools)
            Proxy.newProxyInstance(
                HookTools.class.getClassLoader(),
                new Class<?>[] {HookTools.class},
                (proxy, method, args) ->
                    switch (method.getName()) {
                      case "isLeader" -> true;
                      case "relationIds" ->
                          args[0].equals(relation.endpoint()) ? List.of(relation.id()) : List.of();
                      case "relationList" ->
                          current[0].remoteUnitsData().keySet().stream()
                              .map(n -> relation.remoteApp() + "/" + n)
                              .toList();
                      case "relationRemoteApp" -> relation.remoteApp();
                      case "relationGet" -> bag(current[0], (String) args[1], app);
                      case "relationSet" -> {
                        current[0] =
                            set(current[0], (RelationRef) args[0], (Boolean) args[1], args);
                        yield null;
                      }
                      case "configGet" -> Map.of();
                      case "statusGet" -> new StatusReading("unknown", "");
                      case "jujuLog", "statusSet" -> null;
                      default ->
                          throw new UnsupportedOperationException(
                              method.getName() + " is not answered by RefusedAppWrites");
                    });
    Map<String, String> env =
        Map.of(
            "JUJU_DISPATCH_PATH",
            "hooks/config-changed",
            "JUJU_UNIT_NAME",
            unitName,
            "JUJU_MODEL_NAME",
            TestModel.NAME,
            "JUJU_MODEL_UUID",
            TestModel.UUID,
            "JUJU_CHARM_DIR",
            "/tmp/interfaces-test-charm",
            "JUJU_VERSION",
            "3.6.14");
    DispatchResult result =
        Dispatcher.run(
            JujuContext.fromEnvironment(env),
            CharmMetadata.parse(metadataYaml, "options: {}", ""),
            tools,
            container -> {
              throw new IllegalStateException("no Pebble here (container " + container + ")");
            },
            new StateStore() {
              @Override
              public StoredSnapshot load() {
                return StoredSnapshot.empty();
              }

              @Override
              public void save(StoredSnapshot next) {
                // Nothing to keep: each result is one hook.
              }
            },
            charm);
    return new Result(result, current[0]);
  }

  private static Map<String, String> bag(Relation r, String owner, String app) {
    if (owner.equals(app)) {
      return r.localAppData();
    }
    if (owner.equals(r.remoteApp())) {
      return r.remoteAppData();
    }
    if (owner.startsWith(app + "/")) {
      return r.localUnitData();
    }
    return r.remoteUnitsData()
        .getOrDefault(Integer.parseInt(owner.substring(owner.indexOf('/') + 1)), Map.of());
  }

  private static Relation set(Relation r, RelationRef ref, boolean app, Object[] args) {
    if (app) {
      throw new PermissionDeniedException(
          "relation-set",
          List.of("relation-set", "-r", ref.argument(), "--app"),
          1,
          "ERROR permission denied (unauthorized access)");
    }
    @SuppressWarnings("unchecked")
    Map<String, String> changes = (Map<String, String>) args[2];
    Map<String, String> bag = new TreeMap<>(r.localUnitData());
    changes.forEach(
        (k, v) -> {
          if (v.isEmpty()) {
            bag.remove(k);
          } else {
            bag.put(k, v);
          }
        });
    return r.withLocalUnitData(bag);
  }
}
