package io.charmkit.interfaces.catalogue;

import io.charmkit.ops.model.Model;
import io.charmkit.ops.model.Relation;
import io.charmkit.schema.catalogue.CatalogueItem;
import java.util.Map;

/**
 * An application's entry in every related catalogue, as {@code CatalogueConsumer} publishes it: the
 * same application bag on each relation of the endpoint, written by the leader only. The model
 * writes a bag at commit and only the keys that changed, so publishing on every reconcile costs
 * nothing once the entry is in place.
 */
public final class CatalogueRequirer {
  /** The endpoint name the Python charms use. */
  public static final String DEFAULT_ENDPOINT = "catalogue";

  private final Model model;
  private final String endpoint;

  /**
   * Creates the requirer.
   *
   * @param model the charm's model
   * @param endpoint the catalogue endpoint (interface {@code catalogue}, under {@code requires})
   * @throws IllegalArgumentException when the charm does not declare the endpoint
   */
  public CatalogueRequirer(Model model, String endpoint) {
    if (model.metadata().endpoint(endpoint).isEmpty()) {
      throw new IllegalArgumentException(
          "the catalogue endpoint '" + endpoint + "' is not in metadata.yaml");
    }
    this.model = model;
    this.endpoint = endpoint;
  }

  /**
   * Writes the entry to every relation of the endpoint; a non-leader writes nothing.
   *
   * @param item the entry
   */
  public void publish(CatalogueItem item) {
    if (!model.isLeader()) {
      return;
    }
    Map<String, String> bag = item.toBag();
    for (Relation relation : model.relations(endpoint)) {
      relation.localAppData().putAll(bag);
    }
  }
}
