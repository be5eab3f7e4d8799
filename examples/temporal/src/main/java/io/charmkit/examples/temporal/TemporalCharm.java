package io.charmkit.examples.temporal;

import io.charmkit.examples.temporal.pgsql.MasterChanged;
import io.charmkit.examples.temporal.pgsql.PgsqlRequest;
import io.charmkit.examples.temporal.pgsql.PgsqlRequirer;
import io.charmkit.examples.temporal.relations.Admin;
import io.charmkit.examples.temporal.relations.SchemaChanged;
import io.charmkit.ops.Charm;
import io.charmkit.ops.Dispatcher;
import io.charmkit.ops.event.ActionEvent;
import io.charmkit.ops.framework.CustomEvent;
import io.charmkit.ops.framework.Event;
import io.charmkit.ops.framework.Framework;
import io.charmkit.ops.framework.StoredState;
import io.charmkit.ops.model.Container;
import io.charmkit.ops.model.Status;
import io.charmkit.ops.pebble.PebbleClient;
import io.charmkit.ops.pebble.PushOptions;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * temporal-k8s: the Temporal server. It takes its databases from the {@code db} and {@code
 * visibility} relations (legacy {@code pgsql} interface), hands them to temporal-admin-k8s over
 * {@code admin}, and starts {@code temporal-server} only once the admin charm reports the schema
 * ready.
 *
 * <p>Event-driven, as its Python original: each handler records what it learnt in stored state and
 * calls {@link #update}, which says exactly what the server still waits for.
 */
public final class TemporalCharm extends Charm {
  /** The workload container. */
  static final String CONTAINER = "temporal";

  /**
   * The peer endpoint (as temporal-k8s declared it in 2022-10): its application bag carries what
   * the leader shares with the other units, such as the pgsql requests.
   */
  static final String PEER = "temporal";

  /** The pgsql endpoints; each asks for the database {@code <app>_<endpoint>}. */
  static final List<String> DATABASES = List.of("db", "visibility");

  private static final Set<String> KNOWN_SERVICES =
      Set.of("frontend", "history", "matching", "worker");
  private static final Logger LOG = LoggerFactory.getLogger(TemporalCharm.class);

  private final StoredState<ServerState> state;
  private final Admin admin;

  /** Builds the charm and its endpoint objects, and registers the observers. */
  public TemporalCharm(Framework framework) {
    super(framework);
    state = storedState("state", ServerState.class, ServerState::initial);
    for (String endpoint : DATABASES) {
      PgsqlRequirer db =
          new PgsqlRequirer(
              this, endpoint, PgsqlRequest.database(app().name() + "_" + endpoint), PEER);
      observe(db.masterChanged(), this::onMasterChanged);
    }
    admin = new Admin(this, () -> state.get().connections());
    observe(admin.schemaChanged(), this::onSchemaChanged);

    observe(on().install(), e -> unit().setStatus(Status.maintenance("installing temporal")));
    observe(on().configChanged(), this::update);
    observe(on().pebbleReady(CONTAINER), this::update);
    observe(on().leaderElected(), this::update);
    for (String endpoint : List.of("db", "visibility", "admin")) {
      observe(on().relationCreated(endpoint), this::update);
    }
    observe(on().relationJoined(Admin.ENDPOINT), this::update);
    // A relation broken before it delivered anything emits no custom event: update here too.
    for (String endpoint : DATABASES) {
      observe(on().relationBroken(endpoint), this::update);
    }
    observe(on().action("restart"), this::onRestart);
  }

  private void onMasterChanged(CustomEvent<MasterChanged> event) {
    MasterChanged change = event.payload();
    unit().setStatus(Status.waiting("handling " + change.endpoint() + " change"));
    String problem = change.problem();
    Map<String, String> connection = change.master();
    List<String> missing = missingKeywords(connection);
    if (problem.isEmpty() && !connection.isEmpty() && !missing.isEmpty()) {
      problem = "master connection string lacks " + String.join(", ", missing);
      connection = Map.of();
    }
    if (!problem.isEmpty()) {
      LOG.warn("{} relation: {}", change.endpoint(), problem);
    }
    state.set(state.get().withConnection(change.endpoint(), connection, problem));
    admin.provideDatabaseConnections();
    update(event);
  }

  private static List<String> missingKeywords(Map<String, String> connection) {
    return List.of("dbname", "host", "port", "user", "password").stream()
        .filter(k -> connection.getOrDefault(k, "").isEmpty())
        .toList();
  }

  private void onSchemaChanged(CustomEvent<SchemaChanged> event) {
    // The payload, not the databag, is the truth here: a deferred event comes back with it.
    if (!model().container(CONTAINER).canConnect()) {
      unit().setStatus(Status.waiting("waiting for the " + CONTAINER + " container"));
      event.defer();
      return;
    }
    unit().setStatus(Status.waiting("handling schema ready change"));
    state.set(state.get().withSchemaReady(event.payload().schemaReady()));
    update(event);
  }

  /**
   * Validates what the server needs, in order, and shows the first thing missing; once everything
   * is there, writes the configuration and (re)starts the server.
   */
  private void update(Event trigger) {
    Optional<Status> blocker = validate();
    if (blocker.isPresent()) {
      unit().setStatus(blocker.get());
      return;
    }
    Container container = model().container(CONTAINER);
    if (!container.canConnect()) {
      unit().setStatus(Status.waiting("waiting for the " + CONTAINER + " container"));
      trigger.defer();
      return;
    }
    ServerConfig config =
        new ServerConfig(
            config().string("log-level").orElse("info"),
            services(),
            state.get().connections().orElseThrow());
    PebbleClient pebble = container.pebble();
    pebble.push(ServerConfig.CONFIG_PATH, config.render(), PushOptions.defaults().withMakeDirs());
    pebble.addLayer(ServerConfig.SERVICE, config.layer(), true);
    pebble.replan();
    unit().setStatus(Status.active());
  }

  private Optional<Status> validate() {
    for (String service : services()) {
      if (!KNOWN_SERVICES.contains(service)) {
        return Optional.of(
            Status.blocked("error in services config: invalid service '" + service + "'"));
      }
    }
    ServerState current = state.get();
    for (String endpoint : DATABASES) {
      String prefix = endpoint + ":pgsql relation: ";
      if (model().relations(endpoint).isEmpty()) {
        return Optional.of(Status.blocked(prefix + "not available"));
      }
      String problem = current.databaseProblems().getOrDefault(endpoint, "");
      if (!problem.isEmpty()) {
        return Optional.of(Status.blocked(prefix + problem));
      }
      if (!current.databaseConnections().containsKey(endpoint)) {
        return Optional.of(Status.waiting(prefix + "no database connection available"));
      }
    }
    if (model().relations(Admin.ENDPOINT).isEmpty()) {
      return Optional.of(Status.blocked("admin:temporal relation: not available"));
    }
    if (!current.schemaReady()) {
      return Optional.of(Status.waiting("admin:temporal relation: schema is not ready"));
    }
    return Optional.empty();
  }

  private List<String> services() {
    String raw = config().string("services").orElse("");
    return Arrays.stream(raw.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  private void onRestart(ActionEvent event) {
    Container container = model().container(CONTAINER);
    if (!container.canConnect()) {
      event.fail("the " + CONTAINER + " container is not reachable");
      return;
    }
    if (!container.pebble().plan().services().containsKey(ServerConfig.SERVICE)) {
      event.fail("temporal is not configured yet: " + unit().status().message());
      return;
    }
    unit().setStatus(Status.maintenance("restarting temporal"));
    container.pebble().restart(List.of(ServerConfig.SERVICE));
    unit().setStatus(Status.active());
  }

  /** Dispatches one hook. */
  public static void main(String[] args) {
    Dispatcher.main(TemporalCharm::new);
  }
}
