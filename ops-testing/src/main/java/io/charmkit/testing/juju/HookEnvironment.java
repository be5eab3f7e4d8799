package io.charmkit.testing.juju;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The fresh environment Juju builds for one hook or action (JUJU.md §2): the one place the
 * simulated Juju writes the {@code JUJU_*} variables, for both the embedded Juju's processes and
 * the in-process state-transition runs. Each front end adds only how its agent is reached.
 */
final class HookEnvironment {
  private HookEnvironment() {}

  /**
   * The variables for the hook {@code ctx} of {@code model}.
   *
   * @param charmDir the unit's charm directory
   * @param agentSocketNetwork {@code unix} or {@code tcp}
   * @param agentSocketAddress where the hook tools reach the agent
   */
  static Map<String, String> of(
      Model model,
      HookContext ctx,
      String jujuVersion,
      Path charmDir,
      String agentSocketNetwork,
      String agentSocketAddress) {
    Unit unit = ctx.unit;
    PendingHook hook = ctx.hook;
    Map<String, String> env = new TreeMap<>();
    env.put("CHARM_DIR", charmDir.toString());
    env.put("JUJU_CHARM_DIR", charmDir.toString());
    env.put("JUJU_CONTEXT_ID", ctx.id);
    env.put("JUJU_HOOK_NAME", hook.hook());
    env.put("JUJU_DISPATCH_PATH", "hooks/" + hook.hook());
    env.put("JUJU_UNIT_NAME", unit.name);
    env.put("JUJU_MODEL_NAME", model.name);
    env.put("JUJU_MODEL_UUID", model.uuid);
    env.put("JUJU_VERSION", jujuVersion);
    env.put("JUJU_AGENT_SOCKET_ADDRESS", agentSocketAddress);
    env.put("JUJU_AGENT_SOCKET_NETWORK", agentSocketNetwork);
    env.put("JUJU_API_ADDRESSES", "127.0.0.1:17070");
    env.put("JUJU_MACHINE_ID", "");
    env.put("JUJU_PRINCIPAL_UNIT", "");
    env.put("JUJU_AVAILABILITY_ZONE", "");
    env.put("JUJU_CHARM_HTTP_PROXY", "");
    env.put("JUJU_CHARM_HTTPS_PROXY", "");
    env.put("JUJU_CHARM_FTP_PROXY", "");
    env.put("JUJU_CHARM_NO_PROXY", "");
    env.put("LANG", "C.UTF-8");
    env.put("DEBIAN_FRONTEND", "noninteractive");
    env.put("APT_LISTCHANGES_FRONTEND", "none");
    if (hook.relationId() != null) {
      Relation r = model.relationIfPresent(hook.relationId());
      String ref =
          r != null
              ? r.ref(unit.app.name)
              : hook.hook().substring(0, hook.hook().indexOf("-relation-"))
                  + ":"
                  + hook.relationId();
      env.put("JUJU_RELATION", ref.substring(0, ref.lastIndexOf(':')));
      env.put("JUJU_RELATION_ID", ref);
      env.put("JUJU_REMOTE_APP", Objects.requireNonNullElse(hook.remoteApp(), ""));
      env.put("JUJU_REMOTE_UNIT", Objects.requireNonNullElse(hook.remoteUnit(), ""));
      if (hook.departingUnit() != null) {
        env.put("JUJU_DEPARTING_UNIT", hook.departingUnit());
      }
    }
    if (hook.workload() != null) {
      env.put("JUJU_WORKLOAD_NAME", hook.workload());
    }
    if (hook.secretId() != null) {
      env.put("JUJU_SECRET_ID", hook.secretId());
      env.put("JUJU_SECRET_LABEL", Objects.requireNonNullElse(hook.secretLabel(), ""));
    }
    if (ctx.action != null) {
      env.put("JUJU_HOOK_NAME", "");
      env.put("JUJU_DISPATCH_PATH", "actions/" + ctx.action.name());
      env.put("JUJU_ACTION_NAME", ctx.action.name());
      env.put("JUJU_ACTION_UUID", ctx.action.id());
      env.put("JUJU_ACTION_TAG", "action-" + ctx.action.id());
    }
    return env;
  }
}
