package io.charmkit.examples.loki.coordinator;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Loki coordinator's options that reach the workers' configuration (PRODUCTS.md §4.3).
 *
 * @param ingestionRateMb {@code ingestion-rate-mb}: the per-user ingestion rate, in MB/s
 * @param ingestionBurstSizeMb {@code ingestion-burst-size-mb}: the per-user burst, in MB
 * @param maxGlobalStreamsPerUser {@code max-global-streams-per-user}: 0 disables the limit
 * @param retentionPeriodDays {@code retention-period}: days logs are kept; 0 keeps them forever
 * @param reportingEnabled {@code reporting_enabled}: Loki's anonymous usage reports
 */
public record LokiSettings(
    long ingestionRateMb,
    long ingestionBurstSizeMb,
    long maxGlobalStreamsPerUser,
    long retentionPeriodDays,
    boolean reportingEnabled) {

  /** The options' defaults, as the Python charm declares them. */
  public static final LokiSettings DEFAULTS = new LokiSettings(4, 15, 5000, 15, true);

  /** A negative stream limit means "no limit", as the Python charm clamps it to 0. */
  public LokiSettings {
    maxGlobalStreamsPerUser = Math.max(0, maxGlobalStreamsPerUser);
  }

  /**
   * Returns the names of the options Loki would refuse or misread: a rate or burst that is not
   * positive, a negative retention.
   *
   * @return the option names, in declaration order
   */
  public List<String> invalidOptions() {
    List<String> invalid = new ArrayList<>();
    if (ingestionRateMb <= 0) {
      invalid.add("ingestion-rate-mb=" + ingestionRateMb);
    }
    if (ingestionBurstSizeMb <= 0) {
      invalid.add("ingestion-burst-size-mb=" + ingestionBurstSizeMb);
    }
    if (retentionPeriodDays < 0) {
      invalid.add("retention-period=" + retentionPeriodDays);
    }
    return invalid;
  }

  /**
   * Returns the blocked message for invalid options, e.g. {@code Invalid config option(s):
   * retention-period=-1; using the defaults for them}. The Python charm passes such values to Loki
   * unchecked; a worker then fails to start, far from the cause.
   *
   * @return the message; empty when every option is valid
   */
  public Optional<String> validationMessage() {
    List<String> invalid = invalidOptions();
    if (invalid.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        "Invalid config option(s): "
            + String.join(", ", invalid)
            + "; using the defaults for them");
  }

  /**
   * Returns the settings the workers are configured with: each invalid option replaced by its
   * default.
   *
   * @return the effective settings
   */
  public LokiSettings effective() {
    return new LokiSettings(
        ingestionRateMb > 0 ? ingestionRateMb : DEFAULTS.ingestionRateMb,
        ingestionBurstSizeMb > 0 ? ingestionBurstSizeMb : DEFAULTS.ingestionBurstSizeMb,
        maxGlobalStreamsPerUser,
        retentionPeriodDays >= 0 ? retentionPeriodDays : DEFAULTS.retentionPeriodDays,
        reportingEnabled);
  }
}
