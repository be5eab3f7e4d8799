package io.charmkit.schema.codec;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.charmkit.schema.validation.CheckedModel;
import io.charmkit.schema.validation.DatabagValidationException;
import io.charmkit.schema.validation.ModelValidator;
import io.charmkit.schema.validation.Problem;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Maps a databag model (a record) to the {@code Map<String,String>} of a Juju databag and back:
 * each top-level field is its own key holding the JSON text of the field's value (WIRE.md §2).
 *
 * <p>Two flavours share this engine: {@link #perFieldJson} writes as Python's {@code json.dumps}
 * (the cluster interfaces, cosl {@code DatabagModel}), {@link #compactJson} writes compact,
 * un-escaped JSON (grafana_datasource_exchange, cosl {@code DatabagModelV2}). Both:
 *
 * <ul>
 *   <li>read only the model's own keys (and their {@code @JsonAlias} fallbacks), never Juju's
 *       {@code ingress-address} and friends; an optional key holding JSON {@code null} is absent;
 *   <li>validate what they read and report every problem at once, in databag terms;
 *   <li>write the model's own keys only: the JSON text of each present field and {@code ""}
 *       (delete) for each absent one; {@code null} is never written;
 *   <li>write maps with their keys sorted, so the bytes do not depend on insertion order.
 * </ul>
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param <T> the model type
 */
public final class DatabagCodec<T extends Record> {

  /**
   * The largest databag value read or written, in UTF-8 bytes. Real values (a Tempo config, a PEM
   * chain) are tens of kilobytes; anything near this is a fault or an attack.
   */
  public static final int MAX_VALUE_BYTES = 512 * 1024;

  private static final ObjectMapper MAPPER = buildMapper();

  private final Class<T> type;
  private final JsonStyle style;
  private final List<Key> keys;
  private final Constructor<T> constructor;

  private DatabagCodec(Class<T> type, JsonStyle style) {
    if (!type.isRecord()) {
      throw new IllegalArgumentException(type.getName() + " is not a record");
    }
    this.type = type;
    this.style = style;
    List<Key> found = new ArrayList<>();
    RecordComponent[] components = type.getRecordComponents();
    Class<?>[] parameterTypes = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      parameterTypes[i] = components[i].getType();
      found.add(Key.of(type, components[i]));
    }
    this.keys = List.copyOf(found);
    try {
      this.constructor = type.getDeclaredConstructor(parameterTypes);
      this.constructor.setAccessible(true);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(type.getName() + " has no canonical constructor", e);
    }
  }

  /**
   * Returns the codec of the cluster interfaces: each field JSON-encoded as Python's {@code
   * json.dumps} writes it.
   *
   * @param type the model record
   * @param <T> the model type
   * @return the codec
   */
  public static <T extends Record> DatabagCodec<T> perFieldJson(Class<T> type) {
    return new DatabagCodec<>(type, JsonStyle.PYTHON);
  }

  /**
   * Returns the codec of grafana_datasource_exchange: each field a compact JSON document.
   *
   * @param type the model record
   * @param <T> the model type
   * @return the codec
   */
  public static <T extends Record> DatabagCodec<T> compactJson(Class<T> type) {
    return new DatabagCodec<>(type, JsonStyle.COMPACT);
  }

  /**
   * Returns the databag keys this codec owns, in the model's field order (aliases excluded).
   *
   * @return the keys
   */
  public List<String> keys() {
    return keys.stream().map(Key::name).toList();
  }

  /**
   * Returns the model type.
   *
   * @return the record class
   */
  public Class<T> type() {
    return type;
  }

  /**
   * Reads and validates a model from a databag.
   *
   * @param bag the databag; keys the model does not own are ignored
   * @param location where the bag lives, for the error message (e.g. {@code relation
   *     tempo-cluster:3, unit tempo-worker/2}); may be empty
   * @return the model
   * @throws DatabagValidationException listing every problem, if the bag is not a valid model
   */
  public T read(Map<String, String> bag, String location) {
    return read(bag, location, model -> List.of());
  }

  /**
   * Reads and validates a model from a databag, with a further check supplied by the caller (e.g.
   * that every role is one the product knows).
   *
   * @param bag the databag; keys the model does not own are ignored
   * @param location where the bag lives, for the error message; may be empty
   * @param extraCheck returns further problems of an otherwise valid model
   * @return the model
   * @throws DatabagValidationException listing every problem, if the bag is not a valid model
   */
  public T read(
      Map<String, String> bag, String location, Function<? super T, List<Problem>> extraCheck) {
    Objects.requireNonNull(bag, "bag");
    Objects.requireNonNull(location, "location");
    List<Problem> problems = new ArrayList<>();
    Set<String> failedKeys = new LinkedHashSet<>();
    Object[] values = new Object[keys.size()];
    for (int i = 0; i < keys.size(); i++) {
      Key key = keys.get(i);
      int before = problems.size();
      values[i] = readKey(key, bag, problems);
      if (problems.size() > before) {
        failedKeys.add(key.name());
      }
    }
    T model = construct(values, problems);
    if (model != null) {
      for (Problem problem : modelProblems(model)) {
        // A key that failed to decode is already reported; its null would only add noise.
        if (!failedKeys.contains(topLevelKey(problem.path()))) {
          problems.add(problem);
        }
      }
      if (problems.isEmpty()) {
        problems.addAll(extraCheck.apply(model));
      }
    }
    if (!problems.isEmpty()) {
      throw new DatabagValidationException(location, problems);
    }
    return model;
  }

  /**
   * Encodes a model as the changes to make to its databag: every key the model owns, holding the
   * field's JSON text, or {@code ""} (which deletes the key) for a field that is absent. Keys the
   * model does not own are not in the result, so applying it leaves them alone.
   *
   * @param model the model; validated first
   * @return the changes, in the model's field order
   * @throws DatabagValidationException if the model breaks its own constraints (a charm's bug)
   */
  public Map<String, String> write(T model) {
    Objects.requireNonNull(model, "model");
    List<Problem> problems = new ArrayList<>(modelProblems(model));
    JsonNode tree = MAPPER.valueToTree(model);
    JsonTrees.findBadCharacters("", tree, problems);
    Map<String, String> changes = new LinkedHashMap<>();
    for (Key key : keys) {
      JsonNode value = tree.get(key.name());
      if (value == null || value.isNull()) {
        changes.put(key.name(), "");
      } else if (key.raw() && value.isTextual()) {
        changes.put(key.name(), value.textValue());
      } else {
        String text = JsonWriter.write(value, style);
        if (utf8Length(text) > MAX_VALUE_BYTES) {
          problems.add(new Problem(key.name(), tooLong(text)));
        }
        changes.put(key.name(), text);
      }
    }
    if (!problems.isEmpty()) {
      throw new DatabagValidationException(
          "cannot write " + type.getSimpleName(),
          problems.stream()
              .map(
                  p ->
                      p.path().startsWith(".")
                          ? new Problem(p.path().substring(1), p.message())
                          : p)
              .toList());
    }
    return changes;
  }

  /**
   * Returns the bag that results from applying {@link #write} to {@code bag}: convenient for tests
   * and for in-memory backends.
   *
   * @param bag the current databag
   * @param model the model to write
   * @return a new map: {@code bag} with the model's keys replaced and its absent keys removed
   */
  public Map<String, String> writeInto(Map<String, String> bag, T model) {
    Map<String, String> result = new LinkedHashMap<>(bag);
    write(model)
        .forEach(
            (key, value) -> {
              if (value.isEmpty()) {
                result.remove(key);
              } else {
                result.put(key, value);
              }
            });
    return result;
  }

  private Object readKey(Key key, Map<String, String> bag, List<Problem> problems) {
    String wireKey = null;
    for (String candidate : key.names()) {
      if (bag.get(candidate) != null) {
        wireKey = candidate;
        break;
      }
    }
    if (wireKey == null) {
      return null;
    }
    String raw = bag.get(wireKey);
    if (utf8Length(raw) > MAX_VALUE_BYTES) {
      problems.add(new Problem(wireKey, tooLong(raw)));
      return null;
    }
    JsonNode node;
    if (key.raw()) {
      // Stored verbatim: only the character checks apply.
      int before = problems.size();
      JsonTrees.findBadCharacters(wireKey, TextNode.valueOf(raw), problems);
      return problems.size() > before ? null : raw;
    }
    try {
      node = MAPPER.readTree(raw);
    } catch (JsonProcessingException e) {
      if (key.rawText()) {
        node = TextNode.valueOf(raw);
      } else {
        problems.add(new Problem(wireKey, notJson(raw, e)));
        return null;
      }
    }
    if (node == null || node.isMissingNode()) {
      problems.add(new Problem(wireKey, "is not valid JSON (the value is blank)"));
      return null;
    }
    int before = problems.size();
    JsonTrees.findBadCharacters(wireKey, node, problems);
    if (problems.size() > before) {
      return null;
    }
    if (node.isNull()) {
      return null;
    }
    try {
      return key.reader().readValue(node);
    } catch (JsonMappingException e) {
      problems.add(JsonTrees.bindingProblem(wireKey, node, e));
    } catch (IOException | IllegalArgumentException e) {
      problems.add(new Problem(wireKey, "has a value that cannot be read as " + key.describe()));
    }
    return null;
  }

  private T construct(Object[] values, List<Problem> problems) {
    try {
      return constructor.newInstance(values);
    } catch (InvocationTargetException e) {
      problems.add(new Problem("", "is not a valid " + type.getSimpleName() + ": " + e.getCause()));
      return null;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot construct " + type.getName(), e);
    }
  }

  private static List<Problem> modelProblems(Object model) {
    List<Problem> problems = new ArrayList<>(ModelValidator.validate(model));
    if (problems.isEmpty() && model instanceof CheckedModel checked) {
      problems.addAll(checked.check());
    }
    return problems;
  }

  private static String topLevelKey(String path) {
    int end = path.length();
    for (int i = 0; i < path.length(); i++) {
      if (path.charAt(i) == '.' || path.charAt(i) == '[') {
        end = i;
        break;
      }
    }
    return path.substring(0, end);
  }

  private static String notJson(String raw, JsonProcessingException e) {
    if (e instanceof JsonEOFException) {
      return "is not valid JSON (the text ends too early)";
    }
    if (e instanceof JsonParseException parse && parse.getLocation() != null) {
      long column = parse.getLocation().getColumnNr();
      long line = parse.getLocation().getLineNr();
      String where = line > 1 ? "line " + line + ", column " + column : "character " + column;
      return "is not valid JSON (unexpected text at " + where + ")";
    }
    if (e instanceof JsonMappingException) {
      return "is not valid JSON (it has text after the first value)";
    }
    return "is not valid JSON";
  }

  private static String tooLong(String text) {
    return "is "
        + utf8Length(text)
        + " bytes long, over the limit of "
        + MAX_VALUE_BYTES
        + " bytes for a databag value";
  }

  private static int utf8Length(String text) {
    if (text.length() * 3L <= MAX_VALUE_BYTES) {
      return text.length(); // cannot exceed the limit; the exact count does not matter
    }
    return text.getBytes(StandardCharsets.UTF_8).length;
  }

  private static ObjectMapper buildMapper() {
    JsonMapper mapper =
        JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .defaultPropertyInclusion(
                JsonInclude.Value.construct(
                    JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
            .addModule(PythonLaxNumbers.module())
            .build();
    // Databag values can be large PEM chains and configs; the size limit above is ours to apply.
    mapper
        .getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder().maxStringLength(MAX_VALUE_BYTES * 2).build());
    // pydantic does not turn numbers or booleans into strings; neither do we.
    for (CoercionInputShape shape :
        List.of(CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean)) {
      mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
    }
    return mapper;
  }

  /** One model field and how it appears in the databag. */
  private record Key(
      String name,
      List<String> names,
      boolean rawText,
      boolean raw,
      ObjectReader reader,
      JavaType javaType) {

    static Key of(Class<?> owner, RecordComponent component) {
      Field field;
      try {
        field = owner.getDeclaredField(component.getName());
      } catch (NoSuchFieldException e) {
        throw new IllegalStateException("record without its component field", e);
      }
      JsonProperty property = field.getAnnotation(JsonProperty.class);
      String name =
          property != null && !property.value().isEmpty() ? property.value() : component.getName();
      List<String> names = new ArrayList<>();
      names.add(name);
      JsonAlias alias = field.getAnnotation(JsonAlias.class);
      if (alias != null) {
        names.addAll(Arrays.asList(alias.value()));
      }
      boolean rawText = field.isAnnotationPresent(RawTextAccepted.class);
      JavaType javaType = MAPPER.getTypeFactory().constructType(component.getGenericType());
      boolean raw = field.isAnnotationPresent(RawText.class);
      return new Key(name, List.copyOf(names), rawText, raw, MAPPER.readerFor(javaType), javaType);
    }

    String describe() {
      return JsonTrees.expected(javaType.getRawClass());
    }
  }
}
