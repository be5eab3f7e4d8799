package io.charmkit.interfaces.tracing;

import io.charmkit.interfaces.EndpointDeclaration;
import io.charmkit.interfaces.RemoteAppData;
import io.charmkit.interfaces.RemoteDataProblem;
import io.charmkit.ops.Charm;
import io.charmkit.ops.framework.Component;
import io.charmkit.ops.metadata.EndpointRole;
import io.charmkit.ops.model.Relation;
import io.charmkit.schema.tracing.Receiver;
import io.charmkit.schema.tracing.TracingProviderAppData;
import io.charmkit.schema.tracing.TracingRequirerAppData;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The requirer side of {@code tracing} v2, for any charm that sends traces: asks the backend for
 * receiver protocols and reads back where each one listens.
 *
 * <p>The leader writes the request when a relation is created and when it is elected (the Python
 * library writes it on every event); a charm whose protocols change calls {@link #request()} again.
 * Until the backend has published, and for protocols it did not enable, {@link #endpoint} is empty.
 *
 * <p>With several relations (an endpoint without {@code limit: 1}), the lowest relation id whose
 * provider bag is valid is used. A provider bag that does not validate is ignored (as not sent),
 * logged at WARN and listed by {@link #problems()}, naming the relation and field.
 *
 * <p>The endpoint must be declared under {@code requires} with interface {@code tracing}.
 */
public final class TracingRequirer extends Component {
  private static final Logger LOG = LoggerFactory.getLogger(TracingRequirer.class);

  private final String endpoint;
  private final List<String> protocols;
  private Map<String, String> receivers;
  private boolean ready;
  private final List<RemoteDataProblem> problems = new ArrayList<>();

  /**
   * Creates the requirer and has the leader request the protocols on relation-created and
   * leader-elected.
   *
   * @param charm the charm
   * @param endpoint the endpoint, e.g. {@code tracing} or {@code charm-tracing}
   * @param protocols the protocols to request, e.g. {@code otlp_http}; sent in this order
   * @throws IllegalArgumentException if the endpoint is not declared under {@code requires} with
   *     interface {@code tracing}, or no protocol (or a blank one) is given
   */
  public TracingRequirer(Charm charm, String endpoint, List<String> protocols) {
    super(charm, endpoint);
    EndpointDeclaration.require(charm, endpoint, EndpointRole.REQUIRES, TracingProvider.INTERFACE);
    if (protocols.isEmpty() || protocols.stream().anyMatch(p -> p == null || p.isBlank())) {
      throw new IllegalArgumentException(
          "a tracing requirer needs one or more non-blank protocols, got " + protocols);
    }
    this.endpoint = endpoint;
    this.protocols = List.copyOf(protocols);
    observe(charm.on().relationCreated(endpoint), e -> request());
    observe(charm.on().leaderElected(), e -> request());
  }

  /**
   * Returns the endpoint name.
   *
   * @return e.g. {@code self-charm-tracing}
   */
  public String endpoint() {
    return endpoint;
  }

  /**
   * Returns the protocols this requirer requests.
   *
   * @return the names, in request order
   */
  public List<String> protocols() {
    return protocols;
  }

  /**
   * Writes the request to every relation, on the leader only; elsewhere it does nothing. Writing
   * what the bag already holds costs no {@code relation-set}.
   */
  public void request() {
    if (!model().isLeader()) {
      return;
    }
    Map<String, String> changes =
        TracingRequirerAppData.CODEC.write(new TracingRequirerAppData(protocols));
    for (Relation relation : model().relations(endpoint)) {
      relation.localAppData().putAll(changes);
    }
  }

  /**
   * Returns every receiver the backend published, protocol to URL (the first entry on the wire for
   * a protocol repeated), whether or not this charm requested it. Read once per dispatch.
   *
   * @return the receivers, sorted by protocol; empty while the backend has published nothing valid,
   *     or with no relation
   */
  public Map<String, String> receivers() {
    read();
    return receivers;
  }

  /**
   * Tells whether the backend has published valid receivers (possibly none).
   *
   * @return whether a relation holds a valid provider bag
   */
  public boolean ready() {
    read();
    return ready;
  }

  /**
   * Returns where to send traces over a protocol this charm requested.
   *
   * @param protocol e.g. {@code otlp_http}
   * @return the URL; empty until the backend publishes a receiver for it
   * @throws IllegalArgumentException if this requirer does not request the protocol (a charm bug)
   */
  public Optional<String> endpoint(String protocol) {
    if (!protocols.contains(protocol)) {
      throw new IllegalArgumentException(
          "protocol '" + protocol + "' is not requested on " + endpoint + ": " + protocols);
    }
    return Optional.ofNullable(receivers().get(protocol));
  }

  /**
   * Returns the provider bags {@link #receivers()} rejected.
   *
   * @return the problems
   */
  public List<RemoteDataProblem> problems() {
    read();
    return List.copyOf(problems);
  }

  /** Reads every relation's provider bag once per dispatch; the lowest valid one is used. */
  private void read() {
    if (receivers != null) {
      return;
    }
    Map<String, String> found = new TreeMap<>();
    List<Relation> relations = new ArrayList<>(model().relations(endpoint));
    relations.sort(Comparator.comparingInt(Relation::id));
    for (Relation relation : relations) {
      Optional<TracingProviderAppData> bag =
          RemoteAppData.read(relation, TracingProviderAppData.CODEC, this::reject);
      if (bag.isPresent() && !ready) {
        ready = true;
        // The first entry of a repeated protocol wins, as the library's get_endpoint picks it.
        for (Receiver receiver : bag.get().receivers()) {
          found.putIfAbsent(receiver.protocol().name(), receiver.url());
        }
      }
    }
    receivers = Collections.unmodifiableMap(found);
  }

  private void reject(RemoteDataProblem problem) {
    problems.add(problem);
    LOG.warn("ignoring invalid tracing receivers: {}", problem.message());
  }
}
