package io.charmkit.examples.temporal.relations;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.charmkit.schema.codec.JsonStyle;
import io.charmkit.schema.codec.JsonWriter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The two database connections the server hands to the admin charm: each the libpq keywords of a
 * pgsql relation's master ({@code dbname}, {@code host}, {@code port}, {@code user}, {@code
 * password}, …), in the order the connection string gave them.
 *
 * @param db the {@code db} relation's connection
 * @param visibility the {@code visibility} relation's connection
 */
public record DatabaseConnections(Map<String, String> db, Map<String, String> visibility) {

  /** Keeps the keyword order and makes the maps unmodifiable. */
  public DatabaseConnections {
    db = Collections.unmodifiableMap(new LinkedHashMap<>(db));
    visibility = Collections.unmodifiableMap(new LinkedHashMap<>(visibility));
  }

  /**
   * The raw value of {@code database_connections}, byte for byte what the Python charm writes:
   * {@code json.dumps({"db": {…}, "visibility": {…}})}, with {@code ", "} and {@code ": "} and
   * non-ASCII escaped.
   */
  public String toJson() {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    ObjectNode dbNode = root.putObject("db");
    db.forEach(dbNode::put);
    ObjectNode visibilityNode = root.putObject("visibility");
    visibility.forEach(visibilityNode::put);
    return JsonWriter.write(root, JsonStyle.PYTHON);
  }

  /** Only the keywords: the maps hold passwords. */
  @Override
  public String toString() {
    return "DatabaseConnections[db=" + db.keySet() + ", visibility=" + visibility.keySet() + "]";
  }
}
