package io.charmkit.examples.temporal.pgsql;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The payload of {@link PgsqlRequirer#masterChanged()}: the provider's master connection appeared,
 * changed, became unreadable or went away. Stored with the event when an observer defers it.
 *
 * @param endpoint the endpoint name, e.g. {@code db}
 * @param relationId the relation
 * @param master the parsed libpq keywords in the string's order; empty when there is no master (not
 *     ready, gone, or malformed)
 * @param problem why the provider's {@code master} could not be read, empty when it could
 */
public record MasterChanged(
    String endpoint, int relationId, Map<String, String> master, String problem) {

  /** Keeps the keyword order; null becomes empty. */
  public MasterChanged {
    master = Collections.unmodifiableMap(new LinkedHashMap<>(master == null ? Map.of() : master));
    problem = problem == null ? "" : problem;
  }

  /** The connection, when there is a readable master. */
  public Optional<ConnectionString> connection() {
    return master.isEmpty() ? Optional.empty() : Optional.of(new ConnectionString(master));
  }

  /** Only the keywords: the password stays out of logs. */
  @Override
  public String toString() {
    return "MasterChanged[" + endpoint + ":" + relationId + " " + master.keySet() + problem + "]";
  }
}
