package io.charmkit.ops.hooktools;

import java.util.List;

/** A {@code secret-*} tool reported that the secret was {@code not found}. */
public class SecretNotFoundException extends HookToolException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; {@code argv} must already be redacted. */
  public SecretNotFoundException(String tool, List<String> argv, int exitCode, String stderr) {
    super(tool, argv, exitCode, stderr);
  }
}
