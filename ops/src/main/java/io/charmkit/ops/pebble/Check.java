package io.charmkit.ops.pebble;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A health check in a layer or plan. Exactly one of {@code http}, {@code tcp} and {@code exec}
 * should be set.
 *
 * @param override {@code merge} or {@code replace} (required in a layer)
 * @param level {@code alive}, {@code ready}, or {@code null}
 * @param startup {@code enabled} or {@code disabled} (Pebble 1.15+), or {@code null}
 * @param period how often to run, a Go duration such as {@code 10s}
 * @param timeout per-run timeout, a Go duration
 * @param threshold failures before the check is down; Pebble fills in 3 in the plan
 * @param http an HTTP check
 * @param tcp a TCP check
 * @param exec an exec check
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
  "override",
  "level",
  "startup",
  "period",
  "timeout",
  "threshold",
  "http",
  "tcp",
  "exec"
})
public record Check(
    String override,
    String level,
    String startup,
    String period,
    String timeout,
    Integer threshold,
    HttpCheck http,
    TcpCheck tcp,
    ExecCheck exec) {

  /** An HTTP check ({@code override: replace}) of the given level, e.g. {@code ready}. */
  public static Check http(String level, String url) {
    return new Check(
        "replace", level, null, null, null, null, new HttpCheck(url, null), null, null);
  }

  /** A TCP check ({@code override: replace}) of the given level on a local port. */
  public static Check tcp(String level, int port) {
    return new Check(
        "replace", level, null, null, null, null, null, new TcpCheck(port, null), null);
  }

  /** An exec check ({@code override: replace}) of the given level. */
  public static Check exec(String level, String command) {
    return new Check("replace", level, null, null, null, null, null, null, ExecCheck.of(command));
  }

  /** This check with the given period (a Go duration such as {@code 10s}). */
  public Check withPeriod(String newPeriod) {
    return new Check(override, level, startup, newPeriod, timeout, threshold, http, tcp, exec);
  }

  /** This check with the given failure threshold. */
  public Check withThreshold(Integer newThreshold) {
    return new Check(override, level, startup, period, timeout, newThreshold, http, tcp, exec);
  }
}
