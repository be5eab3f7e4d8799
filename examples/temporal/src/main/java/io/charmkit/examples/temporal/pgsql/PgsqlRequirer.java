package io.charmkit.examples.temporal.pgsql;

import io.charmkit.ops.Charm;
import io.charmkit.ops.event.RelationEvent;
import io.charmkit.ops.framework.Component;
import io.charmkit.ops.framework.CustomEventSource;
import io.charmkit.ops.framework.StoredState;
import io.charmkit.ops.metadata.EndpointRole;
import io.charmkit.ops.metadata.EndpointSpec;
import io.charmkit.ops.model.Databag;
import io.charmkit.ops.model.Relation;
import io.charmkit.ops.model.Unit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The requirer side of the legacy {@code pgsql} interface (ops-lib-pgsql's {@code
 * PostgreSQLClient}) for one endpoint, as a typed endpoint object.
 *
 * <p>It asks for a database: the leader writes {@code database}, {@code roles} and {@code
 * extensions} to the application bag and to its unit bag, and shares the request with the other
 * units under {@code interface.pgsql} in the application bag of the charm's peer relation (a YAML
 * map from relation id to request, shared by every pgsql endpoint of the application). A non-leader
 * reads its relation's entry there and mirrors it into its own unit bag, for providers that read
 * unit bags. ops-lib-pgsql kept that map in Juju 2's leadership settings; Juju 3 has none, and the
 * peer application bag is where ops and current client libraries keep what the leader shares.
 *
 * <p>Until the peer relation exists (early hooks) or the leader has shared a relation's request, a
 * non-leader writes nothing for it and waits: the peer relation's created and changed events
 * trigger the mirroring again, as do the endpoint's own relation events. The leader likewise shares
 * its requests when the peer relation appears. The wire towards the provider is unchanged.
 *
 * <p>It reads the answer: the {@code master} of the first remote bag (application, then units by
 * name) that echoes the request and allows every subnet of this unit. When that value differs from
 * the one seen before, it emits {@link #masterChanged()} with the parsed keywords, or with a
 * problem when the string is not a libpq connection string, so a bad remote value never fails the
 * hook. On relation-broken a master seen before is reported gone.
 */
public final class PgsqlRequirer extends Component {
  /** The peer application-bag key the requests are shared under (JUJU.md §7.5's key). */
  public static final String SHARED_KEY = "interface.pgsql";

  private static final Logger LOG = LoggerFactory.getLogger(PgsqlRequirer.class);

  private final String endpoint;
  private final String peerEndpoint;
  private final PgsqlRequest request;
  private final CustomEventSource<MasterChanged> masterChanged;
  private final StoredState<SeenMasters> seen;

  /**
   * Creates the endpoint object for {@code endpoint} and observes its relation events and those of
   * the peer relation the requests are shared through.
   *
   * @param charm the charm
   * @param endpoint the endpoint name from metadata.yaml (interface {@code pgsql})
   * @param request what to ask the provider for
   * @param peerEndpoint the charm's peer endpoint, whose application bag carries the shared
   *     requests
   * @throws IllegalArgumentException when {@code peerEndpoint} is not a peer endpoint of the charm
   */
  public PgsqlRequirer(Charm charm, String endpoint, PgsqlRequest request, String peerEndpoint) {
    super(charm, endpoint);
    this.endpoint = endpoint;
    this.peerEndpoint = peerEndpoint;
    this.request = request;
    if (charm.model().metadata().endpoint(peerEndpoint).map(EndpointSpec::role).orElse(null)
        != EndpointRole.PEERS) {
      throw new IllegalArgumentException(
          "pgsql endpoint "
              + endpoint
              + " shares its requests through peer relation '"
              + peerEndpoint
              + "', which metadata.yaml does not declare under peers");
    }
    this.masterChanged = defineEvent("master_changed", MasterChanged.class);
    this.seen = storedState("masters", SeenMasters.class, SeenMasters::none);
    observe(charm.on().relationCreated(endpoint), e -> publishRequest(e.relation()));
    observe(
        charm.on().relationJoined(endpoint),
        e -> {
          publishRequest(e.relation());
          checkMaster(e.relation());
        });
    observe(charm.on().relationChanged(endpoint), e -> checkMaster(e.relation()));
    observe(charm.on().relationDeparted(endpoint), e -> checkMaster(e.relation()));
    observe(charm.on().relationBroken(endpoint), this::onBroken);
    observe(charm.on().leaderElected(), e -> publishAll());
    observe(charm.on().relationCreated(peerEndpoint), e -> publishAll());
    observe(charm.on().relationChanged(peerEndpoint), e -> publishAll());
  }

  /** Emitted when the master connection appears, changes, becomes unreadable or goes away. */
  public CustomEventSource<MasterChanged> masterChanged() {
    return masterChanged;
  }

  /** The endpoint name. */
  public String endpoint() {
    return endpoint;
  }

  /** What this endpoint asks for. */
  public PgsqlRequest request() {
    return request;
  }

  private void publishAll() {
    model().relations(endpoint).forEach(this::publishRequest);
  }

  private void publishRequest(Relation relation) {
    if (model().isLeader()) {
      Map<String, String> wire = request.wire();
      relation.localAppData().putAll(wire);
      relation.localUnitData().putAll(wire);
      share(relation.id(), wire);
      return;
    }
    Optional<Map<String, String>> shared = sharedRequest(relation.id());
    if (shared.isEmpty()) {
      LOG.debug(
          "{} relation {}: the leader has not shared its request in peer relation {} yet",
          endpoint,
          relation.id(),
          peerEndpoint);
      return;
    }
    // All three keys, so one the leader dropped is deleted here too.
    Map<String, String> mirror = new LinkedHashMap<>();
    for (String key : request.wire().keySet()) {
      mirror.put(key, shared.get().getOrDefault(key, ""));
    }
    relation.localUnitData().putAll(mirror);
  }

  /** The peer relation, once Juju has created it. */
  private Optional<Relation> peer() {
    return model().relation(peerEndpoint);
  }

  /** The request the leader shared for relation {@code id}, if any. */
  private Optional<Map<String, String>> sharedRequest(int id) {
    return Optional.ofNullable(readShared(sharedText()).get(id));
  }

  private String sharedText() {
    return peer().flatMap(p -> p.localAppData().get(SHARED_KEY)).orElse("");
  }

  /**
   * Sets (or, for an empty {@code wire}, removes) relation {@code id}'s entry of the shared map in
   * the peer application bag; written only when it changes. Leader only.
   */
  private void share(int id, Map<String, String> wire) {
    Optional<Relation> peer = peer();
    if (peer.isEmpty()) {
      LOG.debug(
          "no {} peer relation yet: the {} request is shared once it exists",
          peerEndpoint,
          endpoint);
      return;
    }
    String current = peer.get().localAppData().get(SHARED_KEY).orElse("");
    Map<Integer, Map<String, String>> all = new TreeMap<>(readShared(current));
    if (wire.isEmpty()) {
      all.remove(id);
    } else {
      all.put(id, new TreeMap<>(wire));
    }
    String next = SharedRequestsYaml.write(all);
    if (!next.equals(current)) {
      peer.get().localAppData().put(SHARED_KEY, next);
    }
  }

  private static Map<Integer, Map<String, String>> readShared(String yaml) {
    if (yaml.isBlank()) {
      return Map.of();
    }
    try {
      return SharedRequestsYaml.read(yaml);
    } catch (IllegalArgumentException e) {
      // Our own application wrote it; an unreadable value is replaced (or waited out), not fatal.
      LOG.warn("ignoring the unreadable shared {} value: {}", SHARED_KEY, e.getMessage());
      return Map.of();
    }
  }

  private void checkMaster(Relation relation) {
    String master = currentMaster(relation).orElse("");
    String before = seen.get().of(relation.id());
    if (master.equals(before)) {
      return;
    }
    seen.set(seen.get().with(relation.id(), master));
    if (master.isEmpty()) {
      masterChanged.emit(new MasterChanged(endpoint, relation.id(), Map.of(), ""));
      return;
    }
    try {
      ConnectionString parsed = ConnectionString.parse(master);
      masterChanged.emit(new MasterChanged(endpoint, relation.id(), parsed.keywords(), ""));
    } catch (ConnectionStringException e) {
      String from = relation.app().map(a -> a.name()).orElse("the provider");
      masterChanged.emit(
          new MasterChanged(
              endpoint, relation.id(), Map.of(), "master from " + from + " is " + e.getMessage()));
    }
  }

  private void onBroken(RelationEvent event) {
    int id = event.relation().id();
    if (model().isLeader()) {
      share(id, Map.of());
    }
    if (!seen.get().of(id).isEmpty()) {
      seen.set(seen.get().with(id, ""));
      masterChanged.emit(new MasterChanged(endpoint, id, Map.of(), ""));
    }
  }

  /**
   * The {@code master} of the first ready remote bag: the remote application's, then the remote
   * units' in name order.
   */
  private Optional<String> currentMaster(Relation relation) {
    Set<String> egress = subnets(relation.localUnitData().get("egress-subnets").orElse(""));
    List<Databag> bags = new ArrayList<>();
    relation.remoteAppData().ifPresent(bags::add);
    relation.units().stream()
        .sorted(Comparator.comparing(Unit::name))
        .forEach(u -> bags.add(relation.data(u)));
    for (Databag bag : bags) {
      Map<String, String> data = bag.asMap();
      if (isReady(data, egress)) {
        Optional<String> master = Optional.ofNullable(data.get("master")).filter(m -> !m.isEmpty());
        if (master.isPresent()) {
          return master;
        }
      }
    }
    return Optional.empty();
  }

  private boolean isReady(Map<String, String> remote, Set<String> egress) {
    Map<String, String> wanted = request.wire();
    for (Map.Entry<String, String> e : wanted.entrySet()) {
      if (e.getKey().equals("database") && e.getValue().isEmpty()) {
        continue;
      }
      if (!remote.getOrDefault(e.getKey(), "").equals(e.getValue())) {
        return false;
      }
    }
    return subnets(remote.getOrDefault("allowed-subnets", "")).containsAll(egress);
  }

  private static Set<String> subnets(String commaList) {
    return Arrays.stream(commaList.split(","))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .collect(Collectors.toSet());
  }
}
