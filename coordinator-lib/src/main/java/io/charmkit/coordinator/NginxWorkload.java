package io.charmkit.coordinator;

import io.charmkit.coordinator.nginx.NginxFiles;
import io.charmkit.coordinator.tls.ServerTls;
import io.charmkit.coordinator.workload.ContainerFile;
import io.charmkit.interfaces.WorkloadFault;
import io.charmkit.ops.model.Container;
import io.charmkit.ops.model.Model;
import io.charmkit.ops.pebble.Layer;
import io.charmkit.ops.pebble.PebbleClient;
import io.charmkit.ops.pebble.PebbleException;
import io.charmkit.ops.pebble.PushOptions;
import io.charmkit.ops.pebble.Service;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The coordinator's nginx and nginx-prometheus-exporter containers (PRODUCTS.md §1.6): the config
 * and certificates are pushed only when they differ from what the container holds, and nginx is
 * restarted only then.
 *
 * <p>Python runs {@code nginx -s reload}; the Pebble client has no exec yet, so the {@code nginx}
 * service is restarted instead (a short interruption of in-flight requests).
 *
 * <p>Pebble failing (nginx that cannot start, a replan that fails, a push or pull refused, Pebble
 * gone mid-hook) never fails the hook: the container is left for the rest of the hook, the failure
 * is returned as a {@link WorkloadFault} for the status, and the next event tries again. A service
 * that should run but does not (its start failed on an earlier event) is started again.
 */
final class NginxWorkload {
  private static final Logger LOG = LoggerFactory.getLogger(NginxWorkload.class);

  /** The nginx container and its service. */
  static final String NGINX = "nginx";

  /** The exporter container and its service. */
  static final String EXPORTER = "nginx-prometheus-exporter";

  private NginxWorkload() {}

  /**
   * Brings nginx in line: config, certificates, layer; restarts it when a file changed. Does
   * nothing while the container's Pebble does not answer (pebble-ready comes later).
   *
   * @return what Pebble failed to do, if anything
   */
  static Optional<WorkloadFault> reconcile(Model model, String config, Optional<ServerTls> tls) {
    if (!model.metadata().containers().contains(NGINX)) {
      return Optional.empty();
    }
    Container container = model.container(NGINX);
    if (!container.canConnect()) {
      LOG.debug("nginx container not reachable yet; not configuring nginx");
      return Optional.empty();
    }
    String step = "cannot write the nginx configuration";
    try {
      PebbleClient pebble = container.pebble();
      Map<String, String> files = new LinkedHashMap<>();
      files.put(NginxFiles.CONFIG, config);
      files.put(NginxFiles.CERT, tls.map(ServerTls::serverCert).orElse(null));
      files.put(NginxFiles.KEY, tls.map(ServerTls::privateKey).orElse(null));
      files.put(NginxFiles.CA, tls.map(ServerTls::caCert).orElse(null));
      boolean filesChanged = false;
      for (Map.Entry<String, String> file : files.entrySet()) {
        filesChanged |=
            ContainerFile.sync(
                pebble, file.getKey(), file.getValue(), PushOptions.defaults().withMakeDirs());
      }
      Service nginx =
          Service.builder("nginx -g 'daemon off;'").summary("nginx").startup("enabled").build();
      step = "cannot run nginx";
      boolean planned = ensureService(pebble, NGINX, nginx);
      if (filesChanged && !planned) {
        LOG.info("nginx configuration changed; restarting nginx");
        pebble.restart(List.of(NGINX));
      } else if (!planned) {
        startIfStopped(pebble, NGINX);
      }
      return Optional.empty();
    } catch (PebbleException e) {
      return Optional.of(fault(NGINX, step, e));
    }
  }

  /**
   * Runs the exporter, scraping nginx's status page.
   *
   * @param scrapeUri e.g. {@code http://127.0.0.1:8080/status}
   * @return what Pebble failed to do, if anything
   */
  static Optional<WorkloadFault> reconcileExporter(Model model, String scrapeUri) {
    if (!model.metadata().containers().contains(EXPORTER)) {
      return Optional.empty();
    }
    Container container = model.container(EXPORTER);
    if (!container.canConnect()) {
      return Optional.empty();
    }
    try {
      Service exporter =
          Service.builder(
                  "nginx-prometheus-exporter --web.listen-address=:"
                      + NginxFiles.EXPORTER_PORT
                      + " --nginx.scrape-uri="
                      + scrapeUri)
              .summary("nginx prometheus exporter")
              .startup("enabled")
              .build();
      if (!ensureService(container.pebble(), EXPORTER, exporter)) {
        startIfStopped(container.pebble(), EXPORTER);
      }
      return Optional.empty();
    } catch (PebbleException e) {
      return Optional.of(fault(EXPORTER, "cannot run the exporter", e));
    }
  }

  private static WorkloadFault fault(String container, String step, PebbleException e) {
    WorkloadFault fault = WorkloadFault.of(container, step, e);
    LOG.error("{}; the next event tries again", fault.status());
    return fault;
  }

  /** Starts {@code service} when it is planned but not running (an earlier start failed). */
  private static void startIfStopped(PebbleClient pebble, String service) {
    boolean running =
        pebble.services(List.of(service)).stream()
            .anyMatch(s -> s.name().equals(service) && "active".equals(s.current()));
    if (!running) {
      LOG.info("{} is not running; starting it", service);
      pebble.start(List.of(service));
    }
  }

  /** Adds the layer and replans when the plan's service differs; tells whether it did. */
  private static boolean ensureService(PebbleClient pebble, String name, Service service) {
    if (service.equals(pebble.plan().services().get(name))) {
      return false;
    }
    pebble.addLayer(name, Layer.of(name + " layer", Map.of(name, service)), true);
    pebble.replan();
    LOG.info("{} layer changed; replanned", name);
    return true;
  }
}
