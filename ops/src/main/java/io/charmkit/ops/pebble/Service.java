package io.charmkit.ops.pebble;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A service in a Pebble layer or plan. Every field is optional in a plan; in a layer, {@code
 * override} ({@code merge} or {@code replace}) is required. Absent lists and maps are empty, so two
 * services compare equal whenever Pebble would treat them alike.
 *
 * @param summary a one-line summary
 * @param description a longer description
 * @param startup {@code enabled} (started by replan/autostart) or {@code disabled}
 * @param override {@code merge} or {@code replace}
 * @param command the command line
 * @param after services this one starts after
 * @param before services this one starts before
 * @param requires services this one requires
 * @param environment environment variables
 * @param user the user to run as
 * @param userId the uid to run as
 * @param group the group to run as
 * @param groupId the gid to run as
 * @param workingDir the working directory
 * @param onSuccess action when the service exits 0 ({@code restart}, {@code shutdown}, …)
 * @param onFailure action when it exits non-zero
 * @param onCheckFailure check name to action
 * @param backoffDelay initial restart back-off, a Go duration such as {@code 500ms}
 * @param backoffFactor back-off multiplier
 * @param backoffLimit maximum back-off, a Go duration
 * @param killDelay time between SIGTERM and SIGKILL, a Go duration
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({
  "summary",
  "description",
  "startup",
  "override",
  "command",
  "after",
  "before",
  "requires",
  "environment",
  "user",
  "user-id",
  "group",
  "group-id",
  "working-dir",
  "on-success",
  "on-failure",
  "on-check-failure",
  "backoff-delay",
  "backoff-factor",
  "backoff-limit",
  "kill-delay"
})
public record Service(
    String summary,
    String description,
    String startup,
    String override,
    String command,
    List<String> after,
    List<String> before,
    List<String> requires,
    Map<String, String> environment,
    String user,
    @JsonProperty("user-id") Integer userId,
    String group,
    @JsonProperty("group-id") Integer groupId,
    @JsonProperty("working-dir") String workingDir,
    @JsonProperty("on-success") String onSuccess,
    @JsonProperty("on-failure") String onFailure,
    @JsonProperty("on-check-failure") Map<String, String> onCheckFailure,
    @JsonProperty("backoff-delay") String backoffDelay,
    @JsonProperty("backoff-factor") Double backoffFactor,
    @JsonProperty("backoff-limit") String backoffLimit,
    @JsonProperty("kill-delay") String killDelay) {

  /** Normalises absent collections to empty ones and copies the given ones. */
  public Service {
    after = after == null ? List.of() : List.copyOf(after);
    before = before == null ? List.of() : List.copyOf(before);
    requires = requires == null ? List.of() : List.copyOf(requires);
    environment = environment == null ? Map.of() : copy(environment);
    onCheckFailure = onCheckFailure == null ? Map.of() : copy(onCheckFailure);
  }

  private static Map<String, String> copy(Map<String, String> map) {
    // Keeps insertion order so the layer YAML is written in the caller's order.
    return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }

  /** A builder for a layer service running {@code command}, with {@code override: replace}. */
  public static Builder builder(String command) {
    return new Builder().override("replace").command(command);
  }

  /** A builder pre-filled with this service's fields. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Builds a {@link Service}; unset fields stay absent. */
  public static final class Builder {
    private String summary;
    private String description;
    private String startup;
    private String override;
    private String command;
    private List<String> after = List.of();
    private List<String> before = List.of();
    private List<String> requires = List.of();
    private Map<String, String> environment = new LinkedHashMap<>();
    private String user;
    private Integer userId;
    private String group;
    private Integer groupId;
    private String workingDir;
    private String onSuccess;
    private String onFailure;
    private Map<String, String> onCheckFailure = new LinkedHashMap<>();
    private String backoffDelay;
    private Double backoffFactor;
    private String backoffLimit;
    private String killDelay;

    private Builder() {}

    private Builder(Service s) {
      summary = s.summary;
      description = s.description;
      startup = s.startup;
      override = s.override;
      command = s.command;
      after = s.after;
      before = s.before;
      requires = s.requires;
      environment = new LinkedHashMap<>(s.environment);
      user = s.user;
      userId = s.userId;
      group = s.group;
      groupId = s.groupId;
      workingDir = s.workingDir;
      onSuccess = s.onSuccess;
      onFailure = s.onFailure;
      onCheckFailure = new LinkedHashMap<>(s.onCheckFailure);
      backoffDelay = s.backoffDelay;
      backoffFactor = s.backoffFactor;
      backoffLimit = s.backoffLimit;
      killDelay = s.killDelay;
    }

    /** Sets the summary. */
    public Builder summary(String value) {
      summary = value;
      return this;
    }

    /** Sets the description. */
    public Builder description(String value) {
      description = value;
      return this;
    }

    /** Sets startup: {@code enabled} or {@code disabled}. */
    public Builder startup(String value) {
      startup = value;
      return this;
    }

    /** Shorthand for {@code startup("enabled")}. */
    public Builder enabled() {
      return startup("enabled");
    }

    /** Sets override: {@code merge} or {@code replace}. */
    public Builder override(String value) {
      override = value;
      return this;
    }

    /** Sets the command line. */
    public Builder command(String value) {
      command = value;
      return this;
    }

    /** Sets the services this one starts after. */
    public Builder after(List<String> value) {
      after = value;
      return this;
    }

    /** Sets the services this one starts before. */
    public Builder before(List<String> value) {
      before = value;
      return this;
    }

    /** Sets the services this one requires. */
    public Builder requires(List<String> value) {
      requires = value;
      return this;
    }

    /** Adds one environment variable. */
    public Builder env(String name, String value) {
      environment.put(name, value);
      return this;
    }

    /** Replaces the environment. */
    public Builder environment(Map<String, String> value) {
      environment = new LinkedHashMap<>(value);
      return this;
    }

    /** Sets the user name. */
    public Builder user(String value) {
      user = value;
      return this;
    }

    /** Sets the uid. */
    public Builder userId(Integer value) {
      userId = value;
      return this;
    }

    /** Sets the group name. */
    public Builder group(String value) {
      group = value;
      return this;
    }

    /** Sets the gid. */
    public Builder groupId(Integer value) {
      groupId = value;
      return this;
    }

    /** Sets the working directory. */
    public Builder workingDir(String value) {
      workingDir = value;
      return this;
    }

    /** Sets the action on exit 0. */
    public Builder onSuccess(String value) {
      onSuccess = value;
      return this;
    }

    /** Sets the action on non-zero exit. */
    public Builder onFailure(String value) {
      onFailure = value;
      return this;
    }

    /** Sets the action taken when {@code check} fails. */
    public Builder onCheckFailure(String check, String action) {
      onCheckFailure.put(check, action);
      return this;
    }

    /** Sets the initial back-off delay (a Go duration). */
    public Builder backoffDelay(String value) {
      backoffDelay = value;
      return this;
    }

    /** Sets the back-off factor. */
    public Builder backoffFactor(Double value) {
      backoffFactor = value;
      return this;
    }

    /** Sets the back-off limit (a Go duration). */
    public Builder backoffLimit(String value) {
      backoffLimit = value;
      return this;
    }

    /** Sets the kill delay (a Go duration). */
    public Builder killDelay(String value) {
      killDelay = value;
      return this;
    }

    /** Builds the service. */
    public Service build() {
      return new Service(
          summary,
          description,
          startup,
          override,
          command,
          after,
          before,
          requires,
          environment,
          user,
          userId,
          group,
          groupId,
          workingDir,
          onSuccess,
          onFailure,
          onCheckFailure,
          backoffDelay,
          backoffFactor,
          backoffLimit,
          killDelay);
    }
  }
}
