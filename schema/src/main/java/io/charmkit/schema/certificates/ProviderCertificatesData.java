package io.charmkit.schema.certificates;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.charmkit.schema.codec.DatabagCodec;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/**
 * The provider application's bag on a {@code tls-certificates} relation ({@code
 * _ProviderApplicationData} of the v4 library): every certificate it issued, for every requirer
 * unit. Like the library, an absent key reads as no certificate.
 *
 * @param certificates the certificates; null when none
 */
public record ProviderCertificatesData(
    @JsonProperty("certificates") List<@NotNull @Valid ProvidedCertificate> certificates) {

  /** The codec for this bag. */
  public static final DatabagCodec<ProviderCertificatesData> CODEC =
      DatabagCodec.perFieldJson(ProviderCertificatesData.class);

  /**
   * Returns the certificates, empty when the bag holds none.
   *
   * @return the certificates
   */
  public List<ProvidedCertificate> issued() {
    return certificates == null ? List.of() : certificates;
  }
}
