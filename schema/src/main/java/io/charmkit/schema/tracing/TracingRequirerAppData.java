package io.charmkit.schema.tracing;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.charmkit.schema.codec.DatabagCodec;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The requirer's application databag on a {@code tracing} v2 relation ({@code
 * TracingRequirerAppData}): the receiver protocols the requirer wants to send traces with. One key,
 * {@code receivers}, holding a JSON array of names as Python's {@code json.dumps} writes it, e.g.
 * {@code ["otlp_http", "otlp_grpc"]}, in the order the requirer asked for them. The unit bag is
 * unused.
 *
 * <p>Any non-blank name is read, as the interface spec allows; a provider ignores the names it does
 * not serve.
 *
 * @param receivers the requested protocol names
 */
public record TracingRequirerAppData(
    @JsonProperty("receivers") @NotNull List<@NotBlank String> receivers) {

  /** The codec for this bag: per-field JSON, as the Python library's {@code DatabagModel}. */
  public static final DatabagCodec<TracingRequirerAppData> CODEC =
      DatabagCodec.perFieldJson(TracingRequirerAppData.class);

  /** Copies the list. */
  public TracingRequirerAppData {
    if (receivers != null) {
      receivers = Collections.unmodifiableList(new ArrayList<>(receivers));
    }
  }
}
