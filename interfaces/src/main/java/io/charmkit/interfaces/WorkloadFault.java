package io.charmkit.interfaces;

import io.charmkit.ops.pebble.ChangeErrorException;
import io.charmkit.ops.pebble.ExecException;
import io.charmkit.ops.pebble.ExecTimeoutException;
import io.charmkit.ops.pebble.PathErrorException;
import io.charmkit.ops.pebble.PebbleApiException;
import io.charmkit.ops.pebble.PebbleConnectionException;
import io.charmkit.ops.pebble.PebbleException;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A workload container's Pebble refused or failed what the charm asked (a service that cannot
 * start, a replan that fails, a push or pull that fails, an exec that fails or times out, Pebble no
 * longer answering). The coordinated-workers bases never fail a hook for one: they stop touching
 * that container for the rest of the hook, show the fault as a status, and try again on the next
 * event. It lives here, beside {@link RemoteDataProblem}, because both bases use it.
 *
 * @param container the container, e.g. {@code nginx}
 * @param message what failed, in Pebble's own words, on one line, e.g. {@code service "nginx"
 *     failed to start: exec: "nginx": executable file not found in $PATH}
 * @param unreachable whether Pebble did not answer at all (a waiting matter rather than a blocking
 *     one: the container may be restarting)
 */
public record WorkloadFault(String container, String message, boolean unreachable) {

  /** The longest message kept: Juju shows statuses on one line of a table. */
  static final int MAX_MESSAGE = 400;

  /** One failed task of a change's {@code err}: {@code - Start service "x" (reason)}. */
  private static final Pattern TASK =
      Pattern.compile(
          "^- (Start|Stop|Restart) service \"([^\"]*)\" \\((.*)\\)$", Pattern.MULTILINE);

  private static final String CANNOT_START = "cannot start service: ";

  /** Checks the fields and keeps the message on one line. */
  public WorkloadFault {
    Objects.requireNonNull(container, "container");
    message = oneLine(Objects.requireNonNull(message, "message"));
  }

  /**
   * Describes a Pebble failure.
   *
   * @param container the container whose Pebble failed
   * @param action what the charm was doing, e.g. {@code cannot write /etc/worker/config.yaml}; used
   *     for failures that do not name a service
   * @param e the failure
   * @return the fault
   */
  public static WorkloadFault of(String container, String action, PebbleException e) {
    if (e instanceof PebbleConnectionException) {
      return new WorkloadFault(container, "Pebble is not reachable: " + e.getMessage(), true);
    }
    if (e instanceof ChangeErrorException change) {
      return new WorkloadFault(container, describe(change), false);
    }
    String detail;
    if (e instanceof PathErrorException path) {
      detail = path.apiMessage();
    } else if (e instanceof PebbleApiException api) {
      detail = api.apiMessage();
    } else if (e instanceof ExecTimeoutException) {
      detail = "timed out: " + e.getMessage();
    } else if (e instanceof ExecException exec) {
      String stderr = exec.stderr().strip();
      detail =
          "exited with code " + exec.exitCode() + (stderr.isEmpty() ? "" : ": " + lastLine(stderr));
    } else {
      detail = e.getMessage();
    }
    return new WorkloadFault(container, action + ": " + detail, false);
  }

  /**
   * Returns the status text, e.g. {@code [nginx] service "nginx" failed to start: ...}.
   *
   * @return the text
   */
  public String status() {
    return "[" + container + "] " + message;
  }

  /** Names the first failed task of a change, e.g. {@code service "x" failed to start: why}. */
  private static String describe(ChangeErrorException change) {
    String err = change.err() == null ? "" : change.err();
    Matcher task = TASK.matcher(err);
    if (task.find()) {
      String verb = task.group(1).toLowerCase(Locale.ROOT);
      String reason = task.group(3);
      if (reason.startsWith(CANNOT_START)) {
        reason = reason.substring(CANNOT_START.length());
      }
      return "service \"" + task.group(2) + "\" failed to " + verb + ": " + reason;
    }
    return "Pebble change \"" + change.summary() + "\" failed: " + err;
  }

  private static String lastLine(String text) {
    int newline = text.lastIndexOf('\n');
    return newline < 0 ? text : text.substring(newline + 1);
  }

  private static String oneLine(String text) {
    StringBuilder sb = new StringBuilder(Math.min(text.length(), MAX_MESSAGE + 1));
    for (int i = 0; i < text.length() && sb.length() <= MAX_MESSAGE; i++) {
      char c = text.charAt(i);
      sb.append(Character.isISOControl(c) ? ' ' : c);
    }
    String flat = sb.toString().strip();
    return flat.length() > MAX_MESSAGE ? flat.substring(0, MAX_MESSAGE - 1) + "…" : flat;
  }
}
