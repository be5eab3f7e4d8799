package io.charmkit.worker;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The environment that sends a Grafana workload's own traces to a Jaeger thrift-over-HTTP receiver
 * (PRODUCTS.md §3.2, §4.2): Pyroscope and Loki read these variables; Tempo uses OTLP instead.
 */
public final class JaegerTracing {

  /** The receiver protocol the coordinator names in {@code workload_tracing_receivers}. */
  public static final String PROTOCOL = "jaeger_thrift_http";

  private JaegerTracing() {}

  /**
   * Returns the tracing variables for the coordinator's receivers: every trace sampled, tagged with
   * the unit's topology.
   *
   * @param receivers the coordinator's {@code workload_tracing_receivers}, protocol to URL
   * @param topologyAttributes the unit's {@code juju_*} attribute list ({@link
   *     WorkerCharm#topologyAttributes()})
   * @return {@code JAEGER_ENDPOINT}, {@code JAEGER_SAMPLER_PARAM}, {@code JAEGER_SAMPLER_TYPE} and
   *     {@code JAEGER_TAGS}; empty when there is no {@value #PROTOCOL} receiver
   */
  public static Map<String, String> environment(
      Map<String, String> receivers, String topologyAttributes) {
    Map<String, String> env = new LinkedHashMap<>();
    String endpoint = receivers.get(PROTOCOL);
    if (endpoint != null) {
      env.put("JAEGER_ENDPOINT", endpoint + "/api/traces?format=jaeger.thrift");
      env.put("JAEGER_SAMPLER_PARAM", "1");
      env.put("JAEGER_SAMPLER_TYPE", "const");
      env.put("JAEGER_TAGS", topologyAttributes);
    }
    return env;
  }
}
