package io.charmkit.interfaces.cluster;

import io.charmkit.interfaces.RemoteDataProblem;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What the coordinator knows about one cluster relation (one worker application).
 *
 * @param relationId the relation id
 * @param app the worker application, if Juju names it
 * @param role the raw {@code role} value the worker published (e.g. {@code querier,ingester}), if
 *     its application bag is valid; this is what a {@code worker_ports} callback is given
 * @param roles the published roles that the roles table knows, meta-roles expanded; sorted
 * @param unitCount how many remote units the relation has, valid or not (what roles are counted
 *     with, as in coordinated-workers)
 * @param units the units whose bags are valid, in unit-number order
 * @param problems the bags of this relation that were rejected, application first
 * @param complete whether the relation may be sent config: it has an application and units, every
 *     unit bag is valid, and the application published at least one known role
 */
public record WorkerRelation(
    int relationId,
    Optional<String> app,
    Optional<String> role,
    SortedSet<String> roles,
    int unitCount,
    List<WorkerUnit> units,
    List<RemoteDataProblem> problems,
    boolean complete) {

  /** Copies the collections. */
  public WorkerRelation {
    roles = Collections.unmodifiableSortedSet(new TreeSet<>(roles));
    units = List.copyOf(units);
    problems = List.copyOf(problems);
  }
}
