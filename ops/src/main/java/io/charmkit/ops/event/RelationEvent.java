package io.charmkit.ops.event;

import io.charmkit.ops.context.EventKind;
import io.charmkit.ops.framework.Event;
import io.charmkit.ops.model.Application;
import io.charmkit.ops.model.Model;
import io.charmkit.ops.model.Relation;
import io.charmkit.ops.model.Unit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A relation event: created, joined, changed, departed or broken.
 *
 * <p>{@link #unit()} is the remote unit whose data or membership changed (empty for created, broken
 * and application-level changes); {@link #departingUnit()} is set for departed.
 */
public final class RelationEvent extends Event {
  private final EventKind kind;
  private final Relation relation;
  private final Optional<Application> app;
  private final Optional<Unit> unit;
  private final Optional<Unit> departingUnit;

  /** Creates the event. */
  public RelationEvent(
      EventKind kind,
      Relation relation,
      Optional<Application> app,
      Optional<Unit> unit,
      Optional<Unit> departingUnit) {
    if (!kind.isRelation()) {
      throw new IllegalArgumentException(kind + " is not a relation event");
    }
    this.kind = kind;
    this.relation = relation;
    this.app = app;
    this.unit = unit;
    this.departingUnit = departingUnit;
  }

  /** Which relation event. */
  public EventKind kind() {
    return kind;
  }

  /** The relation. */
  public Relation relation() {
    return relation;
  }

  /** The remote application. */
  public Optional<Application> app() {
    return app;
  }

  /** The remote unit the event is about, if any. */
  public Optional<Unit> unit() {
    return unit;
  }

  /** The unit leaving the relation (departed only). */
  public Optional<Unit> departingUnit() {
    return departingUnit;
  }

  @Override
  protected Map<String, Object> snapshot() {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("kind", kind.name());
    s.put("relation_name", relation.name());
    s.put("relation_id", relation.id());
    app.ifPresent(a -> s.put("app", a.name()));
    unit.ifPresent(u -> s.put("unit", u.name()));
    departingUnit.ifPresent(u -> s.put("departing_unit", u.name()));
    return s;
  }

  /** Rebuilds the event from its snapshot in the current model. */
  public static RelationEvent restore(Map<String, Object> s, Model model) {
    Relation relation =
        model.relation((String) s.get("relation_name"), ((Number) s.get("relation_id")).intValue());
    return new RelationEvent(
        EventKind.valueOf((String) s.get("kind")),
        relation,
        Optional.ofNullable((String) s.get("app")).map(model::appNamed),
        Optional.ofNullable((String) s.get("unit")).map(model::unitNamed),
        Optional.ofNullable((String) s.get("departing_unit")).map(model::unitNamed));
  }

  @Override
  protected String describe() {
    return relation.name()
        + "-"
        + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')
        + " on "
        + relation
        + unit.map(u -> " from " + u.name()).orElse("");
  }
}
