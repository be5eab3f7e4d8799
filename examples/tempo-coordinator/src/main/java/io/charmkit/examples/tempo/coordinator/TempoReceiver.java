package io.charmkit.examples.tempo.coordinator;

import io.charmkit.schema.tracing.ReceiverProtocol;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The trace receivers a Tempo distributor offers (PRODUCTS.md §2.3), in the order Tempo's charm
 * lists them.
 */
public enum TempoReceiver {
  /** Zipkin over HTTP. */
  ZIPKIN("zipkin", 9411, false),
  /** OTLP over gRPC. */
  OTLP_GRPC("otlp_grpc", 4317, true),
  /** OTLP over HTTP; always requested, since charm tracing needs it. */
  OTLP_HTTP("otlp_http", 4318, false),
  /** Jaeger Thrift over HTTP. */
  JAEGER_THRIFT_HTTP("jaeger_thrift_http", 14268, false),
  /** Jaeger over gRPC. */
  JAEGER_GRPC("jaeger_grpc", 14250, true);

  private final String protocol;
  private final int port;
  private final boolean grpc;

  TempoReceiver(String protocol, int port, boolean grpc) {
    this.protocol = protocol;
    this.port = port;
    this.grpc = grpc;
  }

  /**
   * Returns the protocol name used on the tracing relation and in {@code always_enable_<protocol>}.
   *
   * @return e.g. {@code otlp_grpc}
   */
  public String protocol() {
    return protocol;
  }

  /**
   * Returns the port the receiver listens on, on the workers and on the coordinator's nginx.
   *
   * @return the port
   */
  public int port() {
    return port;
  }

  /**
   * Tells whether the protocol is gRPC (nginx uses {@code grpc_pass}).
   *
   * @return whether it is gRPC
   */
  public boolean grpc() {
    return grpc;
  }

  /**
   * Returns the protocol as the tracing relation publishes it: its name and transport.
   *
   * @return e.g. {@code {"name": "otlp_grpc", "type": "grpc"}}
   */
  public ReceiverProtocol wireProtocol() {
    return new ReceiverProtocol(protocol, grpc ? ReceiverProtocol.GRPC : ReceiverProtocol.HTTP);
  }

  /**
   * Returns the nginx upstream name: the protocol with {@code _} replaced by {@code -}.
   *
   * @return e.g. {@code otlp-grpc}
   */
  public String upstream() {
    return protocol.replace('_', '-');
  }

  /**
   * Finds a receiver by protocol name.
   *
   * @param protocol e.g. {@code jaeger_grpc}
   * @return the receiver; empty for a protocol Tempo does not offer
   */
  public static Optional<TempoReceiver> forProtocol(String protocol) {
    for (TempoReceiver receiver : values()) {
      if (receiver.protocol.equals(protocol)) {
        return Optional.of(receiver);
      }
    }
    return Optional.empty();
  }

  /**
   * Returns the requested receivers: those some tracing relation asks for, those enabled by an
   * {@code always_enable_<protocol>} option, and always {@link #OTLP_HTTP}. Unknown protocol names
   * are ignored.
   *
   * @param askedByRelations protocol names asked for on the tracing relations
   * @param alwaysEnabled receivers whose {@code always_enable_*} option is true
   * @return the requested receivers, in declaration order
   */
  public static Set<TempoReceiver> requested(
      Collection<String> askedByRelations, Collection<TempoReceiver> alwaysEnabled) {
    EnumSet<TempoReceiver> requested = EnumSet.of(OTLP_HTTP);
    requested.addAll(alwaysEnabled);
    for (String protocol : askedByRelations) {
      forProtocol(protocol).ifPresent(requested::add);
    }
    return requested;
  }
}
