package io.charmkit.coordinator.monolith;

import io.charmkit.ops.model.Model;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The user-facing switches of the monolithic-fallback mode, read from the charm's config.
 *
 * <p>A coordinator charm offers the mode by declaring, in its {@code config.yaml}, the boolean
 * option {@value #ENABLED_OPTION} (default {@code false}) and optionally the int option {@value
 * #HOLD_OPTION} (seconds, default {@value #DEFAULT_HOLD_SECONDS}). A charm that declares neither
 * (Tempo, Pyroscope) never enters the mode.
 *
 * @param enabled whether the option is declared and set to {@code true}
 * @param hold how long the workers must stay consistent before the coordinator stops its process
 * @param problem why the hold option cannot be used (a negative value); the mode then keeps its
 *     phase and the status says so
 */
public record MonolithSettings(boolean enabled, Duration hold, Optional<String> problem) {

  /** The boolean option that turns the mode on. */
  public static final String ENABLED_OPTION = "monolithic-fallback";

  /** The int option holding the hold time, in seconds. */
  public static final String HOLD_OPTION = "monolithic-handover-seconds";

  /** The hold time when {@value #HOLD_OPTION} is not declared or not set: five minutes. */
  public static final long DEFAULT_HOLD_SECONDS = 300;

  /** Checks the parts. */
  public MonolithSettings {
    Objects.requireNonNull(hold, "hold");
    Objects.requireNonNull(problem, "problem");
  }

  /**
   * Reads the settings from the charm's config.
   *
   * @param model the dispatch's model
   * @return the settings; disabled when the charm does not declare {@value #ENABLED_OPTION}
   */
  public static MonolithSettings read(Model model) {
    var options = model.metadata().options();
    if (!options.containsKey(ENABLED_OPTION)) {
      return new MonolithSettings(
          false, Duration.ofSeconds(DEFAULT_HOLD_SECONDS), Optional.empty());
    }
    boolean enabled = model.config().flag(ENABLED_OPTION);
    long seconds =
        options.containsKey(HOLD_OPTION)
            ? model.config().integer(HOLD_OPTION).orElse(DEFAULT_HOLD_SECONDS)
            : DEFAULT_HOLD_SECONDS;
    if (seconds < 0) {
      return new MonolithSettings(
          enabled,
          Duration.ZERO,
          Optional.of(HOLD_OPTION + " must be 0 or more seconds; it is " + seconds));
    }
    return new MonolithSettings(enabled, Duration.ofSeconds(seconds), Optional.empty());
  }
}
