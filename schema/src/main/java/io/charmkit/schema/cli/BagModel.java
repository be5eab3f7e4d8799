package io.charmkit.schema.cli;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.charmkit.schema.catalogue.CatalogueItem;
import io.charmkit.schema.cluster.CoordinatorAppData;
import io.charmkit.schema.cluster.WorkerAppData;
import io.charmkit.schema.cluster.WorkerUnitData;
import io.charmkit.schema.codec.DatabagCodec;
import io.charmkit.schema.codec.JsonStyle;
import io.charmkit.schema.codec.JsonWriter;
import io.charmkit.schema.codec.RawText;
import io.charmkit.schema.dashboard.DashboardProviderAppData;
import io.charmkit.schema.datasource.DatasourceExchangeData;
import io.charmkit.schema.loki.LokiProviderUnitData;
import io.charmkit.schema.loki.LokiRequirerAppData;
import io.charmkit.schema.scrape.ScrapeProviderAppData;
import io.charmkit.schema.scrape.ScrapeProviderUnitData;
import io.charmkit.schema.traefik.TraefikRouteProviderData;
import io.charmkit.schema.traefik.TraefikRouteRequest;
import io.charmkit.schema.validation.DatabagValidationException;
import io.charmkit.schema.validation.Problem;
import io.charmkit.schema.yaml.YamlWriter;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One databag's model as the validator needs it: the codec that checks a raw bag, the JSON style
 * its writers use, and the Java type of each key, to turn a decoded (YAML) value into the raw
 * databag string a charm would have written.
 *
 * @param type the model record
 * @param style how the running charms lay out this bag's JSON
 * @param keys the databag keys the model owns, aliases included, each with its Java type, in
 *     declaration order
 * @param check reads a raw bag and returns its problems; empty when it is valid
 */
record BagModel(
    Class<? extends Record> type,
    JsonStyle style,
    Map<String, Class<?>> keys,
    Function<Map<String, String>, List<Problem>> check) {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /**
   * Returns the model of a bag.
   *
   * @param type the record, one of the models of {@link
   *     io.charmkit.schema.jsonschema.InterfaceSchema}
   * @param product the product whose roles {@code roles} are, for messages; may be null
   * @param roles the role names a worker may publish, to check a worker's {@code role}; may be null
   * @return the bag model
   * @throws IllegalStateException for a record this command does not know (a charmkit bug)
   */
  static BagModel of(Class<? extends Record> type, String product, List<String> roles) {
    if (type == CoordinatorAppData.class) {
      return new BagModel(type, JsonStyle.PYTHON, keys(type), checker(CoordinatorAppData.CODEC));
    }
    if (type == WorkerUnitData.class) {
      return new BagModel(type, JsonStyle.PYTHON, keys(type), checker(WorkerUnitData.CODEC));
    }
    if (type == WorkerAppData.class) {
      Function<Map<String, String>, List<Problem>> check =
          roles == null
              ? checker(WorkerAppData.CODEC)
              : bag ->
                  problems(
                      () ->
                          WorkerAppData.CODEC.read(
                              bag, "", data -> data.unknownRoles(product, roles)));
      return new BagModel(type, JsonStyle.PYTHON, keys(type), check);
    }
    if (type == DatasourceExchangeData.class) {
      return new BagModel(
          type, JsonStyle.COMPACT, keys(type), checker(DatasourceExchangeData.CODEC));
    }
    if (type == LokiProviderUnitData.class) {
      return new BagModel(type, JsonStyle.PYTHON, keys(type), checker(LokiProviderUnitData.CODEC));
    }
    if (type == LokiRequirerAppData.class) {
      return new BagModel(type, JsonStyle.PYTHON, keys(type), checker(LokiRequirerAppData.CODEC));
    }
    if (type == CatalogueItem.class) {
      return new BagModel(type, JsonStyle.PYTHON, keys(type), checker(CatalogueItem.CODEC));
    }
    if (type == TraefikRouteRequest.class) {
      return new BagModel(type, JsonStyle.PYTHON, keys(type), checker(TraefikRouteRequest.CODEC));
    }
    if (type == TraefikRouteProviderData.class) {
      return new BagModel(
          type, JsonStyle.PYTHON, keys(type), checker(TraefikRouteProviderData.CODEC));
    }
    if (type == ScrapeProviderAppData.class) {
      return new BagModel(type, JsonStyle.PYTHON, keys(type), checker(ScrapeProviderAppData.CODEC));
    }
    if (type == DashboardProviderAppData.class) {
      return new BagModel(
          type, JsonStyle.PYTHON, keys(type), checker(DashboardProviderAppData.CODEC));
    }
    if (type == ScrapeProviderUnitData.class) {
      // Raw text, not JSON (@RawText): encode() keeps the document's strings as they are.
      return new BagModel(
          type,
          JsonStyle.PYTHON,
          keys(type),
          bag -> problems(() -> ScrapeProviderUnitData.read(bag, "")));
    }
    throw new IllegalStateException("charmkit validate has no codec for " + type.getName());
  }

  /**
   * Returns the raw databag string for a key's value as the document gives it.
   *
   * <p>A string is raw databag text when the key holds something other than a string (its JSON
   * text, e.g. {@code {"application": …}}), or when it is itself a JSON string literal (it starts
   * with {@code "}); any other string is the decoded value and is JSON-quoted. A mapping given for
   * a string key is YAML text written out as a mapping (as {@code worker_config} is in the specs'
   * examples). Everything else is decoded and written as this bag's writers write JSON. Keys the
   * model does not own are kept as they are.
   *
   * @param key the databag key
   * @param value the value in the document
   * @return the raw databag value
   */
  String encode(String key, JsonNode value) {
    Class<?> expected = keys.get(key);
    if (value.isTextual()) {
      String text = value.textValue();
      if (expected != String.class || text.startsWith("\"") || rawText(key)) {
        return text;
      }
      return JsonWriter.quote(text, style);
    }
    if (expected == String.class && value.isObject()) {
      return JsonWriter.quote(YamlWriter.write(MAPPER.convertValue(value, Object.class)), style);
    }
    return JsonWriter.write(value, style);
  }

  /**
   * Returns the name of the model, for messages.
   *
   * @return e.g. {@code WorkerUnitData}
   */
  String name() {
    return type.getSimpleName();
  }

  /** Tells whether the key's writers store it raw ({@link RawText}), so text is never quoted. */
  private boolean rawText(String key) {
    for (Field field : type.getDeclaredFields()) {
      JsonProperty property = field.getAnnotation(JsonProperty.class);
      if (property != null && property.value().equals(key)) {
        return field.isAnnotationPresent(RawText.class);
      }
    }
    return false;
  }

  private static <T extends Record> Function<Map<String, String>, List<Problem>> checker(
      DatabagCodec<T> codec) {
    return bag -> problems(() -> codec.read(bag, ""));
  }

  private static List<Problem> problems(Runnable read) {
    try {
      read.run();
      return List.of();
    } catch (DatabagValidationException e) {
      return e.problems();
    }
  }

  private static Map<String, Class<?>> keys(Class<? extends Record> type) {
    Map<String, Class<?>> keys = new LinkedHashMap<>();
    for (RecordComponent component : type.getRecordComponents()) {
      Field field;
      try {
        field = type.getDeclaredField(component.getName());
      } catch (NoSuchFieldException e) {
        throw new IllegalStateException("record without its component field", e);
      }
      JsonProperty property = field.getAnnotation(JsonProperty.class);
      String name =
          property != null && !property.value().isEmpty() ? property.value() : component.getName();
      keys.put(name, component.getType());
      JsonAlias alias = field.getAnnotation(JsonAlias.class);
      if (alias != null) {
        for (String other : alias.value()) {
          keys.put(other, component.getType());
        }
      }
    }
    return Collections.unmodifiableMap(keys);
  }
}
