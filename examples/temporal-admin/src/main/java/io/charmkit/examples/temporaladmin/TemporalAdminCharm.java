package io.charmkit.examples.temporaladmin;

import io.charmkit.ops.Charm;
import io.charmkit.ops.Dispatcher;
import io.charmkit.ops.event.RelationEvent;
import io.charmkit.ops.framework.Event;
import io.charmkit.ops.framework.Framework;
import io.charmkit.ops.framework.StoredState;
import io.charmkit.ops.model.Container;
import io.charmkit.ops.model.Relation;
import io.charmkit.ops.model.Status;
import io.charmkit.ops.pebble.ExecException;
import io.charmkit.ops.pebble.ExecRequest;
import io.charmkit.ops.pebble.PebbleClient;
import io.charmkit.ops.pebble.PebbleException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * temporal-admin-k8s: receives the server's database connections over {@code admin}, sets up their
 * schema with {@code temporal-sql-tool} in its workload container (Pebble exec), and answers {@code
 * schema_status: ready}.
 *
 * <p>Only the leader sets up the schema and writes the answer. A schema set up once for the same
 * connections is not set up again on later relation-changed events.
 */
public final class TemporalAdminCharm extends Charm {
  /** The endpoint. */
  static final String ADMIN = "admin";

  /** The workload container with the admin tools. */
  static final String CONTAINER = "temporal-admin";

  /** The key the server writes. */
  static final String DATABASE_CONNECTIONS = "database_connections";

  /** The key this charm answers with, in plain text. */
  static final String SCHEMA_STATUS = "schema_status";

  private static final Logger LOG = LoggerFactory.getLogger(TemporalAdminCharm.class);

  private final StoredState<AdminState> state;

  /** Builds the charm and registers its observers. */
  public TemporalAdminCharm(Framework framework) {
    super(framework);
    state = storedState("state", AdminState.class, AdminState::initial);
    observe(
        on().install(),
        e -> unit().setStatus(Status.maintenance("installing temporal admin tools")));
    observe(on().relationChanged(ADMIN), this::onAdminChanged);
    observe(on().relationBroken(ADMIN), this::onAdminBroken);
    observe(on().pebbleReady(CONTAINER), this::setupSchema);
  }

  private void onAdminChanged(RelationEvent event) {
    unit().setStatus(Status.waiting("handling admin change"));
    Optional<String> raw =
        event.relation().remoteAppData().flatMap(bag -> bag.get(DATABASE_CONNECTIONS));
    Map<String, Map<String, String>> received = Map.of();
    if (raw.isPresent()) {
      try {
        received = ConnectionsCodec.read(raw.get());
      } catch (IllegalArgumentException e) {
        LOG.warn("admin relation: {} is unusable: {}", DATABASE_CONNECTIONS, e.getMessage());
        state.set(AdminState.initial());
        unit()
            .setStatus(
                Status.blocked(
                    "admin:temporal relation: invalid "
                        + DATABASE_CONNECTIONS
                        + ": "
                        + e.getMessage()));
        return;
      }
    }
    AdminState before = state.get();
    if (!received.equals(before.databaseConnections())) {
      state.set(new AdminState(received, false));
    }
    setupSchema(event);
  }

  private void onAdminBroken(RelationEvent event) {
    // As the current Python charm: forget the connections; a new relation starts afresh.
    state.set(AdminState.initial());
    setupSchema(event);
  }

  private void setupSchema(Event trigger) {
    if (!model().isLeader()) {
      unit().setStatus(Status.active());
      return;
    }
    List<Relation> relations = model().relations(ADMIN);
    if (relations.isEmpty()) {
      unit().setStatus(Status.blocked("admin:temporal relation: not available"));
      return;
    }
    AdminState current = state.get();
    if (current.databaseConnections().isEmpty()) {
      unit()
          .setStatus(
              Status.blocked("admin:temporal relation: database connections info not available"));
      return;
    }
    if (!current.schemaReady()) {
      Container container = model().container(CONTAINER);
      if (!container.canConnect()) {
        unit().setStatus(Status.waiting("waiting for the " + CONTAINER + " container"));
        trigger.defer();
        return;
      }
      if (!runSchemaCommands(container.pebble(), current)) {
        unit().setStatus(Status.blocked("error setting up schema. remove relation and try again."));
        return;
      }
      state.set(new AdminState(current.databaseConnections(), true));
    }
    for (Relation relation : relations) {
      relation.localAppData().put(SCHEMA_STATUS, "ready");
    }
    unit().setStatus(Status.active());
  }

  private boolean runSchemaCommands(PebbleClient pebble, AdminState current) {
    for (String database : List.of("db", "visibility")) {
      Map<String, String> connection = current.databaseConnections().get(database);
      for (ExecRequest request : SchemaCommands.forDatabase(database, connection)) {
        try {
          pebble.exec(request);
        } catch (ExecException e) {
          LOG.error(
              "{} schema: {} exited with {}: {}",
              database,
              request.command().get(request.command().size() - 3),
              e.exitCode(),
              e.stderr().strip());
          return false;
        } catch (PebbleException e) {
          LOG.error("{} schema: the exec failed: {}", database, e.getMessage());
          return false;
        }
      }
    }
    return true;
  }

  /** Dispatches one hook. */
  public static void main(String[] args) {
    Dispatcher.main(TemporalAdminCharm::new);
  }
}
