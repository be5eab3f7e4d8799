package io.charmkit.coordinator.datasource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.charmkit.schema.codec.JsonStyle;
import io.charmkit.schema.codec.JsonWriter;
import java.util.Objects;
import java.util.Optional;

/**
 * What a datasource charm's leader writes under {@code grafana_source_data} in its application bag
 * on {@code grafana_datasource} (WIRE.md §4.3).
 *
 * @param model the model name
 * @param modelUuid the model UUID
 * @param application this application's name
 * @param type the Grafana datasource type, e.g. {@code tempo}
 * @param extraFields Grafana's {@code jsonData} additions (e.g. Tempo's correlation settings);
 *     empty is written as {@code null}
 * @param secureExtraFields Grafana's {@code secureJsonData} additions; empty is written as {@code
 *     null}
 */
public record GrafanaSourceData(
    String model,
    String modelUuid,
    String application,
    String type,
    Optional<ObjectNode> extraFields,
    Optional<ObjectNode> secureExtraFields) {

  /** Checks the parts and copies the JSON objects, which are mutable. */
  public GrafanaSourceData {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(modelUuid, "modelUuid");
    Objects.requireNonNull(application, "application");
    Objects.requireNonNull(type, "type");
    extraFields = extraFields.map(ObjectNode::deepCopy);
    secureExtraFields = secureExtraFields.map(ObjectNode::deepCopy);
  }

  /**
   * Returns the value as grafana_source writes it: Python's {@code json.dumps} of {@code {model,
   * model_uuid, application, type, extra_fields, secure_extra_fields}} in that order, nested
   * objects in their own insertion order.
   *
   * @return the JSON text
   */
  public String toJson() {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("model", model);
    node.put("model_uuid", modelUuid);
    node.put("application", application);
    node.put("type", type);
    node.set("extra_fields", orNull(extraFields));
    node.set("secure_extra_fields", orNull(secureExtraFields));
    return JsonWriter.write(node, JsonStyle.PYTHON);
  }

  private static JsonNode orNull(Optional<ObjectNode> value) {
    return value.<JsonNode>map(v -> v).orElse(JsonNodeFactory.instance.nullNode());
  }
}
