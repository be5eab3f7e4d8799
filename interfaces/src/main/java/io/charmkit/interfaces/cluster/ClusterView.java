package io.charmkit.interfaces.cluster;

import io.charmkit.interfaces.RemoteDataProblem;
import io.charmkit.schema.cluster.WorkerAppData;
import io.charmkit.schema.cluster.WorkerUnitData;
import io.charmkit.schema.validation.DatabagValidationException;
import io.charmkit.schema.validation.Problem;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything the coordinator gathered from its cluster relations during one dispatch (PRODUCTS.md
 * §1.2). Immutable, and independent of the order in which Juju listed relations and units: every
 * collection is sorted.
 *
 * @param relations one entry per cluster relation, by relation id
 */
public record ClusterView(List<WorkerRelation> relations) {
  // Logged under the endpoint's name: the rejected bags are the endpoint's findings.
  /** The longest worker address accepted, in characters (a DNS name is at most 253). */
  private static final int MAX_ADDRESS = 255;

  private static final Logger LOG = LoggerFactory.getLogger(ClusterProvider.class);

  /**
   * Orders unit names by application, then by number (so {@code w/2} comes before {@code w/10}).
   */
  public static final Comparator<String> UNIT_ORDER =
      Comparator.comparing(ClusterView::appName)
          .thenComparingInt(ClusterView::unitNumber)
          .thenComparing(Comparator.naturalOrder());

  /** Copies the relations, sorted by id. */
  public ClusterView {
    List<WorkerRelation> sorted = new ArrayList<>(relations);
    sorted.sort(Comparator.comparingInt(WorkerRelation::relationId));
    relations = List.copyOf(sorted);
  }

  /**
   * Returns each expanded role and how many units serve it ({@code gather_roles}). A relation
   * counts once its application published a known role, with all of its units; an application with
   * no units yet still makes its roles present, with a count of 0.
   *
   * @return role to unit count, sorted by role
   */
  public SortedMap<String, Integer> roles() {
    SortedMap<String, Integer> counts = new TreeMap<>();
    for (WorkerRelation relation : relations) {
      for (String role : relation.roles()) {
        counts.merge(role, relation.unitCount(), Integer::sum);
      }
    }
    return Collections.unmodifiableSortedMap(counts);
  }

  /**
   * Returns each expanded role and the addresses of the valid units serving it ({@code
   * gather_addresses_by_role}).
   *
   * @return role to sorted addresses, sorted by role
   */
  public SortedMap<String, SortedSet<String>> addressesByRole() {
    SortedMap<String, SortedSet<String>> byRole = new TreeMap<>();
    for (WorkerRelation relation : relations) {
      for (String role : relation.roles()) {
        SortedSet<String> addresses = byRole.computeIfAbsent(role, r -> new TreeSet<>());
        relation.units().forEach(u -> addresses.add(u.address()));
      }
    }
    SortedMap<String, SortedSet<String>> frozen = new TreeMap<>();
    byRole.forEach(
        (role, addresses) -> frozen.put(role, Collections.unmodifiableSortedSet(addresses)));
    return Collections.unmodifiableSortedMap(frozen);
  }

  /**
   * Returns the sorted union of every worker address ({@code gather_addresses}): the gossip ring's
   * members. Sorted so that the generated config is stable.
   *
   * @return the addresses
   */
  public SortedSet<String> addresses() {
    SortedSet<String> all = new TreeSet<>();
    addressesByRole().values().forEach(all::addAll);
    return Collections.unmodifiableSortedSet(all);
  }

  /**
   * Returns every valid unit of every relation whose application published a known role ({@code
   * gather_topology}), by relation id and then unit number.
   *
   * @return the units
   */
  public List<WorkerUnit> units() {
    List<WorkerUnit> all = new ArrayList<>();
    for (WorkerRelation relation : relations) {
      if (!relation.roles().isEmpty()) {
        all.addAll(relation.units());
      }
    }
    return List.copyOf(all);
  }

  /**
   * Returns every rejected bag, by relation id, application before units.
   *
   * @return the problems; empty when all remote data is valid
   */
  public List<RemoteDataProblem> problems() {
    List<RemoteDataProblem> all = new ArrayList<>();
    relations.forEach(r -> all.addAll(r.problems()));
    return List.copyOf(all);
  }

  /**
   * Reads the remote data of cluster relations: the one gathering path, used by {@link
   * ClusterProvider#gather()} on the bags it reads from the model, and by anything that has bags
   * without a model (benchmarks, renderer tests). A bag that is not valid is skipped, logged at
   * WARN and reported in the view; unknown role names are skipped and reported.
   *
   * @param endpoint the cluster endpoint's name, for messages
   * @param table the product's roles
   * @param relations the remote data of each relation, in any order
   * @return the view
   */
  public static ClusterView read(
      String endpoint, RolesTable table, Collection<WorkerBags> relations) {
    List<WorkerRelation> read = new ArrayList<>();
    for (WorkerBags bags : relations) {
      read.add(read(endpoint, table, bags));
    }
    return new ClusterView(read);
  }

  static WorkerRelation read(String endpoint, RolesTable table, WorkerBags bags) {
    List<RemoteDataProblem> problems = new ArrayList<>();
    Optional<String> app = bags.app();
    Optional<String> role = Optional.empty();
    SortedSet<String> roles = new TreeSet<>();
    if (app.isPresent()) {
      Optional<WorkerAppData> appData =
          readAppBag(endpoint, bags.relationId(), app.get(), bags.appBag(), problems);
      role = appData.map(WorkerAppData::role);
      appData.ifPresent(
          d ->
              roles.addAll(knownRoles(endpoint, bags.relationId(), app.get(), table, d, problems)));
    }
    List<String> remoteUnits = new ArrayList<>(bags.unitBags().keySet());
    remoteUnits.sort(UNIT_ORDER);
    List<WorkerUnit> units = new ArrayList<>();
    boolean everyUnitValid = true;
    for (String unit : remoteUnits) {
      Optional<WorkerUnit> worker =
          readUnitBag(endpoint, bags.relationId(), unit, bags.unitBags().get(unit), problems);
      worker.ifPresent(units::add);
      everyUnitValid &= worker.isPresent();
    }
    boolean complete =
        app.isPresent() && !roles.isEmpty() && !remoteUnits.isEmpty() && everyUnitValid;
    return new WorkerRelation(
        bags.relationId(), app, role, roles, remoteUnits.size(), units, problems, complete);
  }

  private static Optional<WorkerAppData> readAppBag(
      String endpoint,
      int relationId,
      String app,
      Map<String, String> bag,
      List<RemoteDataProblem> problems) {
    if (!bag.containsKey("role")) {
      return Optional.empty(); // not published yet: nothing is wrong
    }
    try {
      return Optional.of(
          WorkerAppData.CODEC.read(
              bag, RemoteDataProblem.location(endpoint, relationId, app, true)));
    } catch (DatabagValidationException e) {
      problems.add(reject(endpoint, relationId, app, true, e.problems()));
      return Optional.empty();
    }
  }

  private static SortedSet<String> knownRoles(
      String endpoint,
      int relationId,
      String app,
      RolesTable table,
      WorkerAppData data,
      List<RemoteDataProblem> problems) {
    List<Problem> unknown = table.problems(data);
    if (!unknown.isEmpty()) {
      problems.add(reject(endpoint, relationId, app, true, unknown));
    }
    List<String> known = new ArrayList<>(data.roles());
    known.removeIf(name -> !table.roles().contains(name));
    // The table's constructor guarantees that every expansion names one of its roles.
    return table.expand(known);
  }

  private static Optional<WorkerUnit> readUnitBag(
      String endpoint,
      int relationId,
      String unit,
      Map<String, String> bag,
      List<RemoteDataProblem> problems) {
    if (WorkerUnitData.CODEC.keys().stream().noneMatch(bag::containsKey)) {
      return Optional.empty(); // only Juju's own keys so far: not published yet
    }
    try {
      WorkerUnitData data =
          WorkerUnitData.CODEC.read(
              bag,
              RemoteDataProblem.location(endpoint, relationId, unit, false),
              ClusterView::addressProblems);
      return Optional.of(new WorkerUnit(unit, data.address(), data.jujuTopology()));
    } catch (DatabagValidationException e) {
      problems.add(reject(endpoint, relationId, unit, false, e.problems()));
      return Optional.empty();
    }
  }

  /**
   * The address goes into every worker's configuration (the memberlist ring), which has a size
   * limit: one no host name or address can be is refused here, named, rather than failing the
   * publish. The wire schema itself stays as the Python charms declare it.
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

  private static RemoteDataProblem reject(
      String endpoint, int relationId, String owner, boolean app, List<Problem> found) {
    RemoteDataProblem problem = new RemoteDataProblem(endpoint, relationId, owner, app, found);
    LOG.warn("skipping invalid cluster data: {}", problem.message());
    return problem;
  }

  private static int unitNumber(String unit) {
    try {
      return Integer.parseInt(unit.substring(unit.indexOf('/') + 1));
    } catch (NumberFormatException e) {
      return Integer.MAX_VALUE;
    }
  }

  private static String appName(String unit) {
    int slash = unit.indexOf('/');
    return slash < 0 ? unit : unit.substring(0, slash);
  }
}
