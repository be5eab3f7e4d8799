package io.charmkit.schema.tracing;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.charmkit.schema.codec.DatabagCodec;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * The provider's application databag on a {@code tracing} v2 relation ({@code
 * TracingProviderAppData}): every receiver the provider enabled, for every requirer alike. One key,
 * {@code receivers}, holding a JSON array as Python's {@code json.dumps} writes it, e.g. {@code
 * [{"protocol": {"name": "otlp_http", "type": "http"}, "url": "http://tempo-0...:4318"}]}.
 *
 * <p>A provider writes the entries in {@link Receiver#WIRE_ORDER} ({@link #sorted}), so the bytes
 * do not depend on the order the receivers were gathered in. The unit bag is unused.
 *
 * @param receivers the enabled receivers
 */
public record TracingProviderAppData(
    @JsonProperty("receivers") @NotNull List<@NotNull @Valid Receiver> receivers) {

  /** The codec for this bag: per-field JSON, as the Python library's {@code DatabagModel}. */
  public static final DatabagCodec<TracingProviderAppData> CODEC =
      DatabagCodec.perFieldJson(TracingProviderAppData.class);

  /**
   * Copies the list as given: a bag that was read keeps the wire order, so that a problem's path
   * ({@code receivers[1].url}) points at the entry the remote application wrote.
   */
  public TracingProviderAppData {
    if (receivers != null) {
      receivers = Collections.unmodifiableList(new ArrayList<>(receivers));
    }
  }

  /**
   * Returns the bag a provider writes: the receivers in {@link Receiver#WIRE_ORDER}, so the bytes
   * do not depend on the order they were gathered in.
   *
   * @param receivers the enabled receivers, in any order
   * @return the bag
   */
  public static TracingProviderAppData sorted(Collection<Receiver> receivers) {
    List<Receiver> sorted = new ArrayList<>(receivers);
    sorted.sort(Receiver.WIRE_ORDER);
    return new TracingProviderAppData(sorted);
  }
}
