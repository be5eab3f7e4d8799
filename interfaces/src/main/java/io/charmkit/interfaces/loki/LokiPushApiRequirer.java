package io.charmkit.interfaces.loki;

import io.charmkit.interfaces.RemoteDataProblem;
import io.charmkit.ops.model.Model;
import io.charmkit.ops.model.Relation;
import io.charmkit.ops.model.Unit;
import io.charmkit.schema.loki.LokiProviderUnitData;
import io.charmkit.schema.loki.LokiRequirerAppData;
import io.charmkit.schema.topology.JujuTopology;
import io.charmkit.schema.validation.DatabagValidationException;
import io.charmkit.schema.validation.Problem;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The requirer side of loki_push_api: every related Loki unit's push URL, read from its {@code
 * endpoint} key. A unit that has not written the key yet is waited for; a unit whose key is not the
 * JSON the Python provider writes, or whose URL is not usable ({@link LokiPushUrl}), is skipped,
 * logged and reported as a {@link RemoteDataProblem} naming the relation, the unit and the field.
 * Read once, on first use. The leader {@linkplain #publish publishes} its topology in return.
 */
public final class LokiPushApiRequirer {
  private static final Logger LOG = LoggerFactory.getLogger(LokiPushApiRequirer.class);

  private final Model model;
  private final String endpoint;
  private SortedMap<String, String> endpoints;
  private List<RemoteDataProblem> problems;

  /**
   * Creates the requirer; nothing is read yet.
   *
   * @param model the charm's model
   * @param endpoint the loki_push_api endpoint, e.g. {@code logging}; undeclared means no Loki
   */
  public LokiPushApiRequirer(Model model, String endpoint) {
    this.model = model;
    this.endpoint = endpoint;
  }

  /**
   * Tells whether the charm declares the endpoint.
   *
   * @return whether it does
   */
  public boolean declared() {
    return model.metadata().endpoint(endpoint).isPresent();
  }

  /**
   * Returns the usable push URLs.
   *
   * @return Loki unit name to push URL, sorted; empty when undeclared or unrelated
   */
  public SortedMap<String, String> endpoints() {
    read();
    return endpoints;
  }

  /**
   * Returns the bags that were skipped and why.
   *
   * @return the problems, in relation and unit order
   */
  public List<RemoteDataProblem> problems() {
    read();
    return problems;
  }

  /**
   * (Leader) Writes this application's topology and alert rules to every relation of the endpoint,
   * as the Python {@code ConsumerBase} does; charmkit forwards no LogQL rules yet, so the rules are
   * {@code {}}. Written at commit, and only when changed.
   *
   * @param topology this unit's topology (the leader's, as Python writes it)
   */
  public void publish(JujuTopology topology) {
    if (!declared() || !model.isLeader()) {
      return;
    }
    Map<String, String> bag =
        LokiRequirerAppData.CODEC.write(new LokiRequirerAppData(topology, Map.of()));
    for (Relation relation : model.relations(endpoint)) {
      relation.localAppData().putAll(bag);
    }
  }

  private void read() {
    if (endpoints != null) {
      return;
    }
    SortedMap<String, String> found = new TreeMap<>();
    List<RemoteDataProblem> rejected = new ArrayList<>();
    if (declared()) {
      for (Relation relation : model.relations(endpoint)) {
        for (Unit unit : relation.units()) {
          Map<String, String> bag = relation.data(unit).asMap();
          if (!bag.containsKey("endpoint")) {
            continue; // not published yet
          }
          String where = RemoteDataProblem.location(relation, unit.name(), false);
          Optional<Problem> problem;
          String url = null;
          try {
            url = LokiProviderUnitData.CODEC.read(bag, where).endpoint().url();
            problem = LokiPushUrl.problem(url).map(p -> new Problem("endpoint.url", p));
          } catch (DatabagValidationException e) {
            problem = Optional.of(e.problems().get(0));
          }
          if (problem.isPresent()) {
            RemoteDataProblem bad =
                new RemoteDataProblem(
                    relation.name(), relation.id(), unit.name(), false, List.of(problem.get()));
            LOG.warn("{}; this Loki unit gets no logs until it sends a usable URL", bad.summary());
            rejected.add(bad);
          } else {
            found.put(unit.name(), url);
          }
        }
      }
    }
    endpoints = Collections.unmodifiableSortedMap(found);
    problems = List.copyOf(rejected);
  }
}
