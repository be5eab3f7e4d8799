package io.charmkit.examples.mimir.coordinator;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The Mimir coordinator's options (PRODUCTS.md §5.3, §5.5).
 *
 * @param metricsRetentionPeriod {@code metrics_retention_period}: how long metrics are kept, a time
 *     span such as {@code 30d}, or {@code 0} for ever
 * @param maxGlobalExemplarsPerUser {@code max_global_exemplars_per_user}: 0 or less disables
 *     exemplar storage
 */
public record MimirSettings(String metricsRetentionPeriod, long maxGlobalExemplarsPerUser) {

  /** The options' defaults. */
  public static final MimirSettings DEFAULTS = new MimirSettings("0", 0);

  /** The least exemplar limit Mimir's documentation recommends once exemplars are on. */
  public static final long EXEMPLARS_FLOOR = 100_000;

  // cosl's is_valid_timespec, which the Python charm uses: one number and one unit, or 0.
  private static final Pattern TIME_SPAN = Pattern.compile("0|[0-9]+(y|w|d|h|m|s|ms)");

  /**
   * Tells whether the retention period is a valid time span.
   *
   * @return whether it is
   */
  public boolean retentionValid() {
    return metricsRetentionPeriod != null && TIME_SPAN.matcher(metricsRetentionPeriod).matches();
  }

  /**
   * Returns the blocked-status message for an invalid retention period, worded as the Python charm
   * words it: {@code Invalid config option (see debug-log): retention_period=1 week}.
   *
   * @return the message; empty when the period is valid
   */
  public Optional<String> validationMessage() {
    return retentionValid()
        ? Optional.empty()
        : Optional.of(
            "Invalid config option (see debug-log): retention_period=" + metricsRetentionPeriod);
  }

  /**
   * Returns the retention the workers run with: the option when valid, else {@code 0}, which keeps
   * everything, so that a typo cannot delete data.
   *
   * @return the span, or the integer 0 (Mimir's documented form of "for ever")
   */
  public Object effectiveRetention() {
    String span = retentionValid() ? metricsRetentionPeriod : "0";
    return span.equals("0") ? (Object) 0 : span;
  }

  /**
   * Returns the exemplar limit the workers run with: 0 when the option is 0 or less, else at least
   * {@link #EXEMPLARS_FLOOR}.
   *
   * @return the limit
   */
  public long effectiveExemplars() {
    return maxGlobalExemplarsPerUser <= 0
        ? 0
        : Math.max(maxGlobalExemplarsPerUser, EXEMPLARS_FLOOR);
  }
}
