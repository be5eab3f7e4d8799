package io.charmkit.ops.metadata;

/** Which section of {@code metadata.yaml} declared an endpoint. */
public enum EndpointRole {
  /** {@code provides:}. */
  PROVIDES,
  /** {@code requires:}. */
  REQUIRES,
  /** {@code peers:}. */
  PEERS
}
