package io.charmkit.schema.topology;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.regex.Matcher;

/**
 * Where a piece of telemetry comes from: cosl's {@code JujuTopology} (WIRE.md §5).
 *
 * <p>{@code modelUuid} must be a version-4 UUID in canonical lower-case form, the rule cosl
 * enforces with {@code str(UUID(uuid, version=4)) == uuid}; the check runs when the topology is
 * validated (see {@link #isValidModelUuid}).
 *
 * @param model the model name
 * @param modelUuid the model UUID
 * @param application the application name
 * @param unit the unit name, e.g. {@code tempo-worker/0}; {@code ""} when not known
 * @param charmName the charm's metadata name; {@code ""} when not known
 */
@JsonPropertyOrder({"model", "model_uuid", "application", "unit", "charm_name"})
public record JujuTopology(
    @JsonProperty("model") @NotNull String model,
    @JsonProperty("model_uuid")
        @NotNull
        @Pattern(regexp = UUID_V4, message = "is not a valid UUID (lower-case, version 4)")
        String modelUuid,
    @JsonProperty("application") @NotNull String application,
    @JsonProperty("unit") String unit,
    @JsonProperty("charm_name") String charmName) {

  /** A canonical, lower-case, version-4 UUID with an RFC 4122 variant. */
  public static final String UUID_V4 =
      "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

  private static final java.util.regex.Pattern UUID_PATTERN =
      java.util.regex.Pattern.compile(UUID_V4);

  /** Defaults {@code unit} and {@code charmName} to {@code ""}, as cosl's {@code from_dict}. */
  public JujuTopology {
    unit = unit == null ? "" : unit;
    charmName = charmName == null ? "" : charmName;
  }

  /**
   * Returns whether {@code uuid} is acceptable as a model UUID.
   *
   * @param uuid the text to check
   * @return true for a canonical lower-case version-4 UUID
   */
  public static boolean isValidModelUuid(String uuid) {
    if (uuid == null) {
      return false;
    }
    Matcher matcher = UUID_PATTERN.matcher(uuid);
    return matcher.matches();
  }

  /**
   * Returns cosl's {@code identifier}: {@code <model>_<first 8 chars of uuid>_<application>}, with
   * every {@code /} replaced by {@code _}.
   *
   * @return the identifier
   */
  public String identifier() {
    String shortUuid = modelUuid.length() > 8 ? modelUuid.substring(0, 8) : modelUuid;
    return (model + "_" + shortUuid + "_" + application).replace('/', '_');
  }

  /**
   * Returns the subset a worker sends over a cluster relation.
   *
   * @return application, unit and charm name
   */
  public WorkerTopology forWorker() {
    return new WorkerTopology(application, unit, charmName);
  }
}
