package io.charmkit.testing.juju;

import io.charmkit.ops.metadata.CharmMetadata;
import io.charmkit.testing.ActionOutput;
import io.charmkit.testing.ActionParameters;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs actions on the embedded Juju the way a unit agent does for {@code juju run}: the parameters
 * are checked against {@code actions.yaml} first ({@link ActionParameters}, the rule {@code
 * Context} applies too) and a refused action runs nothing; otherwise {@code dispatch} (or the
 * legacy {@code actions/<name>}) runs with {@code JUJU_DISPATCH_PATH=actions/<name>}, {@code
 * JUJU_ACTION_NAME}, {@code JUJU_ACTION_UUID} and an empty {@code JUJU_HOOK_NAME}, and the action
 * tools answer from the parameters. Unlike a hook, a failing action does not put the unit in error;
 * its buffered changes are committed only when {@code dispatch} exits 0, like a hook's.
 */
final class ActionRunner {
  private final String unit;
  private final HookContext.Action action;
  private boolean implemented = true;
  private ActionResult result;

  private ActionRunner(String unit, HookContext.Action action) {
    this.unit = unit;
    this.action = action;
  }

  /**
   * Checks the request against the unit's charm and returns the action to run, or refuses it.
   *
   * @param unit the unit, or {@code <app>/leader}
   */
  static ActionRunner prepare(
      Model model, String jujuVersion, String unit, String action, Map<String, ?> params, long id) {
    Unit target = target(model, unit);
    CharmMetadata metadata = target.app.metadata;
    List<String> problems = ActionParameters.problems(metadata, jujuVersion, action, params);
    if (!problems.isEmpty()) {
      throw new EmbeddedJujuException(
          "juju run " + target.name + " " + action + " refused: " + String.join("; ", problems));
    }
    Map<String, Object> withDefaults = ActionParameters.withDefaults(metadata, action, params);
    return new ActionRunner(
        target.name, new HookContext.Action(action, Long.toString(id), withDefaults));
  }

  private static Unit target(Model model, String unit) {
    if (unit.endsWith("/leader")) {
      App app = model.app(unit.substring(0, unit.indexOf('/')));
      if (app.leader == null) {
        throw new EmbeddedJujuException("application " + app.name + " has no leader yet");
      }
      return model.unit(app.leader);
    }
    return model.unit(unit);
  }

  /** The unit the action runs on (a {@code /leader} name resolved). */
  String unit() {
    return unit;
  }

  /**
   * Marks the context as running this action, so the action tools answer, and returns what runs it:
   * {@code dispatch} if executable, else the legacy {@code actions/<name>}, else null.
   */
  Path begin(HookContext ctx) {
    ctx.action = action;
    Path handler = EmbeddedJuju.handler(ctx.unit.charmDir(), "actions", action.name());
    implemented = handler != null;
    return handler;
  }

  /** Commits on exit 0 (without holding the unit in error otherwise) and records the result. */
  void finish(Model model, HookContext ctx, int exit, String stdout, String stderr) {
    model.contexts.remove(ctx.id);
    if (exit == 0 && implemented) {
      model.commit(ctx);
    }
    String failure = ctx.actionFailure;
    if (!implemented) {
      failure = "action not implemented on unit \"" + ctx.unit.name + "\"";
    } else if (failure == null && exit != 0) {
      failure = exit < 0 ? "action terminated" : "exit status " + exit;
    }
    result =
        new ActionResult(
            ctx.unit.name,
            action.name(),
            action.id(),
            new ActionOutput(ctx.actionResults, ctx.actionLogs, Optional.ofNullable(failure)),
            implemented ? exit : -1,
            stdout,
            stderr);
  }

  ActionResult result() {
    return result;
  }
}
