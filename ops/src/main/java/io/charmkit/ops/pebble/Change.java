package io.charmkit.ops.pebble;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A Pebble change: the record of an asynchronous operation such as starting services.
 *
 * @param id the change id (a string, as Pebble sends it)
 * @param kind e.g. {@code start}, {@code replan}, {@code perform-check}
 * @param summary e.g. {@code Start service "tempo"}
 * @param status {@code Do}, {@code Doing}, {@code Done}, {@code Error}, …
 * @param tasks the change's tasks; never null
 * @param ready whether the change has finished (successfully or not)
 * @param err Pebble's error text when the change failed, else {@code null}
 * @param spawnTime RFC 3339 time the change was created
 * @param readyTime RFC 3339 time it finished, or {@code null}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Change(
    String id,
    String kind,
    String summary,
    String status,
    List<Task> tasks,
    boolean ready,
    String err,
    @JsonProperty("spawn-time") String spawnTime,
    @JsonProperty("ready-time") String readyTime) {

  /** Normalises an absent task list to an empty one. */
  public Change {
    tasks = tasks == null ? List.of() : List.copyOf(tasks);
  }

  /** Whether the change finished with an error. */
  public boolean failed() {
    return err != null;
  }
}
