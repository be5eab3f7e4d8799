package io.charmkit.testing.juju;

import java.util.ArrayList;
import java.util.List;
import java.util.LongSummaryStatistics;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Renders the model the way {@code juju status} lays it out, and the raw databags. */
final class StatusTable {
  private StatusTable() {}

  static String render(Model model, String version) {
    List<List<String>> head =
        List.of(
            List.of("Model", "Controller", "Cloud/Region", "Version"),
            List.of(model.name, "embedded", "embedded/local", version));
    List<List<String>> apps = new ArrayList<>();
    apps.add(List.of("App", "Version", "Status", "Scale", "Charm", "Rev", "Message"));
    List<List<String>> units = new ArrayList<>();
    units.add(List.of("Unit", "Workload", "Agent", "Address", "Message"));
    for (App app : model.apps.values()) {
      WorkloadStatus s = model.appStatus(app);
      apps.add(
          List.of(
              app.name,
              app.version,
              s.status(),
              String.valueOf(app.units.size()),
              app.metadata.name(),
              "0",
              s.message()));
      for (Unit u : app.units) {
        WorkloadStatus us = u.displayedStatus();
        units.add(
            List.of(
                u.name + (u.isLeader() ? "*" : ""),
                us.status(),
                u.dying ? "executing" : "idle",
                u.address,
                us.message()));
      }
    }
    List<List<String>> rels = new ArrayList<>();
    rels.add(List.of("Integration provider", "Requirer", "Interface", "Type"));
    for (Relation r : model.relations()) {
      if (r.isPeer()) {
        String ep = r.appA + ":" + r.endpointA;
        rels.add(List.of(ep, ep, r.interfaceName, "peer"));
      } else {
        // Relation keeps the requirer as side A.
        rels.add(
            List.of(
                r.appB + ":" + r.endpointB,
                r.appA + ":" + r.endpointA,
                r.interfaceName,
                r.dying ? "regular (dying)" : "regular"));
      }
    }
    String out = table(head) + "\n" + table(apps) + "\n" + table(units);
    return rels.size() > 1 ? out + "\n" + table(rels) : out;
  }

  /** Every relation's committed databags, keys sorted, as raw strings. */
  static String dump(Model model) {
    StringBuilder out = new StringBuilder();
    for (Relation r : model.relations()) {
      out.append("relation %d (%s, %s)\n".formatted(r.id, r.key(), r.interfaceName));
      Map<String, Map<String, String>> bags = new TreeMap<>(r.bags);
      for (String app : r.isPeer() ? List.of(r.appA) : List.of(r.appA, r.appB)) {
        bags.putIfAbsent(app, Map.of());
      }
      for (var bag : bags.entrySet()) {
        String kind = bag.getKey().contains("/") ? "unit" : "app";
        out.append("  %s %s:\n".formatted(kind, bag.getKey()));
        if (bag.getValue().isEmpty()) {
          out.append("    (empty)\n");
        }
        for (var kv : new TreeMap<>(bag.getValue()).entrySet()) {
          out.append("    ").append(kv.getKey()).append(": ").append(JujuJson.json(kv.getValue()));
        }
      }
    }
    return out.toString();
  }

  /** Per hook name: runs, failures, wall time and tool calls by tool. */
  static String figures(List<HookRun> runs) {
    Map<String, List<HookRun>> byHook =
        runs.stream()
            .collect(Collectors.groupingBy(HookRun::hook, TreeMap::new, Collectors.toList()));
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("Hook", "Runs", "Failed", "Total ms", "Mean ms", "Max ms", "Tool calls"));
    byHook.forEach(
        (hook, hookRuns) -> {
          LongSummaryStatistics ms =
              hookRuns.stream().mapToLong(r -> r.wallTime().toMillis()).summaryStatistics();
          Map<String, Integer> tools = new TreeMap<>();
          hookRuns.forEach(r -> r.toolCalls().forEach((t, n) -> tools.merge(t, n, Integer::sum)));
          rows.add(
              List.of(
                  hook,
                  String.valueOf(ms.getCount()),
                  String.valueOf(hookRuns.stream().filter(r -> !r.succeeded()).count()),
                  String.valueOf(ms.getSum()),
                  String.valueOf(ms.getSum() / ms.getCount()),
                  String.valueOf(ms.getMax()),
                  tools.entrySet().stream()
                      .map(t -> t.getKey() + "=" + t.getValue())
                      .collect(Collectors.joining(" "))));
        });
    return table(rows);
  }

  /** Left-aligned columns two spaces apart, no trailing blanks (as juju prints them). */
  static String table(List<List<String>> rows) {
    StringBuilder out = new StringBuilder();
    int cols = rows.get(0).size();
    int[] width = new int[cols];
    for (List<String> row : rows) {
      for (int i = 0; i < cols; i++) {
        width[i] = Math.max(width[i], row.get(i).length());
      }
    }
    for (List<String> row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < cols; i++) {
        line.append(row.get(i)).append(" ".repeat(width[i] - row.get(i).length() + 2));
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
    return out.toString();
  }
}
