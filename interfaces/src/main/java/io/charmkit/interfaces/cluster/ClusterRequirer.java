package io.charmkit.interfaces.cluster;

import io.charmkit.interfaces.RemoteDataProblem;
import io.charmkit.interfaces.loki.LokiPushUrl;
import io.charmkit.ops.Charm;
import io.charmkit.ops.event.RelationEvent;
import io.charmkit.ops.event.SecretEvent;
import io.charmkit.ops.framework.Component;
import io.charmkit.ops.framework.CustomEventSource;
import io.charmkit.ops.hooktools.PermissionDeniedException;
import io.charmkit.ops.hooktools.SecretNotFoundException;
import io.charmkit.ops.model.Application;
import io.charmkit.ops.model.Relation;
import io.charmkit.schema.cluster.CoordinatorAppData;
import io.charmkit.schema.cluster.RemoteWriteEndpoint;
import io.charmkit.schema.cluster.WorkerAppData;
import io.charmkit.schema.cluster.WorkerUnitData;
import io.charmkit.schema.topology.WorkerTopology;
import io.charmkit.schema.validation.DatabagValidationException;
import io.charmkit.schema.validation.Problem;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker's side of a cluster relation (WIRE.md §3): publishes this worker's roles, address and
 * topology, and reads what the coordinator sent.
 *
 * <p>The coordinator's bag is read and validated once per dispatch. When it is missing or invalid
 * the getters return their empty value ({@code Optional.empty()}, {@code {}}, {@code []}) and an
 * invalid bag is logged at WARN and listed by {@link #problems()}, as the Python worker does.
 *
 * <p>Events: {@link #configReceived()} on relation-changed when the coordinator's data is valid and
 * holds a configuration, and on secret-changed of the TLS key's secret; {@link #removed()} on
 * relation-broken, and on relation-changed when the data is gone (not when it is invalid) after
 * this unit had published its own.
 */
public final class ClusterRequirer extends Component {
  private static final Logger LOG = LoggerFactory.getLogger(ClusterRequirer.class);

  /** The secret content key holding the PEM key (WIRE.md §3.5). */
  private static final String PRIVATE_KEY = "private-key";

  /**
   * A Juju secret URI: {@code secret:<id>} or {@code secret://<model uuid>/<id>}; Juju's ids are 20
   * base32hex characters, accepted here more loosely as lower-case letters and digits. Anything
   * else is refused before {@code secret-get}, which fails the hook on a malformed id.
   */
  private static final Pattern SECRET_ID =
      Pattern.compile("(secret:(//[0-9a-f-]{1,64}/)?)?[0-9a-z]{1,64}");

  private final String endpoint;
  private final CustomEventSource<ConfigReceived> configReceived;
  private final CustomEventSource<ClusterRemoved> removed;
  private final List<RemoteDataProblem> problems = new ArrayList<>();
  private Optional<CoordinatorAppData> data;
  private Optional<TlsData> tls;

  /**
   * Creates the endpoint and observes its relation and secret events.
   *
   * @param charm the worker charm
   * @param endpoint the cluster endpoint's name, e.g. {@code tempo-cluster}
   * @throws IllegalArgumentException if the charm declares no such endpoint
   */
  public ClusterRequirer(Charm charm, String endpoint) {
    super(charm, endpoint);
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    this.configReceived = defineEvent("config_received", ConfigReceived.class);
    this.removed = defineEvent("removed", ClusterRemoved.class);
    observe(charm.on().relationChanged(endpoint), this::onRelationChanged);
    observe(charm.on().relationBroken(endpoint), this::onRelationBroken);
    observe(charm.on().secretChanged(), this::onSecretChanged);
  }

  /**
   * Fired when the coordinator sent a valid configuration, or rotated the TLS private key.
   *
   * @return the event source
   */
  public CustomEventSource<ConfigReceived> configReceived() {
    return configReceived;
  }

  /**
   * Fired when the cluster relation is gone or the coordinator wiped its data.
   *
   * @return the event source
   */
  public CustomEventSource<ClusterRemoved> removed() {
    return removed;
  }

  /**
   * Publishes this worker: every unit writes its address and topology into its unit bag (at commit,
   * only if changed); the leader also writes {@code role} when {@code roles} is not empty, in its
   * application bag, also at commit and only if changed. The permission error Juju can give for
   * that write before {@code install} is tolerated by the model's commit (logged; a later event
   * writes it again), as the Python worker does.
   *
   * @param roles the enabled roles in config order, not expanded (e.g. {@code [querier, ingester]})
   * @param address this unit's FQDN
   * @param topology this unit's application, unit and charm name
   */
  public void publish(List<String> roles, String address, WorkerTopology topology) {
    Map<String, String> unitChanges =
        WorkerUnitData.CODEC.write(new WorkerUnitData(topology, address));
    Map<String, String> appChanges =
        roles.isEmpty() ? Map.of() : WorkerAppData.CODEC.write(WorkerAppData.of(roles));
    for (Relation relation : model().relations(endpoint)) {
      relation.localUnitData().putAll(unitChanges);
      if (!appChanges.isEmpty() && model().isLeader()) {
        relation.localAppData().putAll(appChanges);
      }
    }
  }

  /**
   * Returns the coordinator's whole bag, if it is present and valid.
   *
   * @return the bag
   */
  public Optional<CoordinatorAppData> coordinatorData() {
    if (data == null) {
      data = readCoordinatorData();
    }
    return data;
  }

  /**
   * Returns the workload configuration (YAML text), if the coordinator sent a non-blank one.
   *
   * @return the configuration
   */
  public Optional<String> config() {
    return coordinatorData().map(CoordinatorAppData::workerConfig).filter(c -> !c.isBlank());
  }

  /**
   * Returns the ports to open, sorted and without repeats (the wire list is a set). Empty when the
   * coordinator sent none, in which case the worker opens its product's full set.
   *
   * @return the ports
   */
  public List<Integer> workerPorts() {
    List<Integer> ports = coordinatorData().map(CoordinatorAppData::workerPorts).orElse(List.of());
    return List.copyOf(new TreeSet<>(ports));
  }

  /**
   * Returns the Loki push endpoints, by Loki unit name; a URL {@link LokiPushUrl} refuses is left
   * out and logged with the relation and the key.
   *
   * @return unit name to URL, sorted; empty when none
   */
  public Map<String, String> lokiEndpoints() {
    Map<String, String> all =
        sortedMap(coordinatorData().map(CoordinatorAppData::lokiEndpoints).orElse(null));
    if (all.values().stream().allMatch(url -> LokiPushUrl.problem(url).isEmpty())) {
      return all;
    }
    // One unusable URL (Pebble refuses an empty location; Loki's client needs http(s)) costs that
    // Loki unit its logs, not the worker its workload: skipped and named, the rest forwarded.
    Map<String, String> usable = new TreeMap<>();
    Relation relation = relation().orElseThrow();
    String where =
        RemoteDataProblem.location(
            relation, relation.app().map(Application::name).orElse(""), true);
    all.forEach(
        (unit, url) ->
            LokiPushUrl.problem(url)
                .ifPresentOrElse(
                    problem ->
                        LOG.warn(
                            "{}, loki_endpoints.{}: {}; no logs are forwarded there",
                            where,
                            printable(unit),
                            problem),
                    () -> usable.put(unit, url)));
    return Collections.unmodifiableMap(usable);
  }

  /**
   * Returns where the worker charm sends its own traces, by protocol.
   *
   * @return protocol to URL, sorted; empty when none
   */
  public Map<String, String> charmTracingReceivers() {
    return sortedMap(coordinatorData().map(CoordinatorAppData::charmTracingReceivers).orElse(null));
  }

  /**
   * Returns where the workload sends its traces, by protocol.
   *
   * @return protocol to URL, sorted; empty when none
   */
  public Map<String, String> workloadTracingReceivers() {
    return sortedMap(
        coordinatorData().map(CoordinatorAppData::workloadTracingReceivers).orElse(null));
  }

  /**
   * Returns where the workload sends metrics.
   *
   * @return the endpoints in the coordinator's order; empty when none
   */
  public List<RemoteWriteEndpoint> remoteWriteEndpoints() {
    return coordinatorData()
        .map(CoordinatorAppData::remoteWriteEndpoints)
        .map(List::copyOf)
        .orElse(List.of());
  }

  /**
   * Returns the pod labels the coordinator asks the workers to carry.
   *
   * @return label to value, sorted; empty when none
   */
  public Map<String, String> workerLabels() {
    return sortedMap(coordinatorData().map(CoordinatorAppData::workerLabels).orElse(null));
  }

  /**
   * Returns the S3 endpoint's CA chain, if the coordinator sent one.
   *
   * @return PEM certificates joined by a blank line
   */
  public Optional<String> s3TlsCaChain() {
    return coordinatorData().map(CoordinatorAppData::s3TlsCaChain);
  }

  /**
   * Returns the TLS material, if the coordinator sent all of the CA, the server certificate and the
   * private key's secret, and that secret is readable. The secret is read with {@code --refresh},
   * so this unit always tracks (and gets) the key's latest revision; a rotated key therefore
   * reaches the worker on the {@code secret-changed} that announces it.
   *
   * @return the TLS data
   */
  public Optional<TlsData> tls() {
    if (tls == null) {
      tls = readTls();
    }
    return tls;
  }

  /**
   * Returns what was rejected in this dispatch: an invalid coordinator bag, an unreadable key.
   *
   * @return the problems; empty when all is well or nothing was read yet
   */
  public List<RemoteDataProblem> problems() {
    coordinatorData();
    return List.copyOf(problems);
  }

  private Optional<Relation> relation() {
    List<Relation> relations = model().relations(endpoint);
    return relations.isEmpty() ? Optional.empty() : Optional.of(relations.get(0));
  }

  private Optional<CoordinatorAppData> readCoordinatorData() {
    Optional<Relation> relation = relation();
    if (relation.isEmpty()) {
      return Optional.empty();
    }
    Optional<Application> app = relation.get().app();
    if (app.isEmpty()) {
      return Optional.empty();
    }
    Map<String, String> bag = relation.get().data(app.get()).asMap();
    if (CoordinatorAppData.CODEC.keys().stream().noneMatch(bag::containsKey)) {
      return Optional.empty(); // nothing sent yet
    }
    String location = RemoteDataProblem.location(relation.get(), app.get().name(), true);
    try {
      return Optional.of(CoordinatorAppData.CODEC.read(bag, location));
    } catch (DatabagValidationException e) {
      RemoteDataProblem problem =
          new RemoteDataProblem(
              endpoint, relation.get().id(), app.get().name(), true, e.problems());
      problems.add(problem);
      LOG.warn("ignoring invalid coordinator data: {}", problem.message());
      return Optional.empty();
    }
  }

  private Optional<TlsData> readTls() {
    Optional<CoordinatorAppData> bag = coordinatorData();
    if (bag.isEmpty()
        || bag.get().caCert() == null
        || bag.get().serverCert() == null
        || bag.get().privkeySecretId() == null) {
      return Optional.empty();
    }
    Relation relation = relation().orElseThrow();
    String owner = relation.app().map(Application::name).orElse("");
    String secretId = bag.get().privkeySecretId();
    if (!SECRET_ID.matcher(secretId).matches()) {
      rejectKey(relation, owner, "is not a Juju secret id (secret:<id>): " + printable(secretId));
      return Optional.empty();
    }
    Map<String, String> content;
    try {
      content = model().secret(secretId, true).content();
    } catch (SecretNotFoundException | PermissionDeniedException e) {
      rejectKey(relation, owner, "names secret " + secretId + ", which this unit cannot read");
      return Optional.empty();
    }
    String key = content.get(PRIVATE_KEY);
    if (key == null || key.isBlank()) {
      rejectKey(
          relation, owner, "names secret " + secretId + ", which has no '" + PRIVATE_KEY + "'");
      return Optional.empty();
    }
    return Optional.of(new TlsData(bag.get().caCert(), bag.get().serverCert(), key));
  }

  private void rejectKey(Relation relation, String owner, String message) {
    RemoteDataProblem problem =
        new RemoteDataProblem(
            endpoint,
            relation.id(),
            owner,
            true,
            List.of(new Problem("privkey_secret_id", message)));
    problems.add(problem);
    LOG.warn("no TLS private key: {}", problem.message());
  }

  private void onRelationChanged(RelationEvent event) {
    if (event.relation().app().isEmpty()) {
      return; // the relation is being torn down
    }
    if (config().isPresent()) {
      configReceived.emit(new ConfigReceived(event.relation().id()));
    } else if (problems().isEmpty()
        && event.relation().localUnitData().get("address").isPresent()) {
      // This unit had joined, and the coordinator's data is now gone. Invalid data is not "gone":
      // it is rejected and the worker keeps what it runs (issue 16).
      removed.emit(new ClusterRemoved(event.relation().id()));
    }
  }

  private void onRelationBroken(RelationEvent event) {
    removed.emit(new ClusterRemoved(event.relation().id()));
  }

  private void onSecretChanged(SecretEvent event) {
    Optional<String> keyId = coordinatorData().map(CoordinatorAppData::privkeySecretId);
    if (keyId.isPresent() && sameSecret(keyId.get(), event.secretId())) {
      tls = null; // read the new revision
      configReceived.emit(new ConfigReceived(relation().orElseThrow().id()));
    }
  }

  /** Compares secret ids given as {@code secret:<id>}, {@code secret://<model>/<id>} or bare. */
  static boolean sameSecret(String a, String b) {
    return secretKey(a).equals(secretKey(b));
  }

  private static String secretKey(String id) {
    int slash = id.lastIndexOf('/');
    if (slash >= 0) {
      return id.substring(slash + 1);
    }
    return id.startsWith("secret:") ? id.substring("secret:".length()) : id;
  }

  /** The id as a status can show it: controls escaped, cut at 64 characters. */
  private static String printable(String text) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      if (sb.length() >= 64) {
        return sb + "…";
      }
      char c = text.charAt(i);
      sb.append(
          Character.isISOControl(c) || Character.isSurrogate(c)
              ? String.format("\\u%04x", (int) c)
              : String.valueOf(c));
    }
    return sb.toString();
  }

  private static Map<String, String> sortedMap(Map<String, String> map) {
    return map == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(map));
  }
}
