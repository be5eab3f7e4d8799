package io.charmkit.interfaces.cluster;

import io.charmkit.interfaces.RemoteDataProblem;
import io.charmkit.ops.Charm;
import io.charmkit.ops.framework.Component;
import io.charmkit.ops.framework.StoredState;
import io.charmkit.ops.model.Application;
import io.charmkit.ops.model.Relation;
import io.charmkit.ops.model.Secret;
import io.charmkit.ops.model.Unit;
import io.charmkit.schema.cluster.CoordinatorAppData;
import io.charmkit.schema.cluster.WorkerAppData;
import io.charmkit.schema.cluster.WorkerUnitData;
import io.charmkit.schema.validation.DatabagValidationException;
import io.charmkit.schema.validation.Problem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The coordinator's side of a cluster relation ({@code tempo_cluster}, {@code pyroscope_cluster},
 * {@code loki_cluster}, {@code mimir_cluster}: one format, WIRE.md §3).
 *
 * <p>{@link #gather()} reads what the workers sent: roles (expanded with the product's {@link
 * RolesTable}), addresses and topologies; a worker bag that is not valid is skipped, logged at WARN
 * and reported in the view, never thrown. {@link #publish} sends the coordinator's data to every
 * relation whose remote data is complete, on the leader only. {@link #grantSecret} lets the workers
 * read the TLS private key.
 *
 * <p>Unknown role names are skipped and reported: a worker application that publishes only unknown
 * roles (e.g. {@code imposter}) gets no config, one that publishes {@code querier,imposter} serves
 * as a querier.
 */
public final class ClusterProvider extends Component {
  private static final Logger LOG = LoggerFactory.getLogger(ClusterProvider.class);

  /** The longest worker address accepted, in characters (a DNS name is at most 253). */
  private static final int MAX_ADDRESS = 255;

  /** Orders units by application, then by number (so {@code w/2} comes before {@code w/10}). */
  private static final Comparator<Unit> UNIT_ORDER =
      Comparator.comparing(Unit::appName)
          .thenComparingInt(ClusterProvider::unitNumber)
          .thenComparing(Unit::name);

  private final String endpoint;
  private final RolesTable rolesTable;
  private final StoredState<SecretGrants> grants;
  private ClusterView view;

  /**
   * Creates the endpoint.
   *
   * @param charm the coordinator charm
   * @param endpoint the cluster endpoint's name, e.g. {@code tempo-cluster}
   * @param rolesTable the product's roles
   * @throws IllegalArgumentException if the charm declares no such endpoint
   */
  public ClusterProvider(Charm charm, String endpoint, RolesTable rolesTable) {
    super(charm, endpoint);
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    this.rolesTable = Objects.requireNonNull(rolesTable, "rolesTable");
    if (charm.model().metadata().endpoint(endpoint).isEmpty()) {
      throw new IllegalArgumentException(
          "the charm declares no endpoint '"
              + endpoint
              + "' (declared: "
              + String.join(", ", charm.model().metadata().endpoints().keySet())
              + ")");
    }
    this.grants = storedState("grants", SecretGrants.class, () -> new SecretGrants("", List.of()));
  }

  /**
   * Returns what the workers sent, read once per dispatch (remote data does not change during a
   * hook).
   *
   * @return the view
   */
  public ClusterView gather() {
    if (view == null) {
      List<WorkerRelation> relations = new ArrayList<>();
      for (Relation relation : model().relations(endpoint)) {
        relations.add(read(relation));
      }
      view = new ClusterView(relations);
    }
    return view;
  }

  /**
   * Sends {@code data}, as it is, to every relation whose remote data is complete, on the leader
   * only; elsewhere it does nothing. Keys {@code data} leaves absent are deleted from the bag.
   * Nothing reaches Juju for a bag whose bytes did not change.
   *
   * @param data what to send; its {@code worker_ports} is used as is
   */
  public void publish(CoordinatorAppData data) {
    publish(data, null);
  }

  /**
   * Sends {@code data} to every relation whose remote data is complete, with {@code worker_ports}
   * computed per relation, on the leader only; elsewhere it does nothing.
   *
   * @param data what to send to every worker
   * @param workerPorts the ports a worker application must open, given its relation (use {@link
   *     WorkerRelation#role()}, the raw published roles, as coordinated-workers does); {@code null}
   *     to send {@code data}'s own {@code worker_ports}
   * @throws DatabagValidationException if {@code data} breaks its own constraints (a charm bug)
   */
  public void publish(
      CoordinatorAppData data, Function<WorkerRelation, List<Integer>> workerPorts) {
    Objects.requireNonNull(data, "data");
    if (!model().isLeader()) {
      LOG.debug("not the leader: not publishing to {}", endpoint);
      return;
    }
    Map<List<Integer>, Map<String, String>> encoded = new HashMap<>();
    Map<String, String> shared = null;
    for (WorkerRelation worker : gather().relations()) {
      if (!worker.complete()) {
        LOG.debug(
            "relation {}:{}: worker data incomplete; not publishing",
            endpoint,
            worker.relationId());
        continue;
      }
      Map<String, String> changes;
      if (workerPorts == null) {
        if (shared == null) {
          shared = CoordinatorAppData.CODEC.write(data);
        }
        changes = shared;
      } else {
        List<Integer> ports = List.copyOf(workerPorts.apply(worker));
        changes =
            encoded.computeIfAbsent(
                ports,
                p -> CoordinatorAppData.CODEC.write(data.toBuilder().workerPorts(p).build()));
      }
      model().relation(endpoint, worker.relationId()).localAppData().putAll(changes);
    }
  }

  /**
   * Grants {@code secret} (the TLS private key) to the worker application of every cluster
   * relation. Each grant is made once: the relations already granted are remembered in stored
   * state. Only the secret's owner (the coordinator leader unit) may grant.
   *
   * @param secret the secret to grant
   */
  public void grantSecret(Secret secret) {
    String id = Secret.normalise(secret.id().orElseGet(() -> secret.info().id()));
    SecretGrants done = grants.get();
    List<Integer> granted =
        id.equals(done.secretId()) ? new ArrayList<>(done.relationIds()) : new ArrayList<>();
    boolean changed = !id.equals(done.secretId());
    for (Relation relation : model().relations(endpoint)) {
      if (!granted.contains(relation.id())) {
        secret.grant(relation);
        granted.add(relation.id());
        changed = true;
      }
    }
    if (changed) {
      granted.sort(Comparator.naturalOrder());
      grants.set(new SecretGrants(id, granted));
    }
  }

  private WorkerRelation read(Relation relation) {
    List<RemoteDataProblem> problems = new ArrayList<>();
    Optional<Application> app = relation.app();
    Optional<String> role = Optional.empty();
    SortedSet<String> roles = new TreeSet<>();
    if (app.isPresent()) {
      Optional<WorkerAppData> appData = readAppBag(relation, app.get(), problems);
      role = appData.map(WorkerAppData::role);
      appData.ifPresent(d -> roles.addAll(knownRoles(relation, app.get(), d, problems)));
    }
    List<Unit> remoteUnits = new ArrayList<>(relation.units());
    remoteUnits.sort(UNIT_ORDER);
    List<WorkerUnit> units = new ArrayList<>();
    boolean everyUnitValid = true;
    for (Unit unit : remoteUnits) {
      Optional<WorkerUnit> worker = readUnitBag(relation, unit, problems);
      worker.ifPresent(units::add);
      everyUnitValid &= worker.isPresent();
    }
    boolean complete =
        app.isPresent() && !roles.isEmpty() && !remoteUnits.isEmpty() && everyUnitValid;
    return new WorkerRelation(
        relation.id(),
        app.map(Application::name),
        role,
        roles,
        remoteUnits.size(),
        units,
        problems,
        complete);
  }

  private Optional<WorkerAppData> readAppBag(
      Relation relation, Application app, List<RemoteDataProblem> problems) {
    Map<String, String> bag = relation.data(app).asMap();
    if (!bag.containsKey("role")) {
      return Optional.empty(); // not published yet: nothing is wrong
    }
    try {
      return Optional.of(
          WorkerAppData.CODEC.read(bag, RemoteDataProblem.location(relation, app.name(), true)));
    } catch (DatabagValidationException e) {
      problems.add(reject(relation, app.name(), true, e.problems()));
      return Optional.empty();
    }
  }

  private SortedSet<String> knownRoles(
      Relation relation, Application app, WorkerAppData data, List<RemoteDataProblem> problems) {
    List<String> known = new ArrayList<>();
    List<Problem> unknown = new ArrayList<>();
    for (String role : data.roles()) {
      if (role.isEmpty()) {
        unknown.add(new Problem("role", "has an empty role name in \"" + data.role() + "\""));
      } else if (rolesTable.roles().contains(role)) {
        known.add(role);
      } else {
        unknown.add(
            new Problem(
                "role",
                "\""
                    + role
                    + "\" is not a known role (expected one of "
                    + String.join(", ", new TreeSet<>(rolesTable.roles()))
                    + "); ignored"));
      }
    }
    if (!unknown.isEmpty()) {
      problems.add(reject(relation, app.name(), true, unknown));
    }
    SortedSet<String> expanded = rolesTable.expand(known);
    // A table's expansion might name a role the table does not list; such a name is not a role.
    expanded.removeIf(r -> !rolesTable.roles().contains(r));
    return expanded;
  }

  private Optional<WorkerUnit> readUnitBag(
      Relation relation, Unit unit, List<RemoteDataProblem> problems) {
    Map<String, String> bag = relation.data(unit).asMap();
    if (WorkerUnitData.CODEC.keys().stream().noneMatch(bag::containsKey)) {
      return Optional.empty(); // only Juju's own keys so far: not published yet
    }
    try {
      WorkerUnitData data =
          WorkerUnitData.CODEC.read(
              bag,
              RemoteDataProblem.location(relation, unit.name(), false),
              ClusterProvider::addressProblems);
      return Optional.of(new WorkerUnit(unit.name(), data.address(), data.jujuTopology()));
    } catch (DatabagValidationException e) {
      problems.add(reject(relation, unit.name(), false, e.problems()));
      return Optional.empty();
    }
  }

  /**
   * The address goes into every worker's configuration (the memberlist ring), which has a size
   * limit: one no host name or address can be is refused here, named, rather than failing the
   * publish (issue 16). The wire schema itself stays as the Python charms declare it.
   */
  private static List<Problem> addressProblems(WorkerUnitData data) {
    if (data.address().length() > MAX_ADDRESS) {
      return List.of(
          new Problem(
              "address",
              "is longer than a host name or address can be ("
                  + data.address().length()
                  + " characters, at most "
                  + MAX_ADDRESS
                  + ")"));
    }
    return List.of();
  }

  private RemoteDataProblem reject(
      Relation relation, String owner, boolean app, List<Problem> found) {
    RemoteDataProblem problem =
        new RemoteDataProblem(relation.name(), relation.id(), owner, app, found);
    LOG.warn("skipping invalid cluster data: {}", problem.message());
    return problem;
  }

  private static int unitNumber(Unit unit) {
    try {
      return unit.number();
    } catch (NumberFormatException e) {
      return Integer.MAX_VALUE;
    }
  }
}
