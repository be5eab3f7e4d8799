package io.charmkit.schema.scrape;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;

/**
 * One scrape job, the subset of Prometheus' {@code scrape_config} the library lets through ({@code
 * ALLOWED_KEYS}). Fields are written in the order the library's sanitising leaves them: its
 * defaults ({@code metrics_path}, {@code static_configs}) first, then the job's own keys in the
 * order the coordinators build them.
 *
 * @param metricsPath the HTTP path, {@code /metrics} by default
 * @param staticConfigs the targets
 * @param jobName the job's name, or null (the consumer names it from the topology)
 * @param relabelConfigs relabelling applied to the targets, or null
 * @param scheme {@code http} or {@code https}, or null for Prometheus' default ({@code http})
 * @param scrapeInterval how often to scrape, e.g. {@code 1m}, or null
 * @param scrapeTimeout how long a scrape may take, or null
 */
@JsonPropertyOrder({
  "metrics_path",
  "static_configs",
  "job_name",
  "relabel_configs",
  "scheme",
  "scrape_interval",
  "scrape_timeout"
})
public record ScrapeJob(
    @JsonProperty("metrics_path") @NotNull String metricsPath,
    @JsonProperty("static_configs") @NotNull List<@NotNull @Valid StaticConfig> staticConfigs,
    @JsonProperty("job_name") String jobName,
    @JsonProperty("relabel_configs") List<@NotNull @Valid RelabelConfig> relabelConfigs,
    @JsonProperty("scheme") @Pattern(regexp = "^https?$", message = "must be http or https")
        String scheme,
    @JsonProperty("scrape_interval") String scrapeInterval,
    @JsonProperty("scrape_timeout") String scrapeTimeout) {

  /** The library's default path. */
  public static final String DEFAULT_PATH = "/metrics";

  /**
   * Returns a job scraping {@code targets} on {@code path}, with nothing else set.
   *
   * @param path the HTTP path
   * @param staticConfigs the targets
   * @return the job
   */
  public static ScrapeJob of(String path, List<StaticConfig> staticConfigs) {
    return new ScrapeJob(path, staticConfigs, null, null, null, null, null);
  }

  /**
   * Returns this job with its relabel configs set.
   *
   * @param configs the relabel configs
   * @return a copy
   */
  public ScrapeJob withRelabelConfigs(List<RelabelConfig> configs) {
    return new ScrapeJob(
        metricsPath, staticConfigs, jobName, configs, scheme, scrapeInterval, scrapeTimeout);
  }

  /**
   * Returns this job with its scheme set.
   *
   * @param value {@code http} or {@code https}
   * @return a copy
   */
  public ScrapeJob withScheme(String value) {
    return new ScrapeJob(
        metricsPath, staticConfigs, jobName, relabelConfigs, value, scrapeInterval, scrapeTimeout);
  }
}
