package io.charmkit.schema.cli;

import java.util.Locale;

/**
 * One thing {@code charmkit validate} reports about a document.
 *
 * @param severity an error makes the document invalid; a warning does not
 * @param line the line it concerns, 1-based
 * @param path where, e.g. {@code requirer.unit.juju_topology}; empty for the document as a whole
 * @param message what is wrong, e.g. {@code is required but missing}
 */
record Finding(Severity severity, int line, String path, String message) {

  /** How much a finding matters. */
  enum Severity {
    /** The relation data is invalid: readers would reject it. */
    ERROR,
    /** Readers accept the data, but something is probably not what its author meant. */
    WARNING
  }

  static Finding error(int line, String path, String message) {
    return new Finding(Severity.ERROR, line, path, message);
  }

  static Finding warning(int line, String path, String message) {
    return new Finding(Severity.WARNING, line, path, message);
  }

  /**
   * Returns the report line: {@code <file>:<line>: <severity>: <path>: <message>}, the layout
   * compilers use, so that editors can jump to it.
   *
   * @param file the file as the user named it
   * @return the line, without a line end
   */
  String format(String file) {
    return file
        + ":"
        + line
        + ": "
        + severity.name().toLowerCase(Locale.ROOT)
        + ": "
        + (path.isEmpty() ? message : path + ": " + message);
  }
}
