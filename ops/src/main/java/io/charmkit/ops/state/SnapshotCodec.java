package io.charmkit.ops.state;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON form of a {@link StoredSnapshot}, shared by every store: {@code {"version": 1, "values":
 * {…}, "notices": [{"event", "observer", "snapshot"}, …]}}, keys sorted so the same state always
 * gives the same bytes.
 */
final class SnapshotCodec {
  private static final ObjectMapper JSON = new ObjectMapper();

  private SnapshotCodec() {}

  static String encode(StoredSnapshot snapshot) {
    ObjectNode root = JSON.createObjectNode();
    root.put("version", 1);
    ObjectNode values = root.putObject("values");
    new TreeMap<>(snapshot.values()).forEach(values::set);
    ArrayNode notices = root.putArray("notices");
    for (Notice n : snapshot.notices()) {
      ObjectNode o = notices.addObject();
      o.put("event", n.eventPath());
      o.put("observer", n.observer());
      o.set("snapshot", JSON.valueToTree(new TreeMap<>(n.snapshot())));
    }
    try {
      return JSON.writeValueAsString(root);
    } catch (IOException e) {
      throw new StateStoreException("cannot encode stored state: " + e.getMessage(), e);
    }
  }

  static StoredSnapshot decode(String text, String where) {
    try {
      JsonNode root = JSON.readTree(text);
      if (root == null || !root.isObject()) {
        throw new StateStoreException(where + " does not hold a JSON object", null);
      }
      Map<String, JsonNode> values = new TreeMap<>();
      root.path("values").properties().forEach(e -> values.put(e.getKey(), e.getValue()));
      List<Notice> notices = new ArrayList<>();
      for (JsonNode n : root.path("notices")) {
        Map<String, Object> snap =
            JSON.convertValue(n.path("snapshot"), new TypeReference<Map<String, Object>>() {});
        notices.add(new Notice(n.path("event").asText(), n.path("observer").asText(), snap));
      }
      return new StoredSnapshot(values, notices);
    } catch (IOException e) {
      throw new StateStoreException(where + " is not valid JSON: " + e.getMessage(), e);
    }
  }
}
