package io.charmkit.testing.juju;

/** What a hook tool prints and how it exits. */
record ToolResponse(int exitCode, String stdout, String stderr) {

  /** A successful call printing {@code stdout}. */
  static ToolResponse ok(String stdout) {
    return new ToolResponse(0, stdout, "");
  }

  /** A failed call; Juju prefixes its errors with {@code ERROR }. */
  static ToolResponse error(String message) {
    return new ToolResponse(1, "", "ERROR " + message + "\n");
  }
}
