package io.charmkit.examples.temporal.pgsql;

import io.charmkit.ops.Charm;
import io.charmkit.ops.event.RelationEvent;
import io.charmkit.ops.framework.Component;
import io.charmkit.ops.framework.CustomEventSource;
import io.charmkit.ops.framework.StoredState;
import io.charmkit.ops.model.Databag;
import io.charmkit.ops.model.Relation;
import io.charmkit.ops.model.Unit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
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
 * extensions} to the application bag and publishes them in the leadership settings under {@code
 * interface.pgsql}; every unit mirrors them into its own unit bag for providers that read unit
 * bags. The request is fixed when the endpoint is built, so a non-leader knows it without reading
 * the leadership settings.
 *
 * <p>It reads the answer: the {@code master} of the first remote bag (application, then units by
 * name) that echoes the request and allows every subnet of this unit. When that value differs from
 * the one seen before, it emits {@link #masterChanged()} with the parsed keywords, or with a
 * problem when the string is not a libpq connection string, so a bad remote value never fails the
 * hook. On relation-broken a master seen before is reported gone.
 */
public final class PgsqlRequirer extends Component {
  /** The leadership-settings key ops-lib-pgsql shares requests under (JUJU.md §7.5). */
  public static final String LEADER_KEY = "interface.pgsql";

  private static final Logger LOG = LoggerFactory.getLogger(PgsqlRequirer.class);

  private final String endpoint;
  private final PgsqlRequest request;
  private final CustomEventSource<MasterChanged> masterChanged;
  private final StoredState<SeenMasters> seen;

  /**
   * Creates the endpoint object for {@code endpoint} and observes its relation events.
   *
   * @param charm the charm
   * @param endpoint the endpoint name from metadata.yaml (interface {@code pgsql})
   * @param request what to ask the provider for
   */
  public PgsqlRequirer(Charm charm, String endpoint, PgsqlRequest request) {
    super(charm, endpoint);
    this.endpoint = endpoint;
    this.request = request;
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
    observe(
        charm.on().leaderElected(), e -> model().relations(endpoint).forEach(this::publishRequest));
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

  private void publishRequest(Relation relation) {
    Map<String, String> wire = request.wire();
    relation.localUnitData().putAll(wire);
    if (!model().isLeader()) {
      return;
    }
    relation.localAppData().putAll(wire);
    publishLeaderSettings();
  }

  /**
   * Keeps {@code interface.pgsql} (a YAML map relation id → request, shared by every pgsql endpoint
   * of the application) in step with this endpoint's relations; written only when it changes.
   */
  private void publishLeaderSettings() {
    String current = model().leaderSetting(LEADER_KEY).orElse("");
    Map<Integer, Map<String, String>> all = new TreeMap<>(readLeaderSettings(current));
    for (Relation relation : model().relations(endpoint)) {
      all.put(relation.id(), new TreeMap<>(request.wire()));
    }
    String next = LeaderSettingsYaml.write(all);
    if (!next.equals(current)) {
      model().setLeaderSettings(Map.of(LEADER_KEY, next));
    }
  }

  private static Map<Integer, Map<String, String>> readLeaderSettings(String yaml) {
    if (yaml.isBlank()) {
      return Map.of();
    }
    try {
      return LeaderSettingsYaml.read(yaml);
    } catch (IllegalArgumentException e) {
      // Our own application wrote it; an unreadable value is replaced, not fatal.
      LOG.warn("replacing unreadable leadership setting {}: {}", LEADER_KEY, e.getMessage());
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
