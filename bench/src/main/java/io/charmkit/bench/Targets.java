package io.charmkit.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The hook-cost targets of issue 10, each printed beside the result of this run: the charm's own
 * time (p50, start-up cache on) for the coordinator's {@code tempo-cluster-relation-changed} at 30
 * and 300 worker units and the worker's {@code update-status}, the peak RSS of any hook, the tool
 * calls at 30 units and the training run's wall time. A target whose row was not run (e.g. {@code
 * BENCH_UNITS=30}) says so.
 */
final class Targets {
  private Targets() {}

  /** The Markdown table. */
  static String table(List<Map<String, Object>> results, Map<String, Double> trainingMs) {
    StringBuilder out = new StringBuilder("| target | result | met |\n|---|---|---|\n");
    ownTarget(out, results, "coordinator, 30 worker units", 250);
    ownTarget(out, results, "coordinator, 300 worker units", 300);
    ownTarget(out, results, "update-status (worker)", 160);
    double rss = -1;
    for (Map<String, Object> r : results) {
      if (Boolean.TRUE.equals(r.get("cache"))) {
        rss = Math.max(rss, (Double) r.get("peakRssMbMax"));
      }
    }
    row(out, "peak RSS (VmHWM) of any hook, cache on, <= 45 MB", rss, 45, "%.1f MB max");
    Map<String, Object> thirty = find(results, "coordinator, 30 worker units");
    if (thirty == null) {
      out.append("| tool calls at 30 workers <= 52, no relation-set | not run | - |\n");
    } else {
      @SuppressWarnings("unchecked")
      Map<String, Integer> calls = (Map<String, Integer>) thirty.get("toolCalls");
      int total = calls.values().stream().mapToInt(Integer::intValue).sum();
      boolean writes = calls.containsKey("relation-set");
      out.append(
          String.format(
              Locale.ROOT,
              "| tool calls at 30 workers <= 52, no relation-set | %d%s | %s |%n",
              total,
              writes ? ", relation-set made" : ", no relation-set",
              total <= 52 && !writes ? "yes" : "**no**"));
    }
    double training =
        trainingMs.values().stream().mapToDouble(Double::doubleValue).max().orElse(-1);
    row(out, "training run (install, cache built) <= 5 s", training, 5000, "%.0f ms max");
    List<String> each = new ArrayList<>();
    trainingMs.forEach((k, v) -> each.add(String.format(Locale.ROOT, "%s %.0f ms", k, v)));
    return out.append("\nTraining runs: ").append(String.join(", ", each)).append('\n').toString();
  }

  private static void ownTarget(
      StringBuilder out, List<Map<String, Object>> results, String label, double limit) {
    Map<String, Object> r = find(results, label);
    String name =
        String.format(Locale.ROOT, "own time p50, %s, cache on, <= %.0f ms", label, limit);
    row(out, name, r == null ? -1 : (Double) r.get("ownMsP50"), limit, "%.0f ms");
  }

  private static void row(StringBuilder out, String name, double value, double limit, String fmt) {
    if (value < 0) {
      out.append("| ").append(name).append(" | not run | - |\n");
      return;
    }
    String result = String.format(Locale.ROOT, fmt, value);
    String met =
        value <= limit ? "yes" : String.format(Locale.ROOT, "**no** (x%.1f)", value / limit);
    out.append("| ")
        .append(name)
        .append(" | ")
        .append(result)
        .append(" | ")
        .append(met)
        .append(" |\n");
  }

  private static Map<String, Object> find(List<Map<String, Object>> results, String label) {
    for (Map<String, Object> r : results) {
      if (Boolean.TRUE.equals(r.get("cache")) && ((String) r.get("hook")).contains(label)) {
        return r;
      }
    }
    return null;
  }
}
