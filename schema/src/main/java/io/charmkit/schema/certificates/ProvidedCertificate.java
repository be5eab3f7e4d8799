package io.charmkit.schema.certificates;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/**
 * One certificate in a provider's bag ({@code _Certificate} of the v4 library), in the order the
 * library declares its fields. {@code chain} and {@code revoked} default to absent and are only
 * written when set: a provider writes the chain with every certificate and {@code revoked: true}
 * only when it revokes.
 *
 * @param ca the issuing CA certificate (PEM)
 * @param certificateSigningRequest the request this certificate answers (PEM)
 * @param certificate the certificate (PEM)
 * @param chain the chain, leaf first (PEM each); null when absent
 * @param revoked whether the provider revoked it; null when absent (not revoked)
 */
@JsonPropertyOrder({"ca", "certificate_signing_request", "certificate", "chain", "revoked"})
public record ProvidedCertificate(
    @JsonProperty("ca") @NotNull String ca,
    @JsonProperty("certificate_signing_request") @NotNull String certificateSigningRequest,
    @JsonProperty("certificate") @NotNull String certificate,
    @JsonProperty("chain") List<@NotNull String> chain,
    @JsonProperty("revoked") Boolean revoked) {

  /**
   * Whether the provider marked this certificate revoked.
   *
   * @return true only for {@code revoked: true}
   */
  public boolean wasRevoked() {
    return Boolean.TRUE.equals(revoked);
  }
}
