package io.charmkit.ops.pebble;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * An HTTP health check: up when {@code url} answers 2xx.
 *
 * @param url the URL to GET
 * @param headers extra request headers; never null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record HttpCheck(String url, Map<String, String> headers) {

  /** Normalises absent headers to an empty map. */
  public HttpCheck {
    headers = headers == null ? Map.of() : Map.copyOf(headers);
  }
}
