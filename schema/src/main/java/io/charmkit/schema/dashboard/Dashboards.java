package io.charmkit.schema.dashboard;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.Map;

/**
 * The {@code dashboards} document: the templates by id and a random UUID.
 *
 * @param templates dashboard id ({@code file:<name>} for a packaged dashboard) to dashboard;
 *     written with the ids sorted
 * @param uuid a random UUID the library writes so that Juju always sees a change; charmkit keeps it
 *     while the templates are unchanged, so an unchanged bag is never rewritten
 */
@JsonPropertyOrder({"templates", "uuid"})
public record Dashboards(
    @JsonProperty("templates") @NotNull Map<String, @NotNull @Valid DashboardTemplate> templates,
    @JsonProperty("uuid") @NotNull String uuid) {}
