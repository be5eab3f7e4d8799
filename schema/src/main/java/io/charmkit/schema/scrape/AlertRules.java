package io.charmkit.schema.scrape;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.charmkit.schema.validation.CheckedModel;
import io.charmkit.schema.validation.Problem;
import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.List;

/**
 * A rules file as one JSON document: {@code {"groups": [...]}}, or {@code {}} when there is no rule
 * (the library's {@code as_dict()}).
 *
 * @param groups the groups, or null for none
 */
public record AlertRules(@JsonProperty("groups") List<@Valid RuleGroup> groups)
    implements CheckedModel {

  /** No rules: written {@code {}}. */
  public static final AlertRules NONE = new AlertRules(null);

  /**
   * Returns the rules of these groups; {@link #NONE} when there are none, as the library writes it.
   *
   * @param groups the groups
   * @return the rules file
   */
  public static AlertRules of(List<RuleGroup> groups) {
    return groups.isEmpty() ? NONE : new AlertRules(List.copyOf(groups));
  }

  /** Returns a problem for each null group and for each rule that is not an alert or a record. */
  @Override
  public List<Problem> check() {
    List<Problem> problems = new ArrayList<>();
    if (groups == null) {
      return problems;
    }
    for (int i = 0; i < groups.size(); i++) {
      RuleGroup group = groups.get(i);
      if (group == null) {
        problems.add(new Problem("groups[" + i + "]", "must not be null"));
        continue;
      }
      String at = "groups[" + i + "].";
      group.check().forEach(p -> problems.add(new Problem(at + p.path(), p.message())));
    }
    return problems;
  }
}
