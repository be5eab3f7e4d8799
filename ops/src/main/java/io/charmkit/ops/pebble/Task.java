package io.charmkit.ops.pebble;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * One task of a Pebble {@link Change}.
 *
 * @param id the task id
 * @param kind e.g. {@code start}, {@code stop}, {@code exec}
 * @param summary e.g. {@code Start service "tempo"}
 * @param status {@code Do}, {@code Doing}, {@code Done}, {@code Error}, …
 * @param log log lines (failed tasks carry their error here); never null
 * @param progress the progress counter, or {@code null}
 * @param spawnTime RFC 3339 time the task was created
 * @param readyTime RFC 3339 time it finished, or {@code null}
 * @param data task data (for exec, {@code exit-code}); never null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Task(
    String id,
    String kind,
    String summary,
    String status,
    List<String> log,
    Progress progress,
    @JsonProperty("spawn-time") String spawnTime,
    @JsonProperty("ready-time") String readyTime,
    Map<String, Object> data) {

  /** Normalises absent lists and maps to empty ones. */
  public Task {
    log = log == null ? List.of() : List.copyOf(log);
    data = data == null ? Map.of() : Map.copyOf(data);
  }

  /**
   * A task's progress counter.
   *
   * @param label a label, usually empty
   * @param done units done
   * @param total units in total
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Progress(String label, int done, int total) {}
}
