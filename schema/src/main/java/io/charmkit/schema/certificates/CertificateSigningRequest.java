package io.charmkit.schema.certificates;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.validation.constraints.NotNull;

/**
 * One certificate request in a requirer's bag ({@code _CertificateSigningRequest} of the v4
 * library). Both fields are always written: the library declares {@code ca} without a default.
 *
 * @param certificateSigningRequest the PKCS#10 request, PEM, without a trailing newline
 * @param ca whether a CA certificate is requested
 */
@JsonPropertyOrder({"certificate_signing_request", "ca"})
public record CertificateSigningRequest(
    @JsonProperty("certificate_signing_request") @NotNull String certificateSigningRequest,
    @JsonProperty("ca") @NotNull Boolean ca) {}
