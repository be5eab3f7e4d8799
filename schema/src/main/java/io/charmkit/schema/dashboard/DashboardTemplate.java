package io.charmkit.schema.dashboard;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * One dashboard as the provider sends it.
 *
 * @param charm the providing charm's metadata name
 * @param content the dashboard JSON, xz-compressed and base64-encoded (cosl's {@code LZMABase64})
 * @param jujuTopology the provider's topology, or {@link DashboardTopology#NONE}
 * @param injectDropdowns whether Grafana adds the topology dropdowns to the dashboard
 * @param dashboardAltUid a stable alternative UID (16 hex digits), or null
 */
@JsonPropertyOrder({"charm", "content", "juju_topology", "inject_dropdowns", "dashboard_alt_uid"})
public record DashboardTemplate(
    @JsonProperty("charm") @NotNull String charm,
    @JsonProperty("content")
        @NotBlank
        @Pattern(regexp = "^[A-Za-z0-9+/]+={0,2}$", message = "is not base64")
        String content,
    @JsonProperty("juju_topology") @NotNull @Valid DashboardTopology jujuTopology,
    @JsonProperty("inject_dropdowns") @NotNull Boolean injectDropdowns,
    @JsonProperty("dashboard_alt_uid") String dashboardAltUid) {}
