package io.charmkit.ops.hooktools;

import io.charmkit.pythonjson.PythonJson;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules every {@link HookTools} backend applies to what a charm hands a hook tool, and to what
 * a failing tool says: one place, so the production backend and the test backends validate, encode
 * and fail identically, byte for byte.
 */
public final class ToolArguments {
  /** The workload statuses a charm may set (Juju refuses {@code error} and {@code unknown}). */
  public static final Set<String> SETTABLE_STATUSES =
      Set.of("active", "blocked", "maintenance", "waiting");

  /** Who may own a secret: the application (managed by its leader) or one unit. */
  public static final Set<String> SECRET_OWNERS = Set.of("application", "unit");

  private static final Pattern SECRET_KEY = Pattern.compile("^([a-z](?:-?[a-z0-9]){2,})$");

  private ToolArguments() {}

  /**
   * The stdin of {@code relation-set --file -} and {@code state-set --file -}: Python's {@code
   * json.dumps} of the map, in the map's order ({@code ", "} and {@code ": "} separators, non-ASCII
   * escaped as lower-case {@code \\uXXXX}).
   */
  public static String jsonStdin(Map<String, String> entries) {
    return PythonJson.dumps(entries);
  }

  /**
   * Flattens action results to the dotted keys {@code action-set} takes, checking every key.
   *
   * @throws IllegalArgumentException for an invalid key, a duplicate after flattening, or a value
   *     that is not a string, number, boolean or map
   */
  public static Map<String, String> actionResults(Map<String, ?> results) {
    return ActionResults.flatten(results);
  }

  /**
   * Whether {@code key} is a valid secret content key: at least three lower-case letters, digits
   * and single hyphens, starting with a letter (Juju's rule, checked by the charm side before a
   * tool runs and by the simulated Juju when one does).
   */
  public static boolean isSecretKey(String key) {
    return key != null && SECRET_KEY.matcher(key).matches();
  }

  /**
   * Checks secret content before any tool runs: keys of at least three lower-case letters, digits
   * and single hyphens, starting with a letter; no null values.
   *
   * @throws IllegalArgumentException naming the offending key
   */
  public static void checkSecretContent(Map<String, String> content) {
    content.forEach(
        (key, value) -> {
          if (!isSecretKey(key)) {
            throw new IllegalArgumentException(
                "secret key '"
                    + key
                    + "' is invalid: keys are at least 3 characters of lower-case letters, digits"
                    + " and single hyphens, starting with a letter (like 'password' or 'tls-key')");
          }
          if (value == null) {
            throw new IllegalArgumentException("secret key '" + key + "' has a null value");
          }
        });
  }

  /**
   * The exception for a tool that exited non-zero, mapped from its stderr the way ops maps it
   * (JUJU.md §8): {@link RelationNotFoundException}, {@link SecretNotFoundException}, {@link
   * PermissionDeniedException} or {@link HookToolException}.
   *
   * @param argv the argv, already redacted
   */
  public static HookToolException failure(
      String tool, List<String> argv, int exitCode, String stderr) {
    return ToolErrors.map(tool, argv, exitCode, stderr);
  }
}
