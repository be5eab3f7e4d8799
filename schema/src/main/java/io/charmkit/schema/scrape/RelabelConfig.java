package io.charmkit.schema.scrape;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * One Prometheus {@code relabel_config}. The coordinators use the two-key form {@code
 * {"target_label": …, "replacement": …}} (a fixed label on every series of the job); the other keys
 * are read when another provider sends them.
 *
 * @param targetLabel the label written
 * @param replacement the value written (Prometheus' default {@code $1} when absent)
 * @param sourceLabels the labels whose values are joined and matched, or null
 * @param separator what joins the source labels, or null
 * @param regex what the joined value must match, or null
 * @param action the relabel action, or null for {@code replace}
 */
@JsonPropertyOrder({"target_label", "replacement", "source_labels", "separator", "regex", "action"})
public record RelabelConfig(
    @JsonProperty("target_label") String targetLabel,
    @JsonProperty("replacement") String replacement,
    @JsonProperty("source_labels") List<String> sourceLabels,
    @JsonProperty("separator") String separator,
    @JsonProperty("regex") String regex,
    @JsonProperty("action") String action) {

  /**
   * Returns the form that sets one label to a fixed value.
   *
   * @param label the label
   * @param value its value
   * @return the relabel config
   */
  public static RelabelConfig set(String label, String value) {
    return new RelabelConfig(label, value, null, null, null, null);
  }
}
