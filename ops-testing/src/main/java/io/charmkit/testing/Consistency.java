package io.charmkit.testing;

import io.charmkit.ops.context.DispatchPath;
import io.charmkit.ops.context.EventKind;
import io.charmkit.ops.metadata.CharmMetadata;
import io.charmkit.ops.metadata.ConfigOption;
import io.charmkit.ops.metadata.ConfigTypes;
import io.charmkit.ops.metadata.EndpointRole;
import io.charmkit.ops.metadata.EndpointSpec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Checks, before anything runs, that an event and a state could happen in Juju with this charm
 * (ops.testing's consistency checker). Each problem is one sentence naming what is wrong and, where
 * it helps, what would be right.
 */
public final class Consistency {
  private Consistency() {}

  static List<String> problems(
      CharmMetadata metadata,
      String appName,
      int unitId,
      String jujuVersion,
      Event event,
      State state) {
    List<String> out = new ArrayList<>(configProblems(metadata, state.config()));
    checkRelations(metadata, appName, unitId, state, out);
    undeclared(
        "container", state.containers().stream().map(Container::name), metadata.containers(), out);
    undeclared("storage", state.storages().stream().map(Storage::name), metadata.storages(), out);
    checkEvent(metadata, jujuVersion, event, state, out);
    return out;
  }

  /**
   * Why Juju would refuse {@code values} as the charm's config, one sentence each (empty when it
   * would take them): an option {@code config.yaml} does not declare, a value not of its type. A
   * {@code null} value resets an option. Used by both front ends.
   */
  public static List<String> configProblems(CharmMetadata metadata, Map<String, ?> values) {
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, ?> e : values.entrySet()) {
      ConfigOption option = metadata.options().get(e.getKey());
      if (option == null) {
        out.add(
            "config option '%s' is not declared in config.yaml (declared: %s)"
                .formatted(e.getKey(), String.join(", ", metadata.options().keySet())));
        continue;
      }
      if (e.getValue() == null) {
        continue;
      }
      try {
        ConfigTypes.coerce(e.getKey(), option.type(), e.getValue());
      } catch (IllegalArgumentException bad) {
        out.add(bad.getMessage());
      }
    }
    return out;
  }

  private static void checkRelations(
      CharmMetadata metadata, String appName, int unitId, State state, List<String> out) {
    Set<Integer> ids = new HashSet<>();
    for (Relation r : state.relations()) {
      if (!ids.add(r.id())) {
        out.add("two relations have id " + r.id() + "; relation ids are unique in a model");
      }
      Optional<EndpointSpec> spec = metadata.endpoint(r.endpoint());
      if (spec.isEmpty()) {
        out.add(
            "relation %s is on endpoint '%s', which the charm does not declare (declared: %s)"
                .formatted(
                    r.ref(), r.endpoint(), String.join(", ", metadata.endpoints().keySet())));
        continue;
      }
      boolean peerEndpoint = spec.get().role() == EndpointRole.PEERS;
      if (peerEndpoint != r.isPeer()) {
        out.add(
            "relation "
                + r.ref()
                + (peerEndpoint
                    ? " is on peer endpoint '" + r.endpoint() + "': build it with Relation.peer"
                    : " is built as a peer relation but '"
                        + r.endpoint()
                        + "' is not a peers endpoint: build it with Relation.of"));
      }
      for (int n : r.remoteUnitsData().keySet()) {
        if (n < 0) {
          out.add("relation " + r.ref() + " has unit number " + n + "; unit numbers are >= 0");
        }
        if (r.isPeer() && n == unitId) {
          out.add(
              "peer relation %s lists unit %s/%d, which is this unit; list only the other units of %s"
                  .formatted(r.ref(), appName, n, appName));
        }
      }
      if (!r.isPeer() && r.remoteApp().equals(appName)) {
        out.add(
            ("relation %s has this application, %s, as its remote application; only peer relations"
                    + " relate an application to itself")
                .formatted(r.ref(), appName));
      }
    }
    if (unitId < 0) {
      out.add("the unit number is " + unitId + "; unit numbers are >= 0");
    }
  }

  /** Adds a problem for each of {@code names} that {@code metadata.yaml} does not declare. */
  private static void undeclared(
      String what, Stream<String> names, Collection<String> declared, List<String> out) {
    names
        .filter(name -> !declared.contains(name))
        .forEach(
            name ->
                out.add(
                    "%s '%s' is not declared in metadata.yaml (declared: %s)"
                        .formatted(what, name, String.join(", ", declared))));
  }

  private static void checkEvent(
      CharmMetadata metadata, String jujuVersion, Event event, State state, List<String> out) {
    DispatchPath path = DispatchPath.parse(event.dispatchPath());
    EventKind kind = path.kind();
    Map<String, String> env = event.environment();
    if (kind.isRelation()) {
      Relation given = event.relation().orElseThrow();
      Optional<Relation> inState = state.relation(given.id());
      if (metadata.endpoint(given.endpoint()).isEmpty()) {
        out.add(
            "%s: the charm declares no endpoint '%s' (declared: %s)"
                .formatted(
                    event, given.endpoint(), String.join(", ", metadata.endpoints().keySet())));
      } else if (inState.isEmpty()) {
        out.add(
            event + ": relation " + given.ref() + " is not in the state; add it with .relation()");
      } else {
        Relation r = inState.get();
        for (Optional<Integer> unit : List.of(event.remoteUnit(), event.departingUnit())) {
          unit.filter(n -> !r.remoteUnitsData().containsKey(n))
              .ifPresent(
                  n ->
                      out.add(
                          "%s: remote unit number %d is not a unit of relation %s (its units: %s)"
                              .formatted(event, n, r.ref(), r.remoteUnitsData().keySet())));
        }
      }
    } else if (kind.isWorkload()) {
      String name = env.get("JUJU_WORKLOAD_NAME");
      Optional<Container> c = state.container(name);
      if (!metadata.containers().contains(name)) {
        out.add(event + ": the charm declares no container '" + name + "'");
      } else if (c.isEmpty()) {
        out.add(event + ": container '" + name + "' is not in the state; add it with .container()");
      } else if (!c.get().canConnect()) {
        out.add(
            "%s: container '%s' cannot connect, but Juju fires Pebble events only when Pebble is up"
                .formatted(event, name));
      }
    } else if (kind.isSecret()) {
      String id = env.get("JUJU_SECRET_ID");
      Optional<Secret> s = state.secret(id);
      if (s.isEmpty()) {
        out.add(event + ": secret " + id + " is not in the state; add it with .secret()");
      } else if (kind == EventKind.SECRET_CHANGED && s.get().isOwned()) {
        out.add(
            "%s: secret-changed goes to consumers, but %s is owned by this %s; use Secret.granted"
                .formatted(event, id, s.get().owner().get()));
      } else if (kind != EventKind.SECRET_CHANGED && !s.get().isOwned()) {
        out.add(
            ("%s goes to the secret's owner, but %s was granted to this unit; use Secret.ownedByApp"
                    + " or ownedByUnit")
                .formatted(event, id));
      }
    } else if (kind.isStorage()) {
      String id = env.get("JUJU_STORAGE_ID");
      String name = id.substring(0, id.indexOf('/'));
      if (!metadata.storages().contains(name)) {
        out.add(event + ": the charm declares no storage '" + name + "'");
      } else if (state.storages().stream().noneMatch(s -> s.id().equals(id))) {
        out.add(event + ": storage " + id + " is not in the state; add it with .storage()");
      }
    } else if (kind == EventKind.ACTION) {
      // Juju refuses `juju run` before anything runs: an unknown action or parameters that do not
      // fit the action's schema.
      out.addAll(ActionParameters.problems(metadata, jujuVersion, path.juju(), event.params()));
    }
  }
}
