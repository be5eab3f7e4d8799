package io.charmkit.schema.tracing;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.Comparator;

/**
 * One receiver the provider enabled ({@code Receiver}): its protocol and where it listens.
 *
 * @param protocol the protocol name and transport
 * @param url where to send traces: {@code http(s)://host:port} for an HTTP receiver, {@code
 *     host:port} (no scheme) for a gRPC one
 */
@JsonPropertyOrder({"protocol", "url"})
public record Receiver(
    @JsonProperty("protocol") @NotNull @Valid ReceiverProtocol protocol,
    @JsonProperty("url") @NotBlank String url) {

  /**
   * The order charmkit writes receivers in: by protocol name, then URL. (The Python Tempo charm
   * iterates a set, so its order varies between hooks; a fixed order keeps the bag from flapping.)
   * Invalid entries, with nulls, go last.
   */
  public static final Comparator<Receiver> WIRE_ORDER =
      Comparator.nullsLast(
          Comparator.comparing(
                  (Receiver r) -> r.protocol() == null ? null : r.protocol().name(),
                  Comparator.nullsLast(Comparator.naturalOrder()))
              .thenComparing(Receiver::url, Comparator.nullsLast(Comparator.naturalOrder())));

  /**
   * Builds the receiver a provider reachable at {@code host} publishes for a protocol: {@code
   * http://host:port} or {@code https://host:port} over HTTP, {@code host:port} over gRPC, as the
   * Tempo charm's {@code get_receiver_url} does.
   *
   * @param protocol the protocol and its transport
   * @param host the provider's host name (its FQDN, or an ingress host)
   * @param port the receiver's port
   * @param tls whether the receiver serves TLS (HTTP receivers then use {@code https})
   * @return the receiver
   */
  public static Receiver at(ReceiverProtocol protocol, String host, int port, boolean tls) {
    String hostPort = host + ":" + port;
    return new Receiver(
        protocol, protocol.grpc() ? hostPort : (tls ? "https://" : "http://") + hostPort);
  }
}
