package io.charmkit.cosstandin;

import io.charmkit.interfaces.RemoteDataProblem;
import io.charmkit.interfaces.tracing.TracingProvider;
import io.charmkit.ops.Charm;
import io.charmkit.ops.Dispatcher;
import io.charmkit.ops.context.HostFqdn;
import io.charmkit.ops.event.CollectStatusEvent;
import io.charmkit.ops.framework.Framework;
import io.charmkit.ops.model.Databag;
import io.charmkit.ops.model.Relation;
import io.charmkit.ops.model.Status;
import io.charmkit.ops.model.Unit;
import io.charmkit.schema.dashboard.DashboardProviderAppData;
import io.charmkit.schema.loki.LokiProviderUnitData;
import io.charmkit.schema.loki.LokiPushEndpoint;
import io.charmkit.schema.scrape.ScrapeProviderAppData;
import io.charmkit.schema.scrape.ScrapeProviderUnitData;
import io.charmkit.schema.tracing.Receiver;
import io.charmkit.schema.tracing.ReceiverProtocol;
import io.charmkit.schema.validation.DatabagValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stand-in for the COS charms a coordinator reports to. On every hook it publishes what a Tempo,
 * a Loki and a Traefik publish (the trace receivers asked for on {@code tracing}, each unit's push
 * URL on {@code logging}, the configured external host and scheme on {@code traefik-route}), and
 * reads what a Prometheus and a Grafana read ({@code metrics-endpoint}, {@code grafana-dashboard});
 * its status counts what it received ({@link Received#summary()}).
 */
public final class CosStandinCharm extends Charm {
  private static final Logger LOG = LoggerFactory.getLogger(CosStandinCharm.class);

  /** The ports Tempo serves its receivers on, per protocol (PRODUCTS.md, Tempo's receivers). */
  private static final Map<String, Integer> RECEIVER_PORTS =
      Map.of(
          "zipkin", 9411,
          "otlp_grpc", 4317,
          "otlp_http", 4318,
          "jaeger_grpc", 14250,
          "jaeger_thrift_http", 14268);

  /** The port Loki takes pushed logs on. */
  private static final int LOKI_PORT = 3100;

  private final TracingProvider tracing;
  private final Supplier<String> fqdn;

  /**
   * Registers the tracing provider and one reconcile for every hook; the unit's FQDN is the host's.
   *
   * @param framework the dispatch's framework
   */
  public CosStandinCharm(Framework framework) {
    this(framework, () -> HostFqdn.resolve(System.getenv()));
  }

  /** As the public constructor, with the unit's FQDN given (tests run on any host). */
  CosStandinCharm(Framework framework, Supplier<String> fqdn) {
    super(framework);
    this.fqdn = fqdn;
    tracing = new TracingProvider(this, "tracing");
    on().everyHook().forEach(source -> observe(source, e -> reconcile()));
    observe(on().collectUnitStatus(), this::collectStatus);
  }

  private void reconcile() {
    String host = fqdn.get();
    // Tempo: every requested protocol it knows, served on this unit (the leader publishes).
    List<Receiver> receivers = new ArrayList<>();
    for (String name : tracing.requestedProtocols()) {
      Optional<ReceiverProtocol> protocol = ReceiverProtocol.known(name);
      if (protocol.isPresent()) {
        receivers.add(Receiver.at(protocol.get(), host, RECEIVER_PORTS.get(name), false));
      }
    }
    tracing.publish(receivers);
    // Loki: each unit its own push URL, as LokiPushApiProvider writes it.
    Map<String, String> endpoint =
        LokiProviderUnitData.CODEC.write(
            new LokiProviderUnitData(
                new LokiPushEndpoint("http://" + host + ":" + LOKI_PORT + "/loki/api/v1/push")));
    for (Relation relation : model().relations("logging")) {
      relation.localUnitData().putAll(endpoint);
    }
    // Traefik: the leader says where it serves, as traefik-k8s's route provider does.
    if (model().isLeader()) {
      for (Relation relation : model().relations("traefik-route")) {
        relation
            .localAppData()
            .put("external_host", model().config().string("external-host").orElse(""));
        relation.localAppData().put("scheme", model().config().string("scheme").orElse("http"));
      }
    }
  }

  private void collectStatus(CollectStatusEvent event) {
    Received received = received();
    if (!received.problems().isEmpty()) {
      event.addStatus(Status.blocked(received.problems().get(0)));
    } else {
      event.addStatus(Status.active(received.summary()));
    }
  }

  /**
   * Reads what every related charm sent; a bag that does not validate is a problem, not a crash.
   */
  private Received received() {
    List<String> problems = new ArrayList<>();
    int jobs = 0;
    int groups = 0;
    int addresses = 0;
    for (Relation relation : model().relations("metrics-endpoint")) {
      Optional<ScrapeProviderAppData> scrape =
          read(relation, ScrapeProviderAppData.CODEC::read, problems);
      if (scrape.isPresent()) {
        jobs += scrape.get().scrapeJobs().size();
        groups +=
            scrape.get().alertRules() == null || scrape.get().alertRules().groups() == null
                ? 0
                : scrape.get().alertRules().groups().size();
      }
      for (Unit unit : relation.units()) {
        if (relation
            .data(unit)
            .get(ScrapeProviderUnitData.ADDRESS)
            .filter(a -> !a.isBlank())
            .isPresent()) {
          addresses++;
        }
      }
    }
    int dashboards = 0;
    for (Relation relation : model().relations("grafana-dashboard")) {
      Optional<DashboardProviderAppData> bag =
          read(relation, DashboardProviderAppData.CODEC::read, problems);
      if (bag.isPresent()) {
        dashboards += bag.get().dashboards().templates().size();
      }
    }
    tracing.problems().stream().map(RemoteDataProblem::summary).forEach(problems::add);
    SortedSet<String> traces = new TreeSet<>(tracing.requestedProtocols());
    int senders =
        (int) model().relations("logging").stream().filter(r -> r.app().isPresent()).count();
    return new Received(jobs, groups, addresses, dashboards, traces, senders, problems);
  }

  /** How a schema codec reads a bag: the bag and where it lives, for the error message. */
  @FunctionalInterface
  private interface BagReader<T> {
    T read(Map<String, String> bag, String location);
  }

  /**
   * Reads the remote application's bag of a relation: empty when it wrote nothing yet, or when the
   * bag does not validate (then {@code problems} says why and where).
   */
  private static <T> Optional<T> read(
      Relation relation, BagReader<T> reader, List<String> problems) {
    Optional<Databag> bag = relation.remoteAppData();
    if (bag.isEmpty() || bag.get().isEmpty()) {
      return Optional.empty();
    }
    String owner = bag.get().owner();
    try {
      return Optional.of(
          reader.read(bag.get().asMap(), RemoteDataProblem.location(relation, owner, true)));
    } catch (DatabagValidationException e) {
      RemoteDataProblem problem =
          new RemoteDataProblem(relation.name(), relation.id(), owner, true, e.problems());
      LOG.warn("ignoring {}", problem.message());
      problems.add(problem.summary());
      return Optional.empty();
    }
  }

  /**
   * The entry point the charm's dispatch script runs.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    Dispatcher.main(CosStandinCharm::new);
  }
}
