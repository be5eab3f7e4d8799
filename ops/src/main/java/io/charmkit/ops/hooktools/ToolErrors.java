package io.charmkit.ops.hooktools;

import java.util.List;
import java.util.Locale;

/**
 * Turns a non-zero exit into the right {@link HookToolException} subtype (JUJU.md §8).
 *
 * <p>Precedence, first match wins:
 *
 * <ol>
 *   <li>a {@code relation-*} or {@code network-*} tool whose stderr contains {@code relation not
 *       found} → {@link RelationNotFoundException};
 *   <li>a {@code secret-*} tool whose stderr contains {@code not found} → {@link
 *       SecretNotFoundException};
 *   <li>stderr contains {@code access denied}, {@code permission denied}, {@code not the leader} or
 *       {@code cannot write relation settings} → {@link PermissionDeniedException};
 *   <li>anything else → {@link HookToolException}.
 * </ol>
 *
 * <p>The not-found cases win because they are what ops raises for the same text (ops only
 * <em>logs</em> the authorisation check and carries on mapping), and callers rely on them: reading
 * a broken relation must still surface as "relation not found". Our permission type only refines
 * what ops would report as a plain {@code ModelError}. All matching is on lower-cased stderr.
 */
final class ToolErrors {
  private static final List<String> PERMISSION_TEXTS =
      List.of(
          "access denied", "permission denied", "not the leader", "cannot write relation settings");

  private ToolErrors() {}

  /** The exception for {@code tool} exiting with {@code exitCode}; {@code argv} is redacted. */
  static HookToolException map(String tool, List<String> argv, int exitCode, String stderr) {
    String err = stderr == null ? "" : stderr.toLowerCase(Locale.ROOT);
    if ((tool.startsWith("relation-") || tool.startsWith("network-"))
        && err.contains("relation not found")) {
      return new RelationNotFoundException(tool, argv, exitCode, stderr);
    }
    if (tool.startsWith("secret-") && err.contains("not found")) {
      return new SecretNotFoundException(tool, argv, exitCode, stderr);
    }
    for (String text : PERMISSION_TEXTS) {
      if (err.contains(text)) {
        return new PermissionDeniedException(tool, argv, exitCode, stderr);
      }
    }
    return new HookToolException(tool, argv, exitCode, stderr);
  }
}
