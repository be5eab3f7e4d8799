package io.charmkit.demo;

import io.charmkit.testing.juju.EmbeddedJuju;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code bin/demo loki}: the embedded Juju forms a Loki cluster from the packaged example charms,
 * step by step.
 *
 * <ol>
 *   <li>the coordinator alone is blocked: it has no workers;
 *   <li>a monolithic worker ({@code role-all}) is related: now it waits for S3;
 *   <li>a stand-in S3 provider is related: the one-worker cluster is active;
 *   <li>the cluster is scaled out to Loki's simple-scalable targets (one read, one write, three
 *       backend workers) and the monolith is removed; every worker holds the same config, its ring
 *       lists every worker and replication is on (three backends).
 * </ol>
 *
 * <p>Run it from the repository root after packaging ({@code bin/demo loki} does both).
 */
public final class LokiClusterDemo {
  private static final List<String> TARGETS = List.of("read", "write", "backend");

  private final PrintStream out;
  private final DemoModel demo;

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
        EmbeddedJuju.builder().modelName("loki-demo").images(DemoModel.upstreamImages()).build()) {
      demo.step("1. Deploy the Loki coordinator on its own");
      juju.deploy("loki", coordinator, 1, Map.of());
      demo.settle(juju);
      out.println(juju.status());

      demo.step("2. Add a monolithic worker (role-all)");
      juju.deploy("loki-all", worker, 1, Map.of("role-all", true));
      juju.relate("loki:loki-cluster", "loki-all:loki-cluster");
      demo.settle(juju);
      out.println(juju.status());

      demo.step("3. Add an S3 provider (a stand-in for s3-integrator)");
      juju.deploy("s3", s3, 1, Map.of());
      juju.relate("loki:s3", "s3");
      demo.settle(juju);
      out.println(juju.status());

      demo.step("4. Scale out: read, write and three backend workers; remove the monolith");
      for (String target : TARGETS) {
        juju.deploy(
            target, worker, target.equals("backend") ? 3 : 1, Map.of("role-" + target, true));
        juju.relate("loki:loki-cluster", target + ":loki-cluster");
      }
      demo.settle(juju);
      juju.removeApplication("loki-all");
      demo.settle(juju);
      out.println(juju.status());

      demo.step("The config every worker received (/etc/worker/config.yaml)");
      List<String> units = new ArrayList<>();
      TARGETS.forEach(target -> units.addAll(juju.units(target)));
      boolean shared = demo.printSharedConfig(juju, "loki", units);

      demo.step("Per-hook figures");
      out.println(juju.figures());
      return shared ? 0 : 1;
    }
  }
}
