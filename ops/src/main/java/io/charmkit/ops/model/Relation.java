package io.charmkit.ops.model;

import io.charmkit.ops.hooktools.RelationRef;
import io.charmkit.ops.metadata.EndpointRole;
import io.charmkit.ops.metadata.EndpointSpec;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One relation of one of this charm's endpoints: its id, the remote application and units, and the
 * databags of every participant.
 *
 * <p>The remote units come from one {@code relation-list} made when first asked for; databags are
 * fetched lazily and written at commit (see {@link Databag}).
 */
public final class Relation {
  private final Model model;
  private final EndpointSpec endpoint;
  private final int id;
  private final boolean active;
  private Set<Unit> units;
  private Application remoteApp;
  private final Map<String, Databag> bags = new HashMap<>();

  Relation(Model model, EndpointSpec endpoint, int id, boolean active) {
    this.model = model;
    this.endpoint = endpoint;
    this.id = id;
    this.active = active;
  }

  /** The relation id. */
  public int id() {
    return id;
  }

  /** The local endpoint's name. */
  public String name() {
    return endpoint.name();
  }

  /** The local endpoint's declaration. */
  public EndpointSpec endpoint() {
    return endpoint;
  }

  /** Whether this is a peer relation. */
  public boolean isPeer() {
    return endpoint.role() == EndpointRole.PEERS;
  }

  /** False for the relation being broken in a relation-broken hook. */
  public boolean isActive() {
    return active;
  }

  /** The reference the hook tools take. */
  public RelationRef ref() {
    return RelationRef.of(endpoint.name(), id);
  }

  /**
   * The remote application (this application on a peer relation). Empty only when Juju cannot say,
   * e.g. a relation with no remote units seen from outside its own hook.
   */
  public Optional<Application> app() {
    if (remoteApp == null) {
      remoteApp = model.remoteAppOf(this, units()).orElse(null);
    }
    return Optional.ofNullable(remoteApp);
  }

  /**
   * The remote units (for a peer relation, the other units of this application). As in Juju, the
   * departing unit is not listed during relation-departed, but its databag stays readable through
   * {@link #data(Unit)} with the event's unit.
   */
  public Set<Unit> units() {
    if (units == null) {
      Set<Unit> found = new LinkedHashSet<>();
      if (active) {
        List<String> names = model.tools().relationList(ref());
        for (String n : names) {
          found.add(model.unitNamed(n));
        }
      }
      units = Collections.unmodifiableSet(found);
    }
    return units;
  }

  /** The databag of a unit in this relation. */
  public Databag data(Unit unit) {
    return bags.computeIfAbsent("u:" + unit.name(), k -> new Databag(this, unit.name(), false));
  }

  /** The databag of an application in this relation. */
  public Databag data(Application application) {
    return bags.computeIfAbsent(
        "a:" + application.name(), k -> new Databag(this, application.name(), true));
  }

  /** This unit's own databag. */
  public Databag localUnitData() {
    return data(model.unit());
  }

  /** This application's databag (leader-only writes; non-leaders read it only on peers). */
  public Databag localAppData() {
    return data(model.app());
  }

  /** The remote application's databag, if the remote application is known. */
  public Optional<Databag> remoteAppData() {
    return app().map(this::data);
  }

  /** The model this relation belongs to. */
  public Model model() {
    return model;
  }

  Iterable<Databag> loadedBags() {
    return bags.values();
  }

  @Override
  public String toString() {
    return "relation " + endpoint.name() + ":" + id;
  }
}
