package io.charmkit.testing.juju;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Command-line entry point: runs a scenario file against an {@link EmbeddedJuju} and prints what it
 * is asked to (status tables, databags, figures, logs). The usage text ({@code usage.txt} beside
 * this class) documents the options and the scenario format.
 */
public final class EmbeddedJujuCli {
  private final PrintStream out;
  private final PrintStream err;
  private final Map<String, Integer> relationIds = new HashMap<>();

  private EmbeddedJujuCli(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  /** Runs the command line and exits with its status. */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /**
   * Runs the command line, printing to {@code out} and {@code err}.
   *
   * @return the exit status: 0 success, 1 a step or settle failed, 2 bad usage or scenario
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    return new EmbeddedJujuCli(out, err).execute(args);
  }

  private int execute(String[] args) {
    EmbeddedJuju.Builder builder = EmbeddedJuju.builder();
    String modelName = null;
    Path scenarioFile = null;
    try {
      for (int i = 0; i < args.length; i++) {
        String a = args[i];
        switch (a) {
          case "-h", "--help" -> {
            out.print(usage());
            return 0;
          }
          case "--work-dir" -> builder.workDir(Path.of(value(args, ++i, a)));
          case "--pebble" -> builder.pebbleBinary(Path.of(value(args, ++i, a)));
          case "--model" -> modelName = value(args, ++i, a);
          case "--hook-bound" -> builder.hookBound(number(value(args, ++i, a), a));
          default -> {
            if (a.startsWith("-") || scenarioFile != null) {
              throw new UsageError("unexpected argument \"" + a + "\"");
            }
            scenarioFile = Path.of(a);
          }
        }
      }
      if (scenarioFile == null) {
        throw new UsageError("no scenario file given");
      }
    } catch (UsageError | IllegalArgumentException e) {
      err.println("embedded-juju: " + e.getMessage());
      err.print(usage());
      return 2;
    }

    JsonNode scenario;
    try {
      scenario = JujuJson.YAML.readTree(scenarioFile.toFile());
    } catch (JsonProcessingException e) {
      Object line = e.getLocation() == null ? "?" : e.getLocation().getLineNr();
      err.printf("embedded-juju: %s is not valid YAML (line %s)%n", scenarioFile, line);
      return 2;
    } catch (IOException e) {
      err.println("embedded-juju: cannot read " + scenarioFile + ": " + e.getMessage());
      return 2;
    }
    if (scenario == null || !scenario.path("steps").isArray()) {
      err.println("embedded-juju: " + scenarioFile + " needs a `steps:` list");
      return 2;
    }
    if (modelName == null) {
      modelName = scenario.path("model").asText("embedded");
    }
    Path base = scenarioFile.toAbsolutePath().getParent();
    try (EmbeddedJuju juju = builder.modelName(modelName).build()) {
      int index = 0;
      for (JsonNode step : scenario.path("steps")) {
        index++;
        String name = stepName(step);
        try {
          if (!step(juju, name, step.isTextual() ? null : step.get(name), base)) {
            return 1;
          }
        } catch (UsageError e) {
          err.printf(
              "embedded-juju: %s step %d (%s): %s%n", scenarioFile, index, name, e.getMessage());
          return 2;
        } catch (EmbeddedJujuException e) {
          err.println("embedded-juju: step " + index + " (" + name + ") failed: " + e.getMessage());
          return 1;
        }
      }
      return 0;
    } catch (IOException e) {
      err.println("embedded-juju: " + e.getMessage());
      return 1;
    }
  }

  private static String stepName(JsonNode step) {
    if (step.isTextual()) {
      return step.asText();
    }
    if (step.isObject() && step.size() == 1) {
      return step.fieldNames().next();
    }
    return "?";
  }

  /** Runs one step; false when the scenario must stop (a settle that did not settle). */
  private boolean step(EmbeddedJuju juju, String name, JsonNode arg, Path base) {
    switch (name) {
      case "deploy" -> {
        String app = text(arg, "app");
        Path charm = base.resolve(text(arg, "charm"));
        int units = arg.path("units").asInt(1);
        juju.deploy(app, charm, units, map(arg.path("config")));
        out.println("deployed " + app + " (" + units + (units == 1 ? " unit)" : " units)"));
      }
      case "config" -> juju.config(text(arg, "app"), map(arg.path("values")));
      case "relate" -> {
        List<String> eps = pair(arg);
        int id = juju.relate(eps.get(0), eps.get(1));
        relationIds.put(eps.get(0) + " " + eps.get(1), id);
        relationIds.put(eps.get(1) + " " + eps.get(0), id);
        out.println("related " + eps.get(0) + " " + eps.get(1) + " (relation " + id + ")");
      }
      case "remove-relation" -> {
        int id;
        if (arg != null && arg.isInt()) {
          id = arg.asInt();
        } else {
          List<String> eps = pair(arg);
          Integer known = relationIds.get(eps.get(0) + " " + eps.get(1));
          if (known == null) {
            throw new UsageError(
                "no relation " + eps + " was made by an earlier `relate` step; give its id");
          }
          id = known;
        }
        juju.removeRelation(id);
      }
      case "add-unit" -> {
        String app = arg != null && arg.isObject() ? text(arg, "app") : scalar(arg);
        int count = arg != null && arg.isObject() ? arg.path("count").asInt(1) : 1;
        for (int i = 0; i < count; i++) {
          out.println("added " + juju.addUnit(app));
        }
      }
      case "remove-unit" -> juju.removeUnit(scalar(arg));
      case "remove-application" -> juju.removeApplication(scalar(arg));
      case "elect-leader" -> juju.electLeader(scalar(arg));
      case "resolve" -> juju.resolve(scalar(arg), true);
      case "update-status" -> juju.updateStatus();
      case "settle" -> {
        try {
          SettleReport report = juju.settle();
          String failures = report.clean() ? "" : ", " + report.failed().size() + " failed:";
          out.println("settled after " + report.runs().size() + " hooks" + failures);
          for (HookRun failed : report.failed()) {
            out.println(
                "  " + failed.unit() + " " + failed.hook() + " exited " + failed.exitCode());
          }
        } catch (SettleBoundExceededException e) {
          err.print("embedded-juju: " + e.getMessage());
          return false;
        }
      }
      case "run-action" -> {
        return runAction(juju, arg);
      }
      case "status" -> out.print("\n" + juju.status() + "\n");
      case "dump" -> out.print("\n" + juju.dump());
      case "figures" -> out.print("\n" + juju.figures());
      case "log" -> out.print(juju.log(scalar(arg)));
      default ->
          throw new UsageError(
              "unknown step; expected one of deploy, config, relate, remove-relation, add-unit,"
                  + " remove-unit, elect-leader, resolve, update-status, settle, run-action,"
                  + " status, dump, figures, log");
    }
    return true;
  }

  /**
   * Runs an action and prints its outcome as {@code juju run} does; false (the scenario stops) when
   * it ended otherwise than the step's {@code expect:} ({@code completed} by default).
   */
  private boolean runAction(EmbeddedJuju juju, JsonNode arg) {
    String expect = arg == null ? "completed" : arg.path("expect").asText("completed");
    if (!expect.equals("completed") && !expect.equals("failed")) {
      throw new UsageError("`expect:` is completed or failed, not " + expect);
    }
    ActionResult r =
        juju.runAction(text(arg, "unit"), text(arg, "action"), map(arg.path("params")));
    out.println("action " + r.action() + " on " + r.unit() + " (id " + r.id() + "): " + r.status());
    r.message().ifPresent(m -> out.println("  message: " + m));
    r.output().logs().forEach(l -> out.println("  log: " + l));
    r.results().forEach((k, v) -> out.println("  " + k + ": " + v));
    if (!r.status().equals(expect)) {
      err.printf(
          "embedded-juju: action %s on %s %s, expected %s%n",
          r.action(), r.unit(), r.status(), expect);
      return false;
    }
    return true;
  }

  private static String text(JsonNode arg, String field) {
    if (arg == null || !arg.path(field).isValueNode()) {
      throw new UsageError("needs `" + field + ":`");
    }
    return arg.path(field).asText();
  }

  private static String scalar(JsonNode arg) {
    if (arg == null || !arg.isValueNode()) {
      throw new UsageError("needs a name");
    }
    return arg.asText();
  }

  private static List<String> pair(JsonNode arg) {
    if (arg == null || !arg.isArray() || arg.size() != 2) {
      throw new UsageError("needs a list of two endpoints, e.g. [web:db, db:db]");
    }
    return List.of(arg.get(0).asText(), arg.get(1).asText());
  }

  private static Map<String, Object> map(JsonNode node) {
    if (node.isMissingNode() || node.isNull()) {
      return Map.of();
    }
    if (!node.isObject()) {
      throw new UsageError("config values and action params must be a mapping");
    }
    return JujuJson.YAML.convertValue(node, new TypeReference<Map<String, Object>>() {});
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new UsageError(option + " needs a value");
    }
    return args[i];
  }

  private static int number(String text, String option) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new UsageError(option + " needs a number, got \"" + text + "\"");
    }
  }

  static String usage() {
    try (InputStream in = EmbeddedJujuCli.class.getResourceAsStream("usage.txt")) {
      return in == null
          ? "usage: embedded-juju [options] <scenario.yaml>\n"
          : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "usage: embedded-juju [options] <scenario.yaml>\n";
    }
  }

  /** A bad command line or scenario step: reported with what was wrong, exit status 2. */
  private static final class UsageError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageError(String message) {
      super(message);
    }
  }
}
