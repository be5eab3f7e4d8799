package io.charmkit.examples.pyroscope.coordinator;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The Pyroscope coordinator's data-cleanup options (PRODUCTS.md §3.3, §3.5), each a time span such
 * as {@code 1d}, {@code 12h} or {@code 0}.
 *
 * @param retentionPeriod {@code retention_period}: how long profiles are kept ({@code 0}: forever)
 * @param deletionDelay {@code deletion_delay}: how long a block marked for deletion stays
 * @param cleanupInterval {@code cleanup_interval}: how often the compactor cleans up
 */
public record PyroscopeSettings(
    String retentionPeriod, String deletionDelay, String cleanupInterval) {

  /** The options' defaults. */
  public static final PyroscopeSettings DEFAULTS = new PyroscopeSettings("1d", "12h", "15m");

  /**
   * What the coordinator runs with when an option is invalid: nothing is ever deleted, so that a
   * typo cannot cause data loss.
   */
  public static final PyroscopeSettings CLEANUP_DISABLED = new PyroscopeSettings("0", "0", "15m");

  private static final Pattern TIME_SPAN = Pattern.compile("0|[0-9]+(y|w|d|h|m|s|ms)");

  /**
   * Returns the names of the invalid options.
   *
   * @return option names, sorted
   */
  public List<String> invalidOptions() {
    List<String> invalid = new ArrayList<>();
    if (!valid(cleanupInterval)) {
      invalid.add("cleanup_interval");
    }
    if (!valid(deletionDelay)) {
      invalid.add("deletion_delay");
    }
    if (!valid(retentionPeriod)) {
      invalid.add("retention_period");
    }
    return invalid;
  }

  /**
   * Returns the blocked-status message for invalid options, worded as the Python charm words it:
   * {@code The following configurations are not valid: ['deletion_delay', 'retention_period']}.
   *
   * @return the message; empty when every option is valid
   */
  public Optional<String> validationMessage() {
    List<String> invalid = invalidOptions();
    if (invalid.isEmpty()) {
      return Optional.empty();
    }
    List<String> quoted = invalid.stream().map(name -> "'" + name + "'").toList();
    return Optional.of(
        "The following configurations are not valid: [" + String.join(", ", quoted) + "]");
  }

  /**
   * Returns the settings to configure the workers with.
   *
   * @return these settings when valid, else {@link #CLEANUP_DISABLED}
   */
  public PyroscopeSettings effective() {
    return invalidOptions().isEmpty() ? this : CLEANUP_DISABLED;
  }

  private static boolean valid(String value) {
    return value != null && TIME_SPAN.matcher(value).matches();
  }
}
