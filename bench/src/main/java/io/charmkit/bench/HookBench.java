package io.charmkit.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.charmkit.examples.tempo.coordinator.TempoConfig;
import io.charmkit.schema.cluster.CoordinatorAppData;
import io.charmkit.testing.pebble.ContainerImage;
import io.charmkit.testing.pebble.PebbleServer;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * The process-level hook benchmark: runs packaged charms' {@code dispatch} the way the unit agent
 * does, against {@link FakeAgent}'s tools and in-process Pebble servers, and reports wall time
 * (exec of {@code dispatch} to exit), the time inside hook tools as the charm measured it ({@code
 * CHARMKIT_HOOK_STATS}), the charm's own cost (the difference), the tool calls by tool and the peak
 * RSS, with and without the start-up cache.
 *
 * <p>Usage: {@code HookBench <repo root> <output dir> [runs] [unit counts, e.g. 3,30,300]}. Writes
 * {@code process.md} (the tables for BENCHMARKS.md) and {@code process.json} into the output dir.
 */
public final class HookBench {
  static final String MODEL_UUID = "6b8c1f2e-3d4a-4b5c-9d6e-7f8091a2b3c4";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int WARMUP = 2;
  private static final int SETTLE_LIMIT = 4;

  private final Path repo;
  private final Path work;
  private final int runs;
  private final List<Map<String, Object>> results = new ArrayList<>();
  private final StringBuilder report = new StringBuilder();

  private HookBench(Path repo, Path work, int runs) {
    this.repo = repo;
    this.work = work;
    this.runs = runs;
  }

  /**
   * Runs the benchmark.
   *
   * @param args the repository root, the output directory, optionally the runs per scenario and the
   *     coordinator's worker-unit counts
   * @throws Exception when a charm cannot be run or a scenario does not behave
   */
  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: HookBench <repo root> <output dir> [runs] [units,units,...]");
      System.exit(2);
    }
    Path repo = Path.of(args[0]).toAbsolutePath();
    Path out = Files.createDirectories(Path.of(args[1]).toAbsolutePath());
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 20;
    List<Integer> unitCounts = new ArrayList<>();
    for (String n : (args.length > 3 ? args[3] : "3,30,300").split(",")) {
      unitCounts.add(Integer.parseInt(n.trim()));
    }
    Path work = out.resolve("work");
    FakeAgent.deleteTree(work);
    HookBench bench = new HookBench(repo, Files.createDirectories(work), runs);
    bench.run(unitCounts);
    Files.writeString(out.resolve("process.md"), bench.report.toString());
    JSON.writerWithDefaultPrettyPrinter()
        .writeValue(out.resolve("process.json").toFile(), bench.results);
    System.out.print(bench.report);
  }

  private void run(List<Integer> unitCounts) throws Exception {
    report.append(
        String.format(
            Locale.ROOT,
            "Process-level hooks: %d timed runs per row after %d warm-up runs; times in ms; "
                + "own = wall - tool time (per run); JVM CPU = the hook JVM's user+system CPU "
                + "(all threads, tool processes excluded); in-JVM = from the charm's main to the "
                + "end of the dispatch; RSS = VmHWM of the hook process.%n%n",
            runs,
            WARMUP));
    fakeToolCost();
    report.append(
        "| hook | cache | wall p50 | wall p90 | tools p50 | own p50 | own p90 | JVM CPU p50 |"
            + " in-JVM p50 | tool calls | peak RSS MB |\n");
    report.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
    // BENCH_CACHE_ONLY=1 skips the rows without the cache (for quick before/after comparisons).
    List<Boolean> variants =
        "1".equals(System.getenv("BENCH_CACHE_ONLY")) ? List.of(true) : List.of(false, true);
    for (boolean cache : variants) {
      worker(cache);
      for (int units : unitCounts) {
        coordinator(units, cache);
      }
    }
    report.append('\n').append(notes);
    report.append('\n').append(Targets.table(results, trainingMs));
  }

  private final StringBuilder notes = new StringBuilder();

  /** Wall time of each training run (install through dispatch, cache built), by scenario. */
  private final Map<String, Double> trainingMs = new TreeMap<>();

  // --- scenarios --------------------------------------------------------------------------

  private void worker(boolean cache) throws Exception {
    String name = "tempo-worker";
    Path dir = scenarioDir(name + (cache ? "-cache" : "-nocache"));
    FakeAgent agent = new FakeAgent(dir, "tempo-worker/0");
    agent.config.putAll(defaults(name));
    agent.extraEndpoints.addAll(endpoints(name));
    agent.relation("tempo-cluster", 1, "tempo-coordinator", List.of("tempo-coordinator/0"));
    agent.bag(1, "tempo-coordinator").putAll(coordinatorBag(3));
    Path charm = copyCharm(name, dir, cache);
    try (Containers containers = new Containers(dir, List.of("tempo"))) {
      Map<String, String> env = env(agent, charm, containers, "update-status", null, null);
      if (cache) {
        train(agent, charm, containers);
      }
      settle(agent, charm, env, "update-status (worker)");
      measure("update-status (worker)", cache, agent, charm, env);
    }
  }

  private void coordinator(int units, boolean cache) throws Exception {
    String name = "tempo-coordinator";
    Path dir = scenarioDir(name + "-" + units + (cache ? "-cache" : "-nocache"));
    FakeAgent agent = new FakeAgent(dir, "tempo-coordinator/0");
    agent.config.putAll(defaults(name));
    agent.extraEndpoints.addAll(endpoints(name));
    int id = 1;
    for (Map.Entry<String, Integer> app : Workers.unitsPerApp(units).entrySet()) {
      List<String> names = new ArrayList<>();
      for (int n = 0; n < app.getValue(); n++) {
        names.add(app.getKey() + "/" + n);
        agent.bag(id, app.getKey() + "/" + n).putAll(Workers.unitBag(app.getKey(), n));
      }
      agent.relation("tempo-cluster", id, app.getKey(), names);
      agent.bag(id, app.getKey()).putAll(Workers.appBag());
      id++;
    }
    agent.relation("s3", 10, "s3-standin", List.of("s3-standin/0"));
    agent
        .bag(10, "s3-standin")
        .putAll(
            Map.of(
                "endpoint", "http://minio.cos.svc.cluster.local:9000",
                "bucket", "tempo",
                "access-key", "AKIA",
                "secret-key", "s3cr3t"));
    agent.relation("peers", 11, "tempo-coordinator", List.of());
    Path charm = copyCharm(name, dir, cache);
    try (Containers containers =
        new Containers(dir, List.of("nginx", "nginx-prometheus-exporter"))) {
      if (cache) {
        train(agent, charm, containers);
      }
      Map<String, String> env =
          env(
              agent,
              charm,
              containers,
              "tempo-cluster-relation-changed",
              "tempo-cluster:1",
              "worker-a/0");
      settle(
          agent,
          charm,
          env,
          "tempo-cluster-relation-changed (coordinator, " + units + " worker units)");
      measure(
          "tempo-cluster-relation-changed (coordinator, " + units + " worker units)",
          cache,
          agent,
          charm,
          env);
    }
  }

  // --- running ----------------------------------------------------------------------------

  private Map<String, String> env(
      FakeAgent agent,
      Path charm,
      Containers containers,
      String hook,
      String relation,
      String remoteUnit) {
    Map<String, String> env = new HashMap<>();
    env.put("PATH", agent.toolsDir + File.pathSeparator + "/usr/bin" + File.pathSeparator + "/bin");
    env.put("JUJU_DISPATCH_PATH", "hooks/" + hook);
    env.put("JUJU_HOOK_NAME", hook);
    env.put("JUJU_UNIT_NAME", agent.unit);
    env.put("JUJU_MODEL_NAME", Workers.MODEL);
    env.put("JUJU_MODEL_UUID", MODEL_UUID);
    env.put("JUJU_CHARM_DIR", charm.toString());
    env.put("JUJU_CONTEXT_ID", agent.unit + "-" + hook + "-1");
    env.put("JUJU_VERSION", "3.6.14");
    env.put("CHARMKIT_CONTAINERS_DIR", containers.base.toString());
    // The host lookup is the cluster DNS's cost, not the charm's: keep it out of the figures.
    env.put(
        "CHARMKIT_UNIT_FQDN",
        agent.app + "-0." + agent.app + "-endpoints." + Workers.MODEL + ".svc.cluster.local");
    env.put("BENCH_ANSWERS", agent.answersDir.toString());
    // For profiling: BENCH_JAVA_OPTS (e.g. -Xlog:class+load:file=/tmp/cl-%p.txt:uptime) reaches
    // every hook JVM through dispatch's CHARMKIT_JAVA_OPTS.
    String javaOpts = System.getenv("BENCH_JAVA_OPTS");
    if (javaOpts != null && !javaOpts.isBlank()) {
      env.put("CHARMKIT_JAVA_OPTS", javaOpts);
    }
    if (relation != null) {
      env.put("JUJU_RELATION", relation.substring(0, relation.indexOf(':')));
      env.put("JUJU_RELATION_ID", relation);
      env.put("JUJU_REMOTE_APP", remoteUnit.substring(0, remoteUnit.indexOf('/')));
      env.put("JUJU_REMOTE_UNIT", remoteUnit);
    }
    return env;
  }

  private record Run(int exitCode, long wallNanos, String output) {}

  private static Run dispatch(Path charm, Map<String, String> env)
      throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(charm.resolve("dispatch").toString());
    pb.directory(charm.toFile());
    pb.environment().clear();
    pb.environment().putAll(env);
    pb.redirectErrorStream(true);
    pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    long start = System.nanoTime();
    Process p = pb.start();
    String out =
        new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    int code = p.waitFor();
    return new Run(code, System.nanoTime() - start, out);
  }

  /**
   * Runs install through dispatch, which builds the start-up cache, and checks it did. As under
   * Juju, install runs before any relation exists: an agent with the unit's config and nothing
   * else. So the cache holds what install loads, and a relation hook loads the rest from the jars.
   * {@code BENCH_TRAIN_WITH_RELATIONS=1} trains on the full model instead (an upper bound of what a
   * better-trained cache would give).
   */
  private void train(FakeAgent agent, Path charm, Containers containers) throws Exception {
    FakeAgent trainer = agent;
    if (!"1".equals(System.getenv("BENCH_TRAIN_WITH_RELATIONS"))) {
      trainer = new FakeAgent(charm.getParent().resolve("install"), agent.unit);
      trainer.config.putAll(agent.config);
      trainer.extraEndpoints.addAll(agent.extraEndpoints);
      trainer.extraEndpoints.addAll(agent.relationIds.keySet());
    }
    trainer.render();
    Map<String, String> env = env(trainer, charm, containers, "install", null, null);
    Run run = dispatch(charm, env);
    trainingMs.put(charm.getParent().getFileName().toString(), run.wallNanos() / 1e6);
    if (run.exitCode() != 0 || !Files.exists(charm.resolve(".charmkit-cache/key"))) {
      throw new IllegalStateException(
          "training the start-up cache failed (exit " + run.exitCode() + "):\n" + run.output());
    }
    // Install's stored state is the unit's history; the hook under test starts from it.
  }

  /**
   * Runs the hook with the call log on until it writes nothing, committing its writes as Juju
   * would: the timed runs then see the steady state, in which any write would be a write of
   * unchanged data. Notes the first run's writes and any bag read twice.
   */
  private void settle(FakeAgent agent, Path charm, Map<String, String> env, String hook)
      throws Exception {
    Path log = charm.getParent().resolve("calls.log");
    // The same model is settled with and without the cache: say it once.
    boolean noted = notes.indexOf("- " + hook + ":") >= 0;
    Map<String, String> logged = new HashMap<>(env);
    logged.put("BENCH_LOG", log.toString());
    for (int round = 0; round < SETTLE_LIMIT; round++) {
      agent.render();
      Files.deleteIfExists(log);
      Run run = dispatch(charm, logged);
      if (run.exitCode() != 0) {
        throw new IllegalStateException(
            hook + " failed (exit " + run.exitCode() + "):\n" + run.output());
      }
      List<FakeAgent.Call> calls = FakeAgent.calls(log);
      int writes = agent.commit(calls);
      Map<String, Integer> reads = new TreeMap<>();
      for (FakeAgent.Call call : calls) {
        if (call.tool().equals("relation-get")) {
          reads.merge(call.key(), 1, Integer::sum);
        }
      }
      reads.values().removeIf(n -> n < 2);
      if (round == 0 && !noted) {
        notes.append(
            String.format(
                Locale.ROOT, "- %s: the first run made %d writing call(s)", hook, writes));
      }
      if (writes == 0) {
        agent.render();
        boolean fast = takesFastPath(charm, logged, log);
        agent.render();
        if (noted) {
          return;
        }
        notes.append(
            String.format(
                Locale.ROOT,
                "; steady state after %d run(s): no relation-set, open-port or close-port; bags read more than once: %s; the timed runs %s the steady-state fast path (probe run at DEBUG).%n",
                round + 1,
                reads.isEmpty() ? "none" : reads,
                fast ? "take" : "do NOT take"));
        return;
      }
    }
    throw new IllegalStateException(
        hook
            + " still writes relation data after "
            + SETTLE_LIMIT
            + " runs: unchanged data is being written, or the output is not deterministic");
  }

  /**
   * Runs the settled hook once more with {@code CHARMKIT_LOG_LEVEL=DEBUG} and tells whether the
   * base said it skipped the reconcile (its {@code juju-log} call is in the call log). The run
   * changes nothing: a skip writes nothing, and a full run of a settled hook writes nothing either.
   */
  private static boolean takesFastPath(Path charm, Map<String, String> env, Path log)
      throws Exception {
    Map<String, String> debug = new HashMap<>(env);
    debug.put("CHARMKIT_LOG_LEVEL", "DEBUG");
    Files.deleteIfExists(log);
    Run run = dispatch(charm, debug);
    if (run.exitCode() != 0) {
      throw new IllegalStateException("the probe run failed:\n" + run.output());
    }
    boolean skipped =
        FakeAgent.calls(log).stream()
            .anyMatch(
                c -> c.tool().equals("juju-log") && c.key().contains("skipping the reconcile"));
    Files.deleteIfExists(log);
    return skipped;
  }

  private void measure(
      String label, boolean cache, FakeAgent agent, Path charm, Map<String, String> env)
      throws Exception {
    Path statsFile = charm.getParent().resolve("stats.json");
    Map<String, String> timed = new HashMap<>(env);
    timed.put("CHARMKIT_HOOK_STATS", statsFile.toString());
    List<double[]> samples = new ArrayList<>(); // wall, tools, own, rss(MB)
    Map<String, Integer> calls = new TreeMap<>();
    double perCall = 0;
    for (int i = 0; i < WARMUP + runs; i++) {
      Files.deleteIfExists(statsFile);
      Run run = dispatch(charm, timed);
      if (run.exitCode() != 0) {
        throw new IllegalStateException(label + " failed:\n" + run.output());
      }
      if (i < WARMUP) {
        continue;
      }
      // For profiling with options that print at exit (e.g. -XX:+PrintNMTStatistics).
      Files.writeString(charm.getParent().resolve("last-output.txt"), run.output());
      JsonNode stats = JSON.readTree(statsFile.toFile());
      double wall = run.wallNanos() / 1e6;
      double tools = stats.get("toolMs").asDouble();
      samples.add(
          new double[] {
            wall,
            tools,
            wall - tools,
            stats.path("vmHwmKb").asDouble() / 1024,
            stats.path("cpuMs").asDouble(),
            stats.get("dispatchMs").asDouble(),
            stats.path("rssAnonKb").asDouble() / 1024,
            stats.path("rssFileKb").asDouble() / 1024
          });
      Map<String, Integer> these = new TreeMap<>();
      stats
          .get("tools")
          .properties()
          .forEach(e -> these.put(e.getKey(), e.getValue().get("calls").asInt()));
      if (!calls.isEmpty() && !calls.equals(these)) {
        throw new IllegalStateException(
            label + ": tool calls differ between runs: " + calls + " vs " + these);
      }
      calls = these;
      int n = stats.get("toolCalls").asInt();
      perCall += n == 0 ? 0 : tools / n;
    }
    perCall /= runs;
    int total = calls.values().stream().mapToInt(Integer::intValue).sum();
    StringBuilder byTool = new StringBuilder().append(total).append(": ");
    calls.forEach((t, n) -> byTool.append(t).append(' ').append(n).append(", "));
    byTool.setLength(byTool.length() - 2);
    report.append(
        String.format(
            Locale.ROOT,
            "| %s | %s | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f | %s | %.0f |%n",
            label,
            cache ? "yes" : "no",
            pct(samples, s -> s[0], 50),
            pct(samples, s -> s[0], 90),
            pct(samples, s -> s[1], 50),
            pct(samples, s -> s[2], 50),
            pct(samples, s -> s[2], 90),
            pct(samples, s -> s[4], 50),
            pct(samples, s -> s[5], 50),
            byTool,
            pct(samples, s -> s[3], 50)));
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("hook", label);
    result.put("cache", cache);
    result.put("runs", runs);
    result.put("wallMsP50", pct(samples, s -> s[0], 50));
    result.put("wallMsP90", pct(samples, s -> s[0], 90));
    result.put("toolMsP50", pct(samples, s -> s[1], 50));
    result.put("ownMsP50", pct(samples, s -> s[2], 50));
    result.put("ownMsP90", pct(samples, s -> s[2], 90));
    result.put("msPerToolCall", perCall);
    result.put("toolCalls", calls);
    result.put("jvmCpuMsP50", pct(samples, s -> s[4], 50));
    result.put("dispatchMsP50", pct(samples, s -> s[5], 50));
    result.put("peakRssMbP50", pct(samples, s -> s[3], 50));
    result.put("peakRssMbMax", pct(samples, s -> s[3], 100));
    // The resident set at the end, split: anonymous (heap, metaspace, code, stacks, malloc) and
    // file-backed (runtime libraries, start-up cache, jars).
    result.put("rssAnonMbP50", pct(samples, s -> s[6], 50));
    result.put("rssFileMbP50", pct(samples, s -> s[7], 50));
    results.add(result);
    System.err.println("done: " + label + (cache ? " (cache)" : "") + " " + result);
  }

  /** Nearest-rank percentile. */
  static double pct(List<double[]> samples, ToDoubleFunction<double[]> field, int p) {
    double[] values = samples.stream().mapToDouble(field).sorted().toArray();
    int rank = (int) Math.ceil(p / 100.0 * values.length);
    return values[Math.max(0, Math.min(values.length, rank) - 1)];
  }

  // --- fake tools' own cost ---------------------------------------------------------------

  /** Times the fake tool from this JVM (warm) against {@code /bin/true}, the spawn floor. */
  private void fakeToolCost() throws Exception {
    Path dir = scenarioDir("toolcost");
    FakeAgent agent = new FakeAgent(dir, "tempo-coordinator/0");
    agent.relation("tempo-cluster", 1, "worker-a", List.of("worker-a/0"));
    agent.bag(1, "worker-a/0").putAll(Workers.unitBag("worker-a", 0));
    agent.render();
    Map<String, String> env =
        Map.of("BENCH_ANSWERS", agent.answersDir.toString(), "PATH", "/usr/bin:/bin");
    List<String> tool =
        List.of(
            agent.toolsDir.resolve("relation-get").toString(),
            "--format=json",
            "-r",
            "tempo-cluster:1",
            "-",
            "worker-a/0");
    List<double[]> fake = spawnTimes(tool, env, 200);
    List<double[]> floor = spawnTimes(List.of("/bin/true"), env, 200);
    String text =
        String.format(
            Locale.ROOT,
            "Fake hook tool, spawned from a warm JVM (200 calls): p50 %.2f ms, p90 %.2f ms per call; "
                + "/bin/true: p50 %.2f ms. The charm-side figure (tool time / calls, cold JVM) is in "
                + "process.json as msPerToolCall.%n%n",
            pct(fake, s -> s[0], 50),
            pct(fake, s -> s[0], 90),
            pct(floor, s -> s[0], 50));
    report.append(text);
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("fakeToolMsP50", pct(fake, s -> s[0], 50));
    result.put("fakeToolMsP90", pct(fake, s -> s[0], 90));
    result.put("binTrueMsP50", pct(floor, s -> s[0], 50));
    results.add(result);
  }

  private static List<double[]> spawnTimes(List<String> command, Map<String, String> env, int n)
      throws IOException, InterruptedException {
    List<double[]> times = new ArrayList<>();
    for (int i = 0; i < n + 20; i++) {
      ProcessBuilder pb = new ProcessBuilder(command);
      pb.environment().clear();
      pb.environment().putAll(env);
      long start = System.nanoTime();
      Process p = pb.start();
      p.getOutputStream().close();
      p.getInputStream().readAllBytes();
      p.getErrorStream().readAllBytes();
      if (p.waitFor() != 0) {
        throw new IllegalStateException(command + " failed");
      }
      if (i >= 20) {
        times.add(new double[] {(System.nanoTime() - start) / 1e6});
      }
    }
    return times;
  }

  // --- set-up -----------------------------------------------------------------------------

  private Path scenarioDir(String name) throws IOException {
    return Files.createDirectories(work.resolve(name));
  }

  /** A fresh copy of the packaged charm; without the cache, any cache in it is removed. */
  private Path copyCharm(String name, Path dir, boolean cache) throws Exception {
    Path packaged = repo.resolve("examples").resolve(name).resolve("target/charm");
    if (!Files.isExecutable(packaged.resolve("dispatch"))) {
      throw new IllegalStateException(packaged + " has no dispatch: run mvn package first");
    }
    Path charm = dir.resolve("charm");
    Process cp =
        new ProcessBuilder("cp", "-a", packaged.toString(), charm.toString()).inheritIO().start();
    if (cp.waitFor() != 0) {
      throw new IllegalStateException("cannot copy " + packaged);
    }
    FakeAgent.deleteTree(charm.resolve(".charmkit-cache"));
    if ("1".equals(System.getenv("BENCH_NO_PRELOAD"))) {
      // The start-up cache as it was before training runs preloaded the jars' classes.
      Path dispatch = charm.resolve("dispatch");
      Files.writeString(
          dispatch, Files.readString(dispatch).replace("-Dcharmkit.training=true", ""));
    }
    FakeAgent.deleteTree(charm.resolve(".charmkit-state.json"));
    return charm;
  }

  /** Config options with their defaults, as config-get prints them. */
  private Map<String, Object> defaults(String charm) throws IOException {
    JsonNode options =
        new YAMLMapper()
            // The packed charm's files: the module has only charmcraft.yaml.
            .readTree(
                repo.resolve("examples")
                    .resolve(charm)
                    .resolve("target/charm/config.yaml")
                    .toFile())
            .path("options");
    Map<String, Object> config = new TreeMap<>();
    options
        .properties()
        .forEach(
            e -> {
              JsonNode def = e.getValue().get("default");
              if (def != null && !def.isNull()) {
                config.put(e.getKey(), JSON.convertValue(def, Object.class));
              }
            });
    return config;
  }

  /** Every relation endpoint of a charm's metadata.yaml. */
  private List<String> endpoints(String charm) throws IOException {
    JsonNode meta =
        new YAMLMapper()
            .readTree(
                repo.resolve("examples")
                    .resolve(charm)
                    .resolve("target/charm/metadata.yaml")
                    .toFile());
    List<String> names = new ArrayList<>();
    for (String kind : List.of("provides", "requires", "peers")) {
      meta.path(kind).fieldNames().forEachRemaining(names::add);
    }
    return names;
  }

  /** What a Tempo coordinator publishes to a worker, for a cluster of {@code units}. */
  private static Map<String, String> coordinatorBag(int units) {
    String config =
        new TempoConfig(Workers.members(units), Workers.S3, false, 720, List.of()).render();
    // writeInto applies write()'s "" (delete) markers, as Juju stores the bag.
    return CoordinatorAppData.CODEC.writeInto(
        Map.of(),
        CoordinatorAppData.builder(config)
            .lokiEndpoints(new TreeMap<>())
            .charmTracingReceivers(new TreeMap<>())
            .workloadTracingReceivers(new TreeMap<>())
            .workerLabels(new TreeMap<>(Map.of("app.kubernetes.io/part-of", "tempo-coordinator")))
            .workerPorts(List.of(3200, 4317, 4318, 7946, 9095))
            .build());
  }

  /** In-process Pebble servers for a unit's containers, under one base directory. */
  private static final class Containers implements AutoCloseable {
    final Path base;
    private final List<PebbleServer> servers = new ArrayList<>();

    Containers(Path dir, List<String> names) throws IOException {
      // A unix socket path must fit in 108 bytes: the sockets live in a short temporary directory.
      this.base = Files.createTempDirectory("charmkit-bench-");
      for (String name : names) {
        Path socketDir = Files.createDirectories(base.resolve(name));
        PebbleServer server =
            PebbleServer.start(
                socketDir.resolve("pebble.socket"),
                Files.createDirectories(dir.resolve("rootfs-" + name)));
        // The programs the benchmarked Tempo charms run, as their upstream images provide them.
        server.image(
            ContainerImage.of(
                "/bin/tempo", "/usr/sbin/nginx", "/usr/bin/nginx-prometheus-exporter"));
        servers.add(server);
      }
    }

    @Override
    public void close() throws IOException {
      servers.forEach(PebbleServer::close);
      FakeAgent.deleteTree(base);
    }
  }
}
