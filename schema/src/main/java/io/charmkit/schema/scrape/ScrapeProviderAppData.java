package io.charmkit.schema.scrape;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.charmkit.schema.codec.DatabagCodec;
import io.charmkit.schema.topology.JujuTopology;
import io.charmkit.schema.validation.CheckedModel;
import io.charmkit.schema.validation.Problem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/**
 * The provider application's databag on a {@code prometheus_scrape} relation, written by the leader
 * as the library's {@code set_scrape_job_spec} writes it: each key a {@code json.dumps} document.
 *
 * @param scrapeMetadata the provider's Juju topology (all five keys; {@code unit} is the leader's)
 * @param scrapeJobs the scrape jobs, never empty once written
 * @param alertRules the alert rules, topology injected; {@code {}} when none
 */
@JsonPropertyOrder({"scrape_metadata", "scrape_jobs", "alert_rules"})
public record ScrapeProviderAppData(
    @JsonProperty("scrape_metadata") @NotNull @Valid JujuTopology scrapeMetadata,
    @JsonProperty("scrape_jobs") @NotNull List<@NotNull @Valid ScrapeJob> scrapeJobs,
    @JsonProperty("alert_rules") @Valid AlertRules alertRules)
    implements CheckedModel {

  /** The codec for this bag: Python's {@code json.dumps} per key. */
  public static final DatabagCodec<ScrapeProviderAppData> CODEC =
      DatabagCodec.perFieldJson(ScrapeProviderAppData.class);

  /** Checks the rules' shape: an alert or a record each. */
  @Override
  public List<Problem> check() {
    return alertRules == null
        ? List.of()
        : alertRules.check().stream()
            .map(p -> new Problem("alert_rules." + p.path(), p.message()))
            .toList();
  }
}
