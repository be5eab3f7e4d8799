package io.charmkit.schema.scrape;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;

/**
 * One {@code static_configs} entry of a scrape job: fixed targets and the labels added to what is
 * scraped from them.
 *
 * @param targets {@code host:port} of each target; {@code *:port} means every unit of the provider
 * @param labels labels added to every series of these targets, or null for none
 */
@JsonPropertyOrder({"targets", "labels"})
public record StaticConfig(
    @JsonProperty("targets") @NotNull List<@NotNull String> targets,
    @JsonProperty("labels") Map<String, @NotNull String> labels) {}
