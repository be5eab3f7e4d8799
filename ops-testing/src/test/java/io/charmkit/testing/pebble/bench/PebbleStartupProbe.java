package io.charmkit.testing.pebble.bench;

// How to run (from the repository root; builds only what the probe needs, installs nothing):
//
//   mvn -B -q -pl ops,ops-testing -am test-compile dependency:build-classpath \
//       -Dmdep.outputFile=target/probe.cp -DskipTests
//   CP=ops-testing/target/test-classes:ops-testing/target/classes
//   java -cp "$CP:$(cat ops-testing/target/probe.cp)" \
//       io.charmkit.testing.pebble.bench.PebbleStartupProbe [runs=15]
//
// -Dprobe.jvmArgs="..." passes space-separated options to the launched JVMs, for example
// -Dprobe.jvmArgs=-Xlog:class+load:file=/tmp/classes.txt to see what the first call loads.
//
// Figures when the transport changed (2 shared cores, load average 5-11, 3 rounds of 15 each,
// median / p90 of JVM start to first response): Apache HttpClient 5: 2647/3699, 2409/2850,
// 1513/1986 ms; UnixHttpTransport: 1493/2360, 1180/1929, 692/891 ms. The first call loaded 2883
// classes before (317 of them HttpClient's) and 1886 after; 559 are Jackson's, now the bulk.
//
// Not a test: it asserts nothing about time (the machine is shared and noisy) and surefire does
// not pick it up (no Test in the name, no @Test). It prints figures for a human to compare.

import io.charmkit.ops.pebble.PebbleClient;
import io.charmkit.ops.pebble.SystemInfo;
import io.charmkit.testing.pebble.PebbleServer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Measures what every Juju hook pays for its first Pebble call: starts a {@link PebbleServer}, then
 * launches fresh JVMs one after another, each making one {@link PebbleClient#systemInfo()} call and
 * reporting the milliseconds from its own JVM start to the first response. A baseline run of JVMs
 * that only report their start-up separates the JVM's own cost from the client's.
 */
public final class PebbleStartupProbe {
  private static final String RESULT_PREFIX = "probe-ms=";

  private PebbleStartupProbe() {}

  /**
   * {@code [runs]} runs the probe; {@code child <socket>} and {@code baseline} are the modes of the
   * launched JVMs.
   */
  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("child")) {
      PebbleClient client = PebbleClient.forSocket("probe", Path.of(args[1]));
      SystemInfo info = client.systemInfo();
      long elapsed = sinceJvmStart();
      client.close();
      System.out.println(RESULT_PREFIX + elapsed + " version=" + info.version());
      return;
    }
    if (args.length > 0 && args[0].equals("baseline")) {
      System.out.println(RESULT_PREFIX + sinceJvmStart());
      return;
    }
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 15;
    Path dir = Files.createTempDirectory("pebble-probe");
    try (PebbleServer server =
        PebbleServer.start(dir.resolve("pebble.socket"), dir.resolve("root"))) {
      String socket = server.socketPath().toString();
      // One unmeasured launch of each kind warms the OS page cache for the JDK and the jars.
      launch("baseline");
      launch("child", socket);
      List<Long> baseline = new ArrayList<>();
      List<Long> first = new ArrayList<>();
      for (int i = 0; i < runs; i++) {
        // Interleaved, so that a burst of load from other processes hits both series alike.
        baseline.add(launch("baseline"));
        first.add(launch("child", socket));
      }
      report("JVM start to main (baseline)", baseline);
      report("JVM start to first Pebble response", first);
    } finally {
      try (Stream<Path> walk = Files.walk(dir)) {
        walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** Milliseconds since this JVM started, as the JVM itself records its start. */
  private static long sinceJvmStart() {
    return System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
  }

  private static long launch(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    String jvmArgs = System.getProperty("probe.jvmArgs", "").trim();
    if (!jvmArgs.isEmpty()) {
      command.addAll(List.of(jvmArgs.split("\\s+")));
    }
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(PebbleStartupProbe.class.getName());
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int exit = process.waitFor();
    for (String line : output.split("\n")) {
      if (line.startsWith(RESULT_PREFIX)) {
        String value = line.substring(RESULT_PREFIX.length()).split(" ")[0];
        if (exit == 0) {
          return Long.parseLong(value);
        }
      }
    }
    throw new IllegalStateException("probe JVM exited with " + exit + ":\n" + output);
  }

  private static void report(String what, List<Long> millis) {
    List<Long> sorted = millis.stream().sorted().toList();
    System.out.printf(
        Locale.ROOT,
        "%-40s n=%d  median=%d ms  p90=%d ms  min=%d ms  max=%d ms%n",
        what,
        sorted.size(),
        percentile(sorted, 50),
        percentile(sorted, 90),
        sorted.get(0),
        sorted.get(sorted.size() - 1));
  }

  /** Nearest-rank percentile of an ascending list. */
  private static long percentile(List<Long> sorted, int p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(rank, 1) - 1);
  }
}
