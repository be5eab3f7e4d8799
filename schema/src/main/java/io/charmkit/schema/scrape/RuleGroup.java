package io.charmkit.schema.scrape;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.charmkit.schema.validation.CheckedModel;
import io.charmkit.schema.validation.Problem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.List;

/**
 * One rule group: a name unique in its file and the rules evaluated together.
 *
 * @param name the group's name; the library prefixes it with the provider's topology identifier
 * @param rules the rules
 */
@JsonPropertyOrder({"name", "rules"})
public record RuleGroup(
    @JsonProperty("name") @NotBlank String name,
    @JsonProperty("rules") @NotNull List<@NotNull @Valid AlertRule> rules)
    implements CheckedModel {

  /** Returns a problem for each rule that is neither, or both, an alert and a recording rule. */
  @Override
  public List<Problem> check() {
    List<Problem> problems = new ArrayList<>();
    for (int i = 0; i < rules.size(); i++) {
      AlertRule rule = rules.get(i);
      if ((rule.alert() == null) == (rule.record() == null)) {
        problems.add(new Problem("rules[" + i + "]", "must have exactly one of alert and record"));
      }
    }
    return problems;
  }
}
