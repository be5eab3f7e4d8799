package io.charmkit.worker;

import io.charmkit.ops.pebble.Check;
import io.charmkit.ops.pebble.Layer;
import io.charmkit.ops.pebble.Plan;
import io.charmkit.ops.pebble.Service;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the worker base adds to the layer a charm builds (PRODUCTS.md §1.7): the readiness check and
 * Juju's proxy settings; and whether the result differs from the plan.
 */
final class WorkloadLayer {

  /** The readiness check's name, shown in the status when it is down. */
  static final String READY_CHECK = "ready";

  /** Juju's proxy variables and the two names each is exported under, in Python's order. */
  private static final List<List<String>> PROXY_VARIABLES =
      List.of(
          List.of("JUJU_CHARM_HTTPS_PROXY", "HTTPS_PROXY", "https_proxy"),
          List.of("JUJU_CHARM_HTTP_PROXY", "HTTP_PROXY", "http_proxy"),
          List.of("JUJU_CHARM_NO_PROXY", "NO_PROXY", "no_proxy"));

  private WorkloadLayer() {}

  /**
   * Returns {@code layer} with the {@code ready} check (when there is a readiness URL) and, on
   * every service, the proxy variables Juju set for the charm.
   *
   * @param layer the charm's layer
   * @param readinessUrl the URL the check GETs, if the charm has one
   * @param env the process environment
   * @return the complete layer
   */
  static Layer decorate(Layer layer, Optional<String> readinessUrl, Map<String, String> env) {
    Map<String, Service> services = new LinkedHashMap<>();
    layer.services().forEach((name, service) -> services.put(name, withProxy(service, env)));
    Map<String, Check> checks = new LinkedHashMap<>(layer.checks());
    readinessUrl.ifPresent(
        url -> checks.put(READY_CHECK, Check.http("ready", url).withThreshold(3)));
    return new Layer(layer.summary(), layer.description(), services, null, layer.logTargets())
        .withChecks(checks);
  }

  /**
   * Whether adding {@code layer} would change the plan's services or checks (the comparison the
   * Python worker makes before {@code add_layer}).
   */
  static boolean differs(Layer layer, Plan plan) {
    return !layer.services().equals(plan.services()) || !layer.checks().equals(plan.checks());
  }

  private static Service withProxy(Service service, Map<String, String> env) {
    Service.Builder builder = service.toBuilder();
    boolean any = false;
    for (List<String> variable : PROXY_VARIABLES) {
      String value = env.get(variable.get(0));
      if (value != null && !value.isEmpty()) {
        builder.env(variable.get(1), value).env(variable.get(2), value);
        any = true;
      }
    }
    return any ? builder.build() : service;
  }
}
