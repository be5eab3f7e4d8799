package io.charmkit.ops.hooktools;

import java.util.List;

/**
 * A tool refused the call: {@code permission denied}, {@code access denied}, {@code not the leader}
 * or {@code cannot write relation settings}.
 */
public class PermissionDeniedException extends HookToolException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; {@code argv} must already be redacted. */
  public PermissionDeniedException(String tool, List<String> argv, int exitCode, String stderr) {
    super(tool, argv, exitCode, stderr);
  }
}
