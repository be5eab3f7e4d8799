package io.charmkit.schema.certificates;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.charmkit.schema.codec.DatabagCodec;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/**
 * A requirer's bag on a {@code tls-certificates} relation: its unit bag in unit mode, its
 * application bag in app mode (the v4 library uses one model, {@code _RequirerData}, for both).
 *
 * <p>The library dumps with {@code exclude_defaults}: an empty list is not written, the key is
 * deleted. Write {@code null} for no request.
 *
 * @param certificateSigningRequests the requests, in the order they were made; null when none
 */
public record RequirerCertificatesData(
    @JsonProperty("certificate_signing_requests")
        List<@NotNull @Valid CertificateSigningRequest> certificateSigningRequests) {

  /** The codec for this bag. */
  public static final DatabagCodec<RequirerCertificatesData> CODEC =
      DatabagCodec.perFieldJson(RequirerCertificatesData.class);

  /**
   * Returns the requests, empty when the bag holds none.
   *
   * @return the requests
   */
  public List<CertificateSigningRequest> requests() {
    return certificateSigningRequests == null ? List.of() : certificateSigningRequests;
  }
}
