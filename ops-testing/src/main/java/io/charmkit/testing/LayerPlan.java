package io.charmkit.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.charmkit.ops.pebble.Layer;
import io.charmkit.ops.pebble.Plan;
import io.charmkit.testing.pebble.LayerCombiner;
import java.util.Map;
import java.util.Optional;

/**
 * Pebble's layer rules for the in-memory Pebble, on typed layers: each layer goes to a JSON tree
 * and through {@link LayerCombiner}, the rules the in-process Pebble server applies, so the two
 * Pebbles cannot drift apart.
 */
final class LayerPlan {
  private static final ObjectMapper JSON = new ObjectMapper();

  private LayerPlan() {}

  /** The plan of {@code layers} combined in order, with Pebble's defaults filled in. */
  static Plan plan(Map<String, Layer> layers) {
    ObjectNode combined = JSON.createObjectNode();
    for (Layer layer : layers.values()) {
      combined = LayerCombiner.combine(combined, tree(layer));
    }
    try {
      return LayerCombiner.plan(combined);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("cannot combine Pebble layers: " + e.getMessage(), e);
    }
  }

  /** {@code next} merged into {@code base}, as {@code add_layer(combine=True)} does. */
  static Layer combine(Layer base, Layer next) {
    ObjectNode combined = LayerCombiner.combine(tree(base), tree(next));
    try {
      return JSON.treeToValue(combined, Layer.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot combine Pebble layers: " + e.getOriginalMessage(), e);
    }
  }

  /** Pebble's complaint about a layer, if it has one (see {@link LayerCombiner#layerProblem}). */
  static Optional<String> problem(String label, Layer layer) {
    return LayerCombiner.layerProblem(label, tree(layer));
  }

  private static ObjectNode tree(Layer layer) {
    return JSON.valueToTree(layer);
  }
}
