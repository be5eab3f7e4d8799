package io.charmkit.testing.assertj;

import io.charmkit.testing.Relation;
import org.assertj.core.api.AbstractObjectAssert;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.MapAssert;

/** Assertions on one {@link Relation}'s databags. */
public final class RelationAssert extends AbstractObjectAssert<RelationAssert, Relation> {

  RelationAssert(Relation actual) {
    super(actual, RelationAssert.class);
  }

  /** This application's bag. */
  public MapAssert<String, String> localAppData() {
    isNotNull();
    return Assertions.assertThat(actual.localAppData())
        .as("application databag of relation %s", actual.ref());
  }

  /** This unit's bag (Juju's address keys included). */
  public MapAssert<String, String> localUnitData() {
    isNotNull();
    return Assertions.assertThat(actual.localUnitData())
        .as("unit databag of relation %s", actual.ref());
  }
}
