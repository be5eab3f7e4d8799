package io.charmkit.bench;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.charmkit.ops.hooktools.JujuToolSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A fast, deterministic stand-in for the unit agent's hook tools, for timing hooks.
 *
 * <p>Every tool is a link to one POSIX {@code sh} script that turns its argv into a path ({@code
 * <tool>/<arg>/<arg>…}; a unit name's slash simply adds a level) and {@code exec cat}s the answer
 * file there, or prints nothing. No server, no parsing: one {@code sh} start and one {@code cat}
 * per call, the same for every call, so the tools' own cost is small, flat and measured separately
 * ({@link HookBench} reports it). With {@code BENCH_LOG} set, each call is appended there with the
 * stdin of writing tools, which {@link #settle} uses; timed runs leave it unset.
 *
 * <p>The answers are rendered from a small model held here: relation ids per endpoint, units and
 * bags per relation, config, leadership.
 */
final class FakeAgent {
  /**
   * Every hook tool a charmkit charm may call on any Juju version it runs on: the catalogue's 2.9
   * and 3.6 sets together ({@link JujuToolSet}, JUJU.md §7.1).
   */
  static final SortedSet<String> TOOLS = everyTool();

  private static SortedSet<String> everyTool() {
    SortedSet<String> tools = new TreeSet<>(JujuToolSet.forVersion("2.9.0").tools());
    tools.addAll(JujuToolSet.forVersion("3.6.14").tools());
    return tools;
  }

  private static final String SHIM =
      """
      #!/bin/sh
      # charmkit bench: a hook tool answered from pre-rendered files (see FakeAgent.java).
      k=${0##*/}
      for a do k=$k/$a; done
      if [ -n "$BENCH_LOG" ]; then
        printf '%s\\n' "$k" >> "$BENCH_LOG"
        case $k in relation-set/*|state-set/*) printf 'stdin: ' >> "$BENCH_LOG"; cat >> "$BENCH_LOG"; printf '\\n' >> "$BENCH_LOG" ;; esac
      fi
      if [ -f "$BENCH_ANSWERS/$k" ]; then exec cat "$BENCH_ANSWERS/$k"; fi
      """;

  private static final ObjectMapper JSON = new ObjectMapper();

  final Path toolsDir;
  final Path answersDir;
  final String unit;
  final String app;
  final Map<String, List<Integer>> relationIds = new TreeMap<>();
  final Map<Integer, String> endpoints = new TreeMap<>();
  final Map<Integer, List<String>> units = new TreeMap<>();
  final Map<Integer, String> remoteApps = new TreeMap<>();

  /** relation id → owner (unit or app name) → bag. */
  final Map<Integer, Map<String, Map<String, String>>> bags = new TreeMap<>();

  final Map<String, Object> config = new LinkedHashMap<>();
  boolean leader = true;

  /** Ports as {@code opened-ports} prints them ({@code 8080/tcp}), opened by committed calls. */
  final java.util.SortedSet<String> openedPorts = new java.util.TreeSet<>();

  FakeAgent(Path dir, String unit) throws IOException {
    this.toolsDir = Files.createDirectories(dir.resolve("tools"));
    this.answersDir = dir.resolve("answers");
    this.unit = unit;
    this.app = unit.substring(0, unit.indexOf('/'));
    Path shim = toolsDir.resolve("fake-tool");
    Files.writeString(shim, SHIM);
    Files.setPosixFilePermissions(shim, PosixFilePermissions.fromString("rwxr-xr-x"));
    for (String tool : TOOLS) {
      Path link = toolsDir.resolve(tool);
      if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        Files.createSymbolicLink(link, shim.getFileName());
      }
    }
  }

  /** Adds a relation with remote {@code remoteUnits} of {@code remoteApp}. */
  void relation(String endpoint, int id, String remoteApp, List<String> remoteUnits) {
    relationIds.computeIfAbsent(endpoint, e -> new ArrayList<>()).add(id);
    endpoints.put(id, endpoint);
    units.put(id, List.copyOf(remoteUnits));
    remoteApps.put(id, remoteApp);
  }

  /** The bag of {@code owner} in relation {@code id} (created empty). */
  Map<String, String> bag(int id, String owner) {
    return bags.computeIfAbsent(id, i -> new TreeMap<>())
        .computeIfAbsent(owner, o -> new TreeMap<>());
  }

  /** Writes every answer file from the model, replacing the previous set. */
  void render() throws IOException {
    deleteTree(answersDir);
    answer(JSON.writeValueAsString(leader), "is-leader", "--format=json");
    answer(JSON.writeValueAsString(config), "config-get", "--format=json");
    answer(
        "{\"status\": \"unknown\", \"message\": \"\", \"status-data\": {}}",
        "status-get",
        "--include-data",
        "--format=json",
        "--application=false");
    answer(
        "{\"application-status\": {\"status\": \"unknown\", \"message\": \"\", \"status-data\": {}}, \"units\": {}}",
        "status-get",
        "--include-data",
        "--format=json",
        "--application=true");
    answer(JSON.writeValueAsString(openedPorts), "opened-ports", "--format=json");
    answer("{}", "state-get", "--format=json");
    answer("{\"units\": {}, \"relations\": {}}", "goal-state", "--format=json");
    for (String endpoint : allEndpoints()) {
      List<String> ids = new ArrayList<>();
      for (int id : relationIds.getOrDefault(endpoint, List.of())) {
        ids.add(endpoint + ":" + id);
      }
      answer(JSON.writeValueAsString(ids), "relation-ids", endpoint, "--format=json");
    }
    for (Map.Entry<Integer, String> rel : endpoints.entrySet()) {
      int id = rel.getKey();
      for (String ref : List.of(rel.getValue() + ":" + id, Integer.toString(id))) {
        answer(JSON.writeValueAsString(units.get(id)), "relation-list", "--format=json", "-r", ref);
        answer(
            JSON.writeValueAsString(remoteApps.get(id)),
            "relation-list",
            "--format=json",
            "--app",
            "-r",
            ref);
        List<String> owners = new ArrayList<>(units.get(id));
        owners.add(unit);
        for (String owner : owners) {
          answer(
              JSON.writeValueAsString(bag(id, owner)),
              "relation-get",
              "--format=json",
              "-r",
              ref,
              "-",
              owner);
        }
        for (String owner : List.of(remoteApps.get(id), app)) {
          answer(
              JSON.writeValueAsString(bag(id, owner)),
              "relation-get",
              "--format=json",
              "-r",
              ref,
              "--app",
              "-",
              owner);
        }
      }
    }
  }

  /** Endpoints asked about without relations answer {@code []}; the charm's metadata names them. */
  final List<String> extraEndpoints = new ArrayList<>();

  private List<String> allEndpoints() {
    List<String> all = new ArrayList<>(relationIds.keySet());
    extraEndpoints.stream().filter(e -> !all.contains(e)).forEach(all::add);
    return all;
  }

  private void answer(String stdout, String tool, String... args) throws IOException {
    Path file = answersDir.resolve(tool);
    for (String arg : args) {
      file = file.resolve(arg);
    }
    Files.createDirectories(file.getParent());
    Files.writeString(file, stdout);
  }

  /** One logged call: the argv path and, for writing tools, the stdin. */
  record Call(String key, String stdin) {
    String tool() {
      int slash = key.indexOf('/');
      return slash < 0 ? key : key.substring(0, slash);
    }
  }

  /** Reads a {@code BENCH_LOG} file. */
  static List<Call> calls(Path log) throws IOException {
    List<Call> calls = new ArrayList<>();
    if (!Files.exists(log)) {
      return calls;
    }
    for (String line : Files.readAllLines(log)) {
      if (line.startsWith("stdin: ") && !calls.isEmpty()) {
        Call last = calls.remove(calls.size() - 1);
        calls.add(new Call(last.key(), line.substring("stdin: ".length())));
      } else {
        calls.add(new Call(line, null));
      }
    }
    return calls;
  }

  /**
   * Applies the writing calls of a logged run to the model, as Juju would commit them: {@code
   * relation-set} keys merged ({@code ""} deleting), ports opened and closed. Returns how many
   * writing calls there were.
   */
  int commit(List<Call> calls) {
    int writes = 0;
    for (Call call : calls) {
      if (call.tool().equals("open-port") || call.tool().equals("close-port")) {
        writes++;
        String port = call.key().substring(call.tool().length() + 1);
        if (call.tool().equals("open-port")) {
          openedPorts.add(port);
        } else {
          openedPorts.remove(port);
        }
        continue;
      }
      if (!call.tool().equals("relation-set")) {
        continue;
      }
      writes++;
      String[] args = call.key().split("/");
      String ref = args[2];
      int id = Integer.parseInt(ref.substring(ref.indexOf(':') + 1));
      boolean appBag = List.of(args).contains("--app");
      Map<String, String> changes;
      try {
        changes = JSON.readValue(call.stdin(), new TypeReference<Map<String, String>>() {});
      } catch (IOException e) {
        throw new UncheckedIOException("relation-set stdin is not a JSON object: " + call, e);
      }
      Map<String, String> target = bag(id, appBag ? app : unit);
      changes.forEach(
          (k, v) -> {
            if (v.isEmpty()) {
              target.remove(k);
            } else {
              target.put(k, v);
            }
          });
    }
    return writes;
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
