package io.charmkit.coordinator.monolith;

import io.charmkit.coordinator.workload.ContainerFile;
import io.charmkit.coordinator.workload.WorkerFiles;
import io.charmkit.interfaces.WorkloadFault;
import io.charmkit.interfaces.cluster.WorkloadProcess;
import io.charmkit.ops.model.Container;
import io.charmkit.ops.model.Model;
import io.charmkit.ops.pebble.PebbleClient;
import io.charmkit.ops.pebble.PebbleException;
import io.charmkit.ops.pebble.PushOptions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The product's process in the coordinator's own workload container. Like the nginx container's
 * handling, a Pebble failure is returned as a {@link WorkloadFault} for the status, never thrown:
 * the hook commits and the next event tries again.
 *
 * <p>Pebble is asked for as little as possible, so that a flapping worker set costs no Pebble
 * change: a file is pushed only when its content differs, the layer is added only when the planned
 * service differs, the service is restarted only when one of those changed while it ran, started
 * only when it is not running, and stopped only when it runs.
 */
final class OwnWorkload {
  private static final Logger LOG = LoggerFactory.getLogger(OwnWorkload.class);

  /** The label of the layer holding the monolithic process. */
  static final String LAYER = "monolith";

  private OwnWorkload() {}

  /**
   * Makes the process run with {@code files} in place.
   *
   * @param model the dispatch's model
   * @param process the product's process
   * @param files path to content ({@code null}: the file must not exist), the configuration first
   * @return what Pebble failed to do, if anything
   */
  static Optional<WorkloadFault> run(
      Model model, WorkloadProcess process, Map<String, String> files) {
    Container container = container(model, process);
    if (!container.canConnect()) {
      return Optional.of(
          new WorkloadFault(
              process.container(),
              "Pebble is not reachable yet; the monolithic process starts when it is",
              true));
    }
    String step = "cannot write the monolithic configuration";
    try {
      PebbleClient pebble = container.pebble();
      boolean changed = false;
      for (Map.Entry<String, String> file : files.entrySet()) {
        PushOptions options = PushOptions.defaults().withMakeDirs();
        // The private key is readable by the workload's user only, as the worker writes it.
        boolean key = file.getKey().equals(WorkerFiles.KEY);
        changed |=
            ContainerFile.sync(
                pebble,
                file.getKey(),
                file.getValue(),
                key ? options.withPermissions("600") : options);
      }
      step = "cannot add the " + LAYER + " layer";
      if (!process.service().equals(pebble.plan().services().get(process.name()))) {
        pebble.addLayer(
            LAYER,
            process.layer(
                "monolithic " + process.name(),
                "the coordinator running " + process.name() + " itself (monolithic fallback)"),
            true);
        changed = true;
      }
      step = "cannot run the monolithic process";
      boolean running = running(pebble, process.name());
      if (!running) {
        LOG.info("starting the monolithic {} process", process.name());
        pebble.start(List.of(process.name()));
      } else if (changed) {
        LOG.info("the monolithic {} configuration changed; restarting it", process.name());
        pebble.restart(List.of(process.name()));
      }
      return Optional.empty();
    } catch (PebbleException e) {
      return Optional.of(fault(process, step, e));
    }
  }

  /**
   * Stops the process if it runs; leaves its files and layer (a later takeover reuses them).
   *
   * @param model the dispatch's model
   * @param process the product's process
   * @return what Pebble failed to do, if anything
   */
  static Optional<WorkloadFault> stop(Model model, WorkloadProcess process) {
    Container container = container(model, process);
    if (!container.canConnect()) {
      return Optional.empty(); // nothing runs where Pebble does not answer; the next event checks
    }
    try {
      PebbleClient pebble = container.pebble();
      if (pebble.plan().services().containsKey(process.name()) && running(pebble, process.name())) {
        LOG.info("the workers carry the work; stopping the monolithic {} process", process.name());
        pebble.stop(List.of(process.name()));
      }
      return Optional.empty();
    } catch (PebbleException e) {
      return Optional.of(fault(process, "cannot stop the monolithic process", e));
    }
  }

  private static Container container(Model model, WorkloadProcess process) {
    if (!model.metadata().containers().contains(process.container())) {
      throw new IllegalStateException(
          "the monolithic process runs in container '"
              + process.container()
              + "', which metadata.yaml does not declare");
    }
    return model.container(process.container());
  }

  private static boolean running(PebbleClient pebble, String service) {
    return pebble.services(List.of(service)).stream()
        .anyMatch(s -> s.name().equals(service) && "active".equals(s.current()));
  }

  private static WorkloadFault fault(WorkloadProcess process, String step, PebbleException e) {
    WorkloadFault fault = WorkloadFault.of(process.container(), step, e);
    LOG.error("{}; the next event tries again", fault.status());
    return fault;
  }
}
