package io.charmkit.schema.catalogue;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.charmkit.schema.codec.DatabagCodec;
import io.charmkit.schema.codec.JsonStyle;
import io.charmkit.schema.codec.JsonWriter;
import io.charmkit.schema.codec.RawText;
import jakarta.validation.constraints.NotNull;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An application's entry in a catalogue: the requirer's application bag of the {@code catalogue}
 * interface, as {@code CatalogueConsumer} writes it. Every key is raw text except {@code
 * api_endpoints}, which is {@code json.dumps} of a dict in the order the charm built it; an empty
 * string deletes its key, as ops does.
 *
 * @param name the entry's title, e.g. {@code Tempo (tempo)}
 * @param description one or two sentences
 * @param url where the application's UI is; {@code ""} for an application without one
 * @param icon a Material Design icon name, e.g. {@code transit-connection-variant}
 * @param apiDocs where the application's API is documented
 * @param apiEndpoints an endpoint's description to its URL, in the order shown
 */
@JsonPropertyOrder({"name", "description", "url", "icon", "api_docs", "api_endpoints"})
public record CatalogueItem(
    @JsonProperty("name") @RawText @NotNull String name,
    @JsonProperty("description") @RawText String description,
    @JsonProperty("url") @RawText String url,
    @JsonProperty("icon") @RawText String icon,
    @JsonProperty("api_docs") @RawText String apiDocs,
    @JsonProperty("api_endpoints") Map<String, @NotNull String> apiEndpoints) {

  /** The codec for reading and checking this bag; write with {@link #toBag()}. */
  public static final DatabagCodec<CatalogueItem> CODEC =
      DatabagCodec.perFieldJson(CatalogueItem.class);

  /** Keeps the endpoints in the order given, as a Python dict does. */
  public CatalogueItem {
    apiEndpoints =
        apiEndpoints == null
            ? null
            : Collections.unmodifiableMap(new LinkedHashMap<>(apiEndpoints));
  }

  /**
   * Returns the changes to make to the application bag, byte for byte what {@code
   * CatalogueConsumer} writes: every key, {@code ""} (delete) for an empty or absent text, {@code
   * api_endpoints} in the order given ({@code null} when absent, as {@code json.dumps(None)} writes
   * it).
   *
   * @return the changes, in the library's order
   * @throws io.charmkit.schema.validation.DatabagValidationException if the item breaks its own
   *     constraints (a charm's bug)
   */
  public Map<String, String> toBag() {
    Map<String, String> bag = new LinkedHashMap<>(CODEC.write(this));
    if (apiEndpoints == null) {
      bag.put("api_endpoints", "null");
    } else {
      // The codec sorts map keys; Python's json.dumps keeps the dict's order.
      ObjectNode ordered = JsonNodeFactory.instance.objectNode();
      apiEndpoints.forEach(ordered::put);
      bag.put("api_endpoints", JsonWriter.write(ordered, JsonStyle.PYTHON));
    }
    return bag;
  }
}
