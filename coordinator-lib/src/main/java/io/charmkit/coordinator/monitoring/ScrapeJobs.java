package io.charmkit.coordinator.monitoring;

import io.charmkit.interfaces.cluster.ClusterView;
import io.charmkit.interfaces.cluster.WorkerRelation;
import io.charmkit.interfaces.cluster.WorkerUnit;
import io.charmkit.schema.scrape.RelabelConfig;
import io.charmkit.schema.scrape.ScrapeJob;
import io.charmkit.schema.scrape.StaticConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.function.ToIntFunction;

/**
 * The scrape jobs a coordinator sends to Prometheus (coordinated-workers' {@code _scrape_jobs}):
 * one per worker unit, then one per coordinator unit for nginx's exporter; {@code https} on each
 * when TLS is on.
 */
public final class ScrapeJobs {
  /** The port nginx-prometheus-exporter listens on. */
  public static final int NGINX_EXPORTER_PORT = 9113;

  private ScrapeJobs() {}

  /**
   * Returns the jobs.
   *
   * @param cluster the gathered cluster; only units of relations with a known role are scraped
   * @param metricsPort the port a worker application serves its metrics on, from its raw role
   * @param coordinatorHosts coordinator unit name to its hostname, in unit order
   * @param tls whether TLS is on
   * @param model the model's name
   * @param modelUuid the model's UUID
   * @return the worker jobs in cluster order, then the nginx jobs
   */
  public static List<ScrapeJob> of(
      ClusterView cluster,
      ToIntFunction<String> metricsPort,
      SortedMap<String, String> coordinatorHosts,
      boolean tls,
      String model,
      String modelUuid) {
    List<ScrapeJob> jobs = new ArrayList<>();
    for (WorkerRelation relation : cluster.relations()) {
      if (relation.roles().isEmpty()) {
        continue; // gather_topology skips workers that published no known role
      }
      int port = metricsPort.applyAsInt(relation.role().orElse(""));
      for (WorkerUnit unit : relation.units()) {
        // Labels set by relabelling: as static labels the consumer would overwrite some of them
        // with the coordinator's topology (prometheus-k8s-operator#571).
        ScrapeJob job =
            ScrapeJob.of(
                    ScrapeJob.DEFAULT_PATH,
                    List.of(new StaticConfig(List.of(unit.address() + ":" + port), null)))
                .withRelabelConfigs(
                    List.of(
                        RelabelConfig.set("juju_charm", unit.topology().charmName()),
                        RelabelConfig.set("juju_unit", unit.topology().unit()),
                        RelabelConfig.set("juju_application", unit.topology().application()),
                        RelabelConfig.set("juju_model", model),
                        RelabelConfig.set("juju_model_uuid", modelUuid)));
        jobs.add(tls ? job.withScheme("https") : job);
      }
    }
    for (Map.Entry<String, String> host : coordinatorHosts.entrySet()) {
      ScrapeJob job =
          ScrapeJob.of(
              ScrapeJob.DEFAULT_PATH,
              List.of(
                  new StaticConfig(
                      List.of(host.getValue() + ":" + NGINX_EXPORTER_PORT),
                      Map.of("juju_unit", host.getKey()))));
      jobs.add(tls ? job.withScheme("https") : job);
    }
    return jobs;
  }
}
