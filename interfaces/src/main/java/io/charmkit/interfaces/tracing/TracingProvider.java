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
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The provider side of {@code tracing} v2, for a trace backend: reads the receiver protocols every
 * related application requests, and publishes the receivers the backend enabled, with their URLs,
 * to every relation alike (as the Python library's {@code publish_receivers} does).
 *
 * <p>A requirer bag that does not validate is skipped (that application is "not ready", as in the
 * Python library), logged at WARN and listed by {@link #problems()}, naming the relation and field.
 *
 * <p>The endpoint must be declared under {@code provides} with interface {@code tracing}.
 */
public final class TracingProvider extends Component {
  /** The interface name the endpoint must declare. */
  public static final String INTERFACE = "tracing";

  private static final Logger LOG = LoggerFactory.getLogger(TracingProvider.class);

  private final String endpoint;
  private SortedSet<String> requested;
  private final List<RemoteDataProblem> problems = new ArrayList<>();

  /**
   * Creates the provider.
   *
   * @param charm the charm
   * @param endpoint the endpoint, e.g. {@code tracing}
   * @throws IllegalArgumentException if the endpoint is not declared under {@code provides} with
   *     interface {@code tracing}
   */
  public TracingProvider(Charm charm, String endpoint) {
    super(charm, endpoint);
    EndpointDeclaration.require(charm, endpoint, EndpointRole.PROVIDES, INTERFACE);
    this.endpoint = endpoint;
  }

  /**
   * Returns the endpoint name.
   *
   * @return e.g. {@code tracing}
   */
  public String endpoint() {
    return endpoint;
  }

  /**
   * Returns every protocol some related application requests, whether or not this backend serves
   * it: the caller keeps those it supports. Read once per dispatch.
   *
   * @return the protocol names, sorted
   */
  public SortedSet<String> requestedProtocols() {
    if (requested == null) {
      SortedSet<String> all = new TreeSet<>();
      for (Relation relation : model().relations(endpoint)) {
        RemoteAppData.read(relation, TracingRequirerAppData.CODEC, this::reject)
            .ifPresent(bag -> all.addAll(bag.receivers()));
      }
      requested = Collections.unmodifiableSortedSet(all);
    }
    return requested;
  }

  /**
   * Returns the requirer bags {@link #requestedProtocols()} rejected.
   *
   * @return the problems, in relation order
   */
  public List<RemoteDataProblem> problems() {
    requestedProtocols();
    return List.copyOf(problems);
  }

  /**
   * Publishes the enabled receivers to every relation, on the leader only; elsewhere it does
   * nothing. The receivers are written in {@link Receiver#WIRE_ORDER}; with none, {@code []}.
   *
   * @param receivers the receivers this backend enabled, e.g. from {@link Receiver#at}
   */
  public void publish(Collection<Receiver> receivers) {
    if (!model().isLeader()) {
      LOG.debug("not the leader: not publishing tracing receivers");
      return;
    }
    Map<String, String> changes =
        TracingProviderAppData.CODEC.write(TracingProviderAppData.sorted(receivers));
    for (Relation relation : model().relations(endpoint)) {
      relation.localAppData().putAll(changes);
    }
  }

  private void reject(RemoteDataProblem problem) {
    problems.add(problem);
    LOG.warn("ignoring an invalid tracing request: {}", problem.message());
  }
}
