package io.charmkit.ops.pebble;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;

/**
 * An exec health check: up when {@code command} exits 0.
 *
 * @param command the command line
 * @param serviceContext run in this service's context (environment, user, working dir)
 * @param environment extra environment; never null
 * @param user the user name
 * @param userId the uid
 * @param group the group name
 * @param groupId the gid
 * @param workingDir the working directory
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({
  "command",
  "service-context",
  "environment",
  "user",
  "user-id",
  "group",
  "group-id",
  "working-dir"
})
public record ExecCheck(
    String command,
    @JsonProperty("service-context") String serviceContext,
    Map<String, String> environment,
    String user,
    @JsonProperty("user-id") Integer userId,
    String group,
    @JsonProperty("group-id") Integer groupId,
    @JsonProperty("working-dir") String workingDir) {

  /** Normalises an absent environment to an empty map. */
  public ExecCheck {
    environment = environment == null ? Map.of() : Map.copyOf(environment);
  }

  /** An exec check running {@code command} with no other settings. */
  public static ExecCheck of(String command) {
    return new ExecCheck(command, null, null, null, null, null, null, null);
  }
}
