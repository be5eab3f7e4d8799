package io.charmkit.ops.pebble;

import java.util.List;

/**
 * A Pebble change finished with an error (for example a service that could not start). The message
 * is Pebble's {@code err} text, which names each failed task and its reason; the change itself,
 * with every task's log, is available from {@link #change()}.
 */
public class ChangeErrorException extends PebbleException {
  private static final long serialVersionUID = 1L;

  private final transient Change change;

  /** Creates the exception for a change whose {@code err} is set. */
  public ChangeErrorException(Change change) {
    super(describe(change));
    this.change = change;
  }

  private static String describe(Change change) {
    StringBuilder sb =
        new StringBuilder()
            .append("Pebble change ")
            .append(change.id())
            .append(" (")
            .append(change.kind())
            .append(": ")
            .append(change.summary())
            .append(") failed: ")
            .append(change.err());
    return sb.toString();
  }

  /** The failed change as Pebble returned it. */
  public Change change() {
    return change;
  }

  /** The change kind, e.g. {@code start} or {@code replan}. */
  public String kind() {
    return change.kind();
  }

  /** The change summary, e.g. {@code Start service "tempo"}. */
  public String summary() {
    return change.summary();
  }

  /** Pebble's {@code err} text. */
  public String err() {
    return change.err();
  }

  /** The error log lines of every failed task, in task order. */
  public List<String> taskErrors() {
    return change.tasks().stream()
        .filter(t -> "Error".equals(t.status()))
        .flatMap(t -> t.log().stream())
        .toList();
  }
}
