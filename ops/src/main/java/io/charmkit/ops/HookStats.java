package io.charmkit.ops;

import io.charmkit.ops.hooktools.ProcessHookTools;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The opt-in figures of one production dispatch: with {@code CHARMKIT_HOOK_STATS=<path>} in the
 * environment, {@link Dispatcher#runProduction} writes a small JSON object to {@code <path>} as the
 * dispatch ends:
 *
 * <pre>{@code
 * {"hook": "hooks/update-status", "exitCode": 0, "dispatchMs": 41.2,
 *  "toolCalls": 5, "toolMs": 12.9,
 *  "tools": {"config-get": {"calls": 1, "ms": 2.6}, ...},
 *  "cpuMs": 380.0, "vmHwmKb": 61234}
 * }</pre>
 *
 * <p>{@code dispatchMs} runs from the start of {@code runProduction} (the JVM has started and the
 * charm's main has been called) to the end of the dispatch; {@code toolMs} is the time inside
 * hook-tool processes as the charm saw it (spawn included); {@code vmHwmKb} is the process's peak
 * resident set so far ({@code VmHWM} of {@code /proc/self/status}, absent where there is none);
 * {@code cpuMs} is the CPU time this JVM has used so far, all threads (user plus system, hook-tool
 * processes not included), which a busy machine inflates far less than wall time.
 *
 * <p>It exists to measure hooks (principle 3): unset, it costs one map lookup. The file is written
 * to a temporary sibling and moved into place so a reader never sees half of it; a failure to write
 * is reported on stderr and never fails the hook.
 */
final class HookStats {
  /** The environment variable naming the file to write. */
  static final String VARIABLE = "CHARMKIT_HOOK_STATS";

  private HookStats() {}

  /** Writes the figures if {@code env} asks for them. */
  static void writeIfRequested(
      Map<String, String> env,
      String hook,
      int exitCode,
      long dispatchNanos,
      ProcessHookTools tools) {
    String target = env.get(VARIABLE);
    if (target == null || target.isEmpty()) {
      return;
    }
    try {
      Path path = Path.of(target);
      Path tmp = path.resolveSibling(path.getFileName() + ".tmp");
      String json = render(hook, exitCode, dispatchNanos, tools, vmHwmKb(), cpuNanos());
      Files.writeString(tmp, json.substring(0, json.length() - 2) + residentSplit() + "}\n");
      Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | RuntimeException e) {
      // Measurement is never worth a failed hook; stderr lands in the unit log.
      System.err.println("charmkit: cannot write hook stats to " + target + ": " + e);
    }
  }

  /** The JSON text (keys in a fixed order, tools sorted by name). */
  static String render(
      String hook,
      int exitCode,
      long dispatchNanos,
      ProcessHookTools tools,
      OptionalLong hwmKb,
      OptionalLong cpuNanos) {
    Map<String, Integer> counts = tools.callCounts();
    Map<String, Duration> times = tools.callTimes();
    int totalCalls = 0;
    long totalNanos = 0;
    StringBuilder perTool = new StringBuilder();
    for (Map.Entry<String, Integer> entry : counts.entrySet()) {
      long nanos = times.getOrDefault(entry.getKey(), Duration.ZERO).toNanos();
      totalCalls += entry.getValue();
      totalNanos += nanos;
      if (perTool.length() > 0) {
        perTool.append(", ");
      }
      perTool
          .append(quote(entry.getKey()))
          .append(": {\"calls\": ")
          .append(entry.getValue())
          .append(", \"ms\": ")
          .append(millis(nanos))
          .append('}');
    }
    StringBuilder json = new StringBuilder(128 + perTool.length());
    json.append("{\"hook\": ")
        .append(quote(hook))
        .append(", \"exitCode\": ")
        .append(exitCode)
        .append(", \"dispatchMs\": ")
        .append(millis(dispatchNanos))
        .append(", \"toolCalls\": ")
        .append(totalCalls)
        .append(", \"toolMs\": ")
        .append(millis(totalNanos))
        .append(", \"tools\": {")
        .append(perTool)
        .append('}');
    if (cpuNanos.isPresent()) {
      json.append(", \"cpuMs\": ").append(millis(cpuNanos.getAsLong()));
    }
    if (hwmKb.isPresent()) {
      json.append(", \"vmHwmKb\": ").append(hwmKb.getAsLong());
    }
    return json.append("}\n").toString();
  }

  /** {@code VmHWM} of this process in kB, if the kernel reports it. */
  static OptionalLong vmHwmKb() {
    Path status = Path.of("/proc/self/status");
    try {
      for (String line : Files.readAllLines(status, StandardCharsets.US_ASCII)) {
        if (line.startsWith("VmHWM:")) {
          String value = line.substring("VmHWM:".length()).trim();
          int space = value.indexOf(' ');
          return OptionalLong.of(Long.parseLong(space < 0 ? value : value.substring(0, space)));
        }
      }
    } catch (IOException | NumberFormatException e) {
      // Not Linux, or a kernel that words it differently: the figure is simply left out.
      return OptionalLong.empty();
    }
    return OptionalLong.empty();
  }

  /**
   * Where the resident set is at the end, from {@code /proc/self/status}: {@code RssAnon} (heap,
   * metaspace, code cache, stacks, malloc) and {@code RssFile} (mapped runtime, start-up cache,
   * jars), as {@code , "rssAnonKb": n, "rssFileKb": n}; empty where the kernel does not say.
   */
  static String residentSplit() {
    StringBuilder out = new StringBuilder();
    try {
      for (String line :
          Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.US_ASCII)) {
        for (String key : new String[] {"RssAnon", "RssFile"}) {
          if (line.startsWith(key + ":")) {
            String value = line.substring(key.length() + 1).trim();
            int space = value.indexOf(' ');
            out.append(", \"")
                .append(Character.toLowerCase(key.charAt(0)))
                .append(key, 1, key.length())
                .append("Kb\": ")
                .append(Long.parseLong(space < 0 ? value : value.substring(0, space)));
          }
        }
      }
    } catch (IOException | NumberFormatException e) {
      // Not Linux: the split is simply left out.
      return "";
    }
    return out.toString();
  }

  /** CPU time of this process so far, if the platform reports it. */
  static OptionalLong cpuNanos() {
    return ProcessHandle.current()
        .info()
        .totalCpuDuration()
        .map(d -> OptionalLong.of(d.toNanos()))
        .orElse(OptionalLong.empty());
  }

  private static String millis(long nanos) {
    return String.format(Locale.ROOT, "%.3f", nanos / 1e6);
  }

  private static String quote(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }
}
