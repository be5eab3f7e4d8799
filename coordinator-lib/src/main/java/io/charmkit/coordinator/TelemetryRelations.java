package io.charmkit.coordinator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.charmkit.ops.model.Model;
import io.charmkit.ops.model.Relation;
import io.charmkit.ops.model.Unit;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The remote-write URLs the coordinator forwards to its workers ({@code prometheus_remote_write}:
 * each unit's {@code remote_write} key holds {@code {"url": …}}). A unit whose value is not such
 * JSON is skipped and logged. (Loki push URLs come from {@code LokiPushApiRequirer}.)
 */
final class TelemetryRelations {
  /** The longest remote-write URL accepted, in characters. */
  private static final int MAX_URL = 2048;

  private static final Logger LOG = LoggerFactory.getLogger(TelemetryRelations.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private TelemetryRelations() {}

  /** Every remote-write URL of the endpoint, sorted; empty when undeclared. */
  static SortedSet<String> remoteWriteUrls(Model model, String endpoint) {
    SortedSet<String> out = new TreeSet<>();
    if (model.metadata().endpoint(endpoint).isEmpty()) {
      return out;
    }
    for (Relation relation : model.relations(endpoint)) {
      for (Unit unit : relation.units()) {
        url(relation, unit, "remote_write").ifPresent(out::add);
      }
    }
    return out;
  }

  private static Optional<String> url(Relation relation, Unit unit, String key) {
    Optional<String> raw = relation.data(unit).get(key);
    if (raw.isEmpty()) {
      return Optional.empty();
    }
    try {
      JsonNode node = JSON.readTree(raw.get());
      JsonNode url = node == null ? null : node.get("url");
      // The URL goes into this charm's own bags and the workers' config, which have size
      // limits: one no Prometheus would send (huge, control characters) is skipped.
      if (url != null
          && url.isTextual()
          && !url.textValue().isBlank()
          && url.textValue().length() <= MAX_URL
          && url.textValue().chars().noneMatch(Character::isISOControl)) {
        return Optional.of(url.textValue());
      }
    } catch (JsonProcessingException e) {
      // fall through: reported below
    }
    LOG.warn(
        "relation {}:{}, unit {}, {}: not JSON with a usable \"url\" (at most "
            + MAX_URL
            + " characters); skipped",
        relation.name(),
        relation.id(),
        unit.name(),
        key);
    return Optional.empty();
  }
}
