package io.charmkit.demo;

import io.charmkit.clustertesting.UpstreamImages;
import io.charmkit.ops.pebble.PebbleClient;
import io.charmkit.ops.pebble.Service;
import io.charmkit.ops.pebble.ServiceInfo;
import io.charmkit.testing.juju.EmbeddedJuju;
import io.charmkit.testing.juju.WorkloadStatus;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code bin/demo loki}: the embedded Juju forms a Loki cluster from the packaged example charms,
 * with the coordinator that is also a worker ({@code monolithic-fallback} on, handover at once).
 *
 * <ol>
 *   <li>the coordinator alone waits for S3;
 *   <li>a stand-in S3 provider is related: the coordinator runs Loki itself ({@code -target all})
 *       in its own {@code loki} container;
 *   <li>read, write and three backend workers are related: they take the work over and the
 *       coordinator stops its own Loki; every worker holds the same config, its ring lists every
 *       worker and replication is on (three backends);
 *   <li>the workers are removed: the coordinator takes the work back.
 * </ol>
 *
 * <p>After each step it prints the coordinator's status transition and whether its own Loki runs.
 * It exits non-zero if a hook failed, the workers disagree, or a step did not end as described. Run
 * it from the repository root after packaging ({@code bin/demo loki} does both).
 */
public final class LokiClusterDemo {
  private static final List<String> TARGETS = List.of("read", "write", "backend");
  private static final String COORDINATOR = "loki/0";
  private static final String RUNNING_ALONE =
      "running monolithic: no consistent worker set (no worker relation)";

  private final PrintStream out;
  private final DemoModel demo;
  private final List<String> surprises = new ArrayList<>();
  private WorkloadStatus last = new WorkloadStatus("unknown", "");

  LokiClusterDemo(PrintStream out, Path root) {
    this.out = out;
    this.demo = new DemoModel(out, root);
  }

  /**
   * Runs the demo from the repository root given as the first argument (default: the cwd).
   *
   * @param args the repository root
   * @throws IOException when a worker's config cannot be read
   */
  public static void main(String[] args) throws IOException {
    Path root = Path.of(args.length > 0 ? args[0] : "").toAbsolutePath();
    System.exit(new LokiClusterDemo(System.out, root).run());
  }

  int run() throws IOException {
    Path coordinator = demo.charm("examples/loki-coordinator/target/charm");
    Path worker = demo.charm("examples/loki-worker/target/charm");
    Path s3 = demo.charm("examples/s3-standin/charm");
    try (EmbeddedJuju juju =
        EmbeddedJuju.builder().modelName("loki-demo").images(UpstreamImages.all()).build()) {
      demo.step(
          "1. Deploy the Loki coordinator on its own, with monolithic-fallback=true"
              + " and monolithic-handover-seconds=0");
      juju.deploy(
          "loki",
          coordinator,
          1,
          Map.of("monolithic-fallback", true, "monolithic-handover-seconds", 0));
      demo.settle(juju);
      transition(juju, "blocked", "[s3] Missing S3 integration.", false);

      demo.step("2. Add an S3 provider (a stand-in for s3-integrator): the coordinator runs Loki");
      juju.deploy("s3", s3, 1, Map.of());
      juju.relate("loki:s3", "s3");
      demo.settle(juju);
      transition(juju, "active", RUNNING_ALONE, true);
      out.println(juju.status());

      demo.step("3. Scale out: read, write and three backend workers take the work over");
      for (String target : TARGETS) {
        juju.deploy(
            target, worker, target.equals("backend") ? 3 : 1, Map.of("role-" + target, true));
        juju.relate("loki:loki-cluster", target + ":loki-cluster");
      }
      demo.settle(juju);
      transition(juju, "active", "[scale] below recommended units: read 1/3, write 1/3.", false);
      out.println(juju.status());

      demo.step("The config every worker received (/etc/worker/config.yaml)");
      List<String> units = new ArrayList<>();
      TARGETS.forEach(target -> units.addAll(juju.units(target)));
      boolean shared = demo.printSharedConfig(juju, "loki", units);

      demo.step("4. Remove the workers: the coordinator takes the work back");
      TARGETS.forEach(juju::removeApplication);
      demo.settle(juju);
      transition(juju, "active", RUNNING_ALONE, true);
      out.println(juju.status());

      demo.step("Per-hook figures");
      out.println(juju.figures());
      return report(shared);
    }
  }

  /**
   * Prints the coordinator's status change and whether its own Loki runs, and notes a step that did
   * not end as expected.
   */
  private void transition(
      EmbeddedJuju juju, String status, String message, boolean lokiRunsInCoordinator) {
    WorkloadStatus now = juju.unitStatus(COORDINATOR);
    out.println(COORDINATOR + " status: " + show(last) + "\n          ->     " + show(now));
    last = now;
    String own = ownLoki(juju);
    out.println(COORDINATOR + " own Loki: " + own);
    if (!now.equals(new WorkloadStatus(status, message))) {
      surprises.add("expected " + status + " \"" + message + "\", got " + show(now));
    }
    if (own.startsWith("active") != lokiRunsInCoordinator) {
      surprises.add(
          "expected the coordinator's Loki " + (lokiRunsInCoordinator ? "running" : "stopped"));
    }
  }

  private static String show(WorkloadStatus status) {
    return status.status() + (status.message().isEmpty() ? "" : ": " + status.message());
  }

  /** The coordinator's own Loki service, as its Pebble reports it: state and command. */
  private static String ownLoki(EmbeddedJuju juju) {
    try (PebbleClient pebble =
        PebbleClient.forContainer(
            "loki",
            Map.of(
                PebbleClient.CONTAINERS_DIR_ENV,
                juju.unitDir(COORDINATOR).resolve("containers").toString()))) {
      Service planned = pebble.plan().services().get("loki");
      if (planned == null) {
        return "not planned";
      }
      String state =
          pebble.services(List.of("loki")).stream()
              .map(ServiceInfo::current)
              .findFirst()
              .orElse("unknown");
      return state + " (" + planned.command() + ")";
    }
  }

  private int report(boolean shared) {
    if (demo.failedHooks() > 0) {
      surprises.add(demo.failedHooks() + " hook(s) failed");
    }
    if (!shared) {
      surprises.add("the workers hold different configs");
    }
    if (surprises.isEmpty()) {
      out.println("The demo ended as described: no failed hook.");
      return 0;
    }
    surprises.forEach(s -> out.println("NOT AS DESCRIBED: " + s));
    return 1;
  }
}
