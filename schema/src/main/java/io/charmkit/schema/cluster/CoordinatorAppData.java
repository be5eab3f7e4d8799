package io.charmkit.schema.cluster;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.charmkit.schema.codec.DatabagCodec;
import io.charmkit.schema.codec.RawTextAccepted;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;

/**
 * The coordinator application's databag on a cluster relation ({@code ClusterProviderAppData},
 * WIRE.md §3.3), written by the coordinator leader. Fields are in the order the running charms
 * declare them; every field but {@code workerConfig} may be {@code null} (absent).
 *
 * <p>Read tolerantly (WIRE.md §3.7): {@code s3_tls_ca_chain} may be raw PEM or JSON-quoted, and the
 * tempo v1 spec's {@code s3_tls_ca_cert} is read when {@code s3_tls_ca_chain} is absent; {@code
 * worker_ports} items may be numeric strings or integral floats; unknown keys such as {@code
 * tempo_receiver} are ignored. Written canonically: every string JSON-quoted, never {@code
 * s3_tls_ca_cert}.
 *
 * @param workerConfig the workload's whole configuration file, as YAML text
 * @param lokiEndpoints Loki unit name to push URL
 * @param charmTracingReceivers protocol to URL, for the worker charm's own traces
 * @param workloadTracingReceivers protocol to URL, for the workload's traces
 * @param remoteWriteEndpoints where the workload sends metrics
 * @param workerPorts the ports this worker application must open; an unordered set on the wire
 * @param caCert the CA certificate (PEM)
 * @param serverCert the coordinator leader's certificate (PEM)
 * @param privkeySecretId the ID of the Juju secret holding the private key
 * @param s3TlsCaChain the S3 endpoint's CA chain (PEM certificates joined by a blank line)
 * @param workerLabels pod labels for the workers
 */
@JsonPropertyOrder({
  "worker_config",
  "loki_endpoints",
  "charm_tracing_receivers",
  "workload_tracing_receivers",
  "remote_write_endpoints",
  "worker_ports",
  "ca_cert",
  "server_cert",
  "privkey_secret_id",
  "s3_tls_ca_chain",
  "worker_labels"
})
public record CoordinatorAppData(
    @JsonProperty("worker_config") @NotNull String workerConfig,
    @JsonProperty("loki_endpoints") Map<String, @NotNull String> lokiEndpoints,
    @JsonProperty("charm_tracing_receivers") Map<String, @NotNull String> charmTracingReceivers,
    @JsonProperty("workload_tracing_receivers")
        Map<String, @NotNull String> workloadTracingReceivers,
    @JsonProperty("remote_write_endpoints")
        List<@NotNull @Valid RemoteWriteEndpoint> remoteWriteEndpoints,
    @JsonProperty("worker_ports")
        List<
                @NotNull @Min(value = 1, message = "must be a port number from 1 to 65535")
                @Max(value = 65535, message = "must be a port number from 1 to 65535") Integer>
            workerPorts,
    @JsonProperty("ca_cert") String caCert,
    @JsonProperty("server_cert") String serverCert,
    @JsonProperty("privkey_secret_id") String privkeySecretId,
    @JsonProperty("s3_tls_ca_chain") @JsonAlias("s3_tls_ca_cert") @RawTextAccepted
        String s3TlsCaChain,
    @JsonProperty("worker_labels") Map<String, @NotNull String> workerLabels) {

  /** The codec for this bag. */
  public static final DatabagCodec<CoordinatorAppData> CODEC =
      DatabagCodec.perFieldJson(CoordinatorAppData.class);

  /**
   * Starts a bag with the one required field; every other field starts absent.
   *
   * @param workerConfig the workload configuration, as YAML text
   * @return a builder
   */
  public static Builder builder(String workerConfig) {
    return new Builder(workerConfig);
  }

  /**
   * Returns a builder holding this bag's values, to change some of them.
   *
   * @return a builder
   */
  public Builder toBuilder() {
    Builder b = new Builder(workerConfig);
    b.lokiEndpoints = lokiEndpoints;
    b.charmTracingReceivers = charmTracingReceivers;
    b.workloadTracingReceivers = workloadTracingReceivers;
    b.remoteWriteEndpoints = remoteWriteEndpoints;
    b.workerPorts = workerPorts;
    b.caCert = caCert;
    b.serverCert = serverCert;
    b.privkeySecretId = privkeySecretId;
    b.s3TlsCaChain = s3TlsCaChain;
    b.workerLabels = workerLabels;
    return b;
  }

  /** Collects the many optional fields of a {@link CoordinatorAppData}. */
  public static final class Builder {
    private String workerConfig;
    private Map<String, String> lokiEndpoints;
    private Map<String, String> charmTracingReceivers;
    private Map<String, String> workloadTracingReceivers;
    private List<RemoteWriteEndpoint> remoteWriteEndpoints;
    private List<Integer> workerPorts;
    private String caCert;
    private String serverCert;
    private String privkeySecretId;
    private String s3TlsCaChain;
    private Map<String, String> workerLabels;

    private Builder(String workerConfig) {
      this.workerConfig = workerConfig;
    }

    /**
     * Sets the workload configuration.
     *
     * @param value YAML text
     * @return this builder
     */
    public Builder workerConfig(String value) {
      this.workerConfig = value;
      return this;
    }

    /**
     * Sets the Loki push endpoints.
     *
     * @param value unit name to URL, or null for absent
     * @return this builder
     */
    public Builder lokiEndpoints(Map<String, String> value) {
      this.lokiEndpoints = value;
      return this;
    }

    /**
     * Sets the charm-tracing receivers.
     *
     * @param value protocol to URL, or null for absent
     * @return this builder
     */
    public Builder charmTracingReceivers(Map<String, String> value) {
      this.charmTracingReceivers = value;
      return this;
    }

    /**
     * Sets the workload-tracing receivers.
     *
     * @param value protocol to URL, or null for absent
     * @return this builder
     */
    public Builder workloadTracingReceivers(Map<String, String> value) {
      this.workloadTracingReceivers = value;
      return this;
    }

    /**
     * Sets the remote-write endpoints.
     *
     * @param value the endpoints, or null for absent
     * @return this builder
     */
    public Builder remoteWriteEndpoints(List<RemoteWriteEndpoint> value) {
      this.remoteWriteEndpoints = value;
      return this;
    }

    /**
     * Sets the ports the worker must open.
     *
     * @param value the ports, or null for absent
     * @return this builder
     */
    public Builder workerPorts(List<Integer> value) {
      this.workerPorts = value;
      return this;
    }

    /**
     * Sets the TLS material: CA, server certificate and the private key's secret ID.
     *
     * @param ca the CA certificate (PEM)
     * @param server the server certificate (PEM)
     * @param privkeySecret the secret ID
     * @return this builder
     */
    public Builder tls(String ca, String server, String privkeySecret) {
      this.caCert = ca;
      this.serverCert = server;
      this.privkeySecretId = privkeySecret;
      return this;
    }

    /**
     * Sets the S3 CA chain.
     *
     * @param value PEM certificates joined by a blank line, or null for absent
     * @return this builder
     */
    public Builder s3TlsCaChain(String value) {
      this.s3TlsCaChain = value;
      return this;
    }

    /**
     * Sets the worker pod labels.
     *
     * @param value label to value, or null for absent
     * @return this builder
     */
    public Builder workerLabels(Map<String, String> value) {
      this.workerLabels = value;
      return this;
    }

    /**
     * Returns the bag.
     *
     * @return the bag; not validated until written
     */
    public CoordinatorAppData build() {
      return new CoordinatorAppData(
          workerConfig,
          lokiEndpoints,
          charmTracingReceivers,
          workloadTracingReceivers,
          remoteWriteEndpoints,
          workerPorts,
          caCert,
          serverCert,
          privkeySecretId,
          s3TlsCaChain,
          workerLabels);
    }
  }
}
