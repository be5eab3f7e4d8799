package io.charmkit.interfaces.ingress;

import io.charmkit.interfaces.RemoteDataProblem;
import io.charmkit.ops.model.Application;
import io.charmkit.ops.model.Model;
import io.charmkit.ops.model.Relation;
import io.charmkit.schema.traefik.TraefikRouteProviderData;
import io.charmkit.schema.traefik.TraefikRouteRequest;
import io.charmkit.schema.validation.DatabagValidationException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The requirer side of traefik_route, as the Python {@code TraefikRouteRequirer} works for the
 * Tempo and Pyroscope coordinators: the leader writes Traefik's dynamic and static configuration
 * (as {@code yaml.safe_dump} writes them) and {@code raw: False} into its application bag once the
 * relation exists; Traefik answers with its {@code external_host} and {@code scheme}. A Traefik bag
 * that does not validate is ignored (no external URL), logged with the relation and the key.
 */
public final class TraefikRouteRequirer {
  /** The endpoint name the Python coordinators use. */
  public static final String DEFAULT_ENDPOINT = "ingress";

  private static final Logger LOG = LoggerFactory.getLogger(TraefikRouteRequirer.class);

  private final Model model;
  private final String endpoint;
  private Optional<TraefikRouteProviderData> provider;
  private Optional<RemoteDataProblem> problem = Optional.empty();

  /**
   * Creates the requirer; nothing is read yet.
   *
   * @param model the charm's model
   * @param endpoint the traefik_route endpoint (under {@code requires}, limit 1)
   * @throws IllegalArgumentException when the charm does not declare the endpoint
   */
  public TraefikRouteRequirer(Model model, String endpoint) {
    if (model.metadata().endpoint(endpoint).isEmpty()) {
      throw new IllegalArgumentException(
          "the traefik_route endpoint '" + endpoint + "' is not in metadata.yaml");
    }
    this.model = model;
    this.endpoint = endpoint;
  }

  /**
   * Tells whether a Traefik is related, so that a configuration can be submitted.
   *
   * @return whether there is a relation
   */
  public boolean related() {
    return relation().isPresent();
  }

  /**
   * Returns the URL Traefik serves this application at, once it sent both its scheme and host.
   *
   * @return e.g. {@code https://traefik.example.com}, without a port or path
   */
  public Optional<String> externalUrl() {
    return provider()
        .filter(p -> p.scheme() != null && p.externalHost() != null)
        .map(p -> p.scheme() + "://" + p.externalHost());
  }

  /**
   * Returns Traefik's scheme, once sent.
   *
   * @return {@code http} or {@code https}
   */
  public Optional<String> scheme() {
    return provider().map(TraefikRouteProviderData::scheme);
  }

  /**
   * Returns why Traefik's bag was ignored, if it was.
   *
   * @return the problem
   */
  public Optional<RemoteDataProblem> problem() {
    provider();
    return problem;
  }

  /**
   * Writes the configuration to the relation (leader only; nothing when unrelated). The bag is
   * written at commit and only when it changed.
   *
   * @param config Traefik's dynamic configuration
   * @param staticConfig Traefik's static configuration; empty for none
   */
  public void submit(Map<String, ?> config, Optional<? extends Map<String, ?>> staticConfig) {
    Optional<Relation> relation = relation();
    if (relation.isEmpty() || !model.isLeader()) {
      return;
    }
    TraefikRouteRequest request =
        new TraefikRouteRequest(
            "False", PyYamlDump.dump(config), staticConfig.map(PyYamlDump::dump).orElse(null));
    Map<String, String> bag = TraefikRouteRequest.CODEC.write(request);
    // The Python requirer leaves a static config it wrote before in place when it sends none.
    if (request.staticConfig() == null) {
      bag.remove("static");
    }
    relation.get().localAppData().putAll(bag);
  }

  private Optional<Relation> relation() {
    List<Relation> relations = model.relations(endpoint);
    return relations.isEmpty() ? Optional.empty() : Optional.of(relations.get(0));
  }

  private Optional<TraefikRouteProviderData> provider() {
    if (provider != null) {
      return provider;
    }
    provider = Optional.empty();
    Optional<Relation> relation = relation();
    Optional<Application> app = relation.flatMap(Relation::app);
    if (app.isEmpty()) {
      return provider;
    }
    Map<String, String> bag = relation.get().data(app.get()).asMap();
    try {
      provider =
          Optional.of(
              TraefikRouteProviderData.CODEC.read(
                  bag, RemoteDataProblem.location(relation.get(), app.get().name(), true)));
    } catch (DatabagValidationException e) {
      RemoteDataProblem bad =
          new RemoteDataProblem(
              endpoint, relation.get().id(), app.get().name(), true, e.problems());
      LOG.warn("ignoring Traefik's address: {}", bad.summary());
      problem = Optional.of(bad);
    }
    return provider;
  }
}
