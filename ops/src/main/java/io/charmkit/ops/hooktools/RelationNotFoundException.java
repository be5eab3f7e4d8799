package io.charmkit.ops.hooktools;

import java.util.List;

/** A {@code relation-*} or {@code network-*} tool reported {@code relation not found}. */
public class RelationNotFoundException extends HookToolException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; {@code argv} must already be redacted. */
  public RelationNotFoundException(String tool, List<String> argv, int exitCode, String stderr) {
    super(tool, argv, exitCode, stderr);
  }
}
