package io.charmkit.interfaces.topology;

import io.charmkit.ops.model.Model;
import io.charmkit.schema.topology.JujuTopology;
import java.util.Objects;

/**
 * Builds {@link JujuTopology} values the way cosl's {@code JujuTopology} constructor and {@code
 * from_charm} do (WIRE.md §5.1, §5.2): the model UUID is checked at once and a bad one is a clear
 * error, rather than a value that fails later when validated.
 */
public final class Topologies {

  private Topologies() {}

  /**
   * Returns a topology, checking the model UUID.
   *
   * @param model the model name
   * @param modelUuid the model UUID: canonical, lower-case, version 4
   * @param application the application name
   * @param unit the unit name, or {@code null}/{@code ""} when not known
   * @param charmName the charm's metadata name, or {@code null}/{@code ""} when not known
   * @return the topology; {@code unit} and {@code charmName} default to {@code ""}
   * @throws InvalidUuidException if {@code modelUuid} breaks the rule
   */
  public static JujuTopology of(
      String model, String modelUuid, String application, String unit, String charmName) {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(application, "application");
    if (!JujuTopology.isValidModelUuid(modelUuid)) {
      throw new InvalidUuidException(modelUuid);
    }
    return new JujuTopology(model, modelUuid, application, unit, charmName);
  }

  /**
   * Returns the topology of the unit running this dispatch, as cosl's {@code from_charm}: the
   * model's name and UUID, this application and unit, and the charm's metadata name (e.g. {@code
   * tempo-worker-k8s}, which may differ from the application name).
   *
   * @param model the dispatch's model
   * @return the topology
   * @throws InvalidUuidException if Juju gave a model UUID that breaks the rule
   */
  public static JujuTopology fromModel(Model model) {
    return of(
        model.name(),
        model.uuid(),
        model.app().name(),
        model.unit().name(),
        model.metadata().name());
  }
}
