package io.charmkit.examples.temporal.relations;

import io.charmkit.ops.Charm;
import io.charmkit.ops.event.RelationEvent;
import io.charmkit.ops.framework.Component;
import io.charmkit.ops.framework.CustomEventSource;
import io.charmkit.ops.model.Relation;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The server side of the {@code admin} relation (interface {@code temporal}), as the Python charm's
 * {@code relations.Admin}:
 *
 * <pre>{@code
 * admin = new Admin(this, () -> state.get().databaseConnections());
 * observe(admin.schemaChanged(), this::onSchemaChanged);
 * }</pre>
 *
 * <p>The leader writes {@code database_connections} to its application bag once both connections
 * are known (on admin relation-joined, and whenever the charm calls {@link
 * #provideDatabaseConnections()}). When the admin application's {@code schema_status} changes, on
 * every unit (any unit may read a remote application bag), it emits {@link #schemaChanged()} with
 * {@code schemaReady = (schema_status == "ready")}; when the relation is broken it emits it with
 * {@code false}, since the schema can no longer be vouched for.
 */
public final class Admin extends Component {
  /** The endpoint name. */
  public static final String ENDPOINT = "admin";

  /** The key the server writes. */
  public static final String DATABASE_CONNECTIONS = "database_connections";

  /** The key the admin charm answers with; its value is plain text. */
  public static final String SCHEMA_STATUS = "schema_status";

  private final Supplier<Optional<DatabaseConnections>> connections;
  private final CustomEventSource<SchemaChanged> schemaChanged;

  /**
   * Creates the endpoint object and observes the admin relation.
   *
   * @param charm the server charm
   * @param connections the connections known so far: empty until both databases answered
   */
  public Admin(Charm charm, Supplier<Optional<DatabaseConnections>> connections) {
    super(charm, ENDPOINT);
    this.connections = connections;
    this.schemaChanged = defineEvent("schema_changed", SchemaChanged.class);
    observe(charm.on().relationJoined(ENDPOINT), e -> provideDatabaseConnections());
    observe(charm.on().relationChanged(ENDPOINT), this::onChanged);
    observe(charm.on().relationBroken(ENDPOINT), e -> schemaChanged.emit(new SchemaChanged(false)));
  }

  /** Emitted when the admin charm's answer changes, and with {@code false} on relation-broken. */
  public CustomEventSource<SchemaChanged> schemaChanged() {
    return schemaChanged;
  }

  /**
   * On the leader, writes {@code database_connections} to every admin relation when both
   * connections are known; otherwise does nothing. An unchanged value is not written again.
   */
  public void provideDatabaseConnections() {
    if (!model().isLeader()) {
      return;
    }
    Optional<DatabaseConnections> known = connections.get();
    if (known.isEmpty()) {
      return;
    }
    String json = known.get().toJson();
    for (Relation relation : model().relations(ENDPOINT)) {
      relation.localAppData().put(DATABASE_CONNECTIONS, json);
    }
  }

  private void onChanged(RelationEvent event) {
    // schema_status is plain text, not JSON: "ready" exactly, as the Python admin charm writes it.
    boolean ready =
        event
            .relation()
            .remoteAppData()
            .flatMap(bag -> bag.get(SCHEMA_STATUS))
            .filter("ready"::equals)
            .isPresent();
    schemaChanged.emit(new SchemaChanged(ready));
  }
}
