package io.charmkit.schema.tracing;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.Optional;

/**
 * A receiver's protocol as the provider publishes it ({@code ProtocolType}): its name and the
 * transport it runs over.
 *
 * @param name the protocol name, e.g. {@code otlp_http}; what names exist is up to the provider
 * @param type the transport: {@code http} or {@code grpc}
 */
@JsonPropertyOrder({"name", "type"})
public record ReceiverProtocol(
    @JsonProperty("name") @NotBlank String name,
    @JsonProperty("type")
        @NotNull
        @Pattern(regexp = "^(http|grpc)$", message = "must be \"http\" or \"grpc\"")
        String type) {

  /** The transport of HTTP receivers. */
  public static final String HTTP = "http";

  /** The transport of gRPC receivers. */
  public static final String GRPC = "grpc";

  /**
   * The protocols the Python library knows (its {@code ReceiverProtocol} literal), with their
   * transports, in the library's order.
   */
  public static final List<ReceiverProtocol> KNOWN =
      List.of(
          new ReceiverProtocol("zipkin", HTTP),
          new ReceiverProtocol("otlp_grpc", GRPC),
          new ReceiverProtocol("otlp_http", HTTP),
          new ReceiverProtocol("jaeger_grpc", GRPC),
          new ReceiverProtocol("jaeger_thrift_http", HTTP));

  /**
   * Finds a protocol the Python library knows.
   *
   * @param name e.g. {@code otlp_grpc}
   * @return the protocol with its transport; empty for a name the library does not know
   */
  public static Optional<ReceiverProtocol> known(String name) {
    return KNOWN.stream().filter(p -> p.name().equals(name)).findFirst();
  }

  /**
   * Tells whether this protocol runs over gRPC: its URL then carries no scheme.
   *
   * @return whether the transport is {@code grpc}
   */
  public boolean grpc() {
    return GRPC.equals(type);
  }
}
