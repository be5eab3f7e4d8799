package io.charmkit.schema.certificates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.charmkit.schema.validation.DatabagValidationException;
import io.charmkit.schema.validation.Problem;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The tls-certificates bags byte for byte as the charm library {@code tls_certificates} v4 writes
 * them: each field {@code json.dumps}ed (", " and ": " separators, newlines escaped), nested models
 * in declaration order, fields left at their default not written ({@code exclude_defaults}).
 */
class CertificatesWireTest {

  private static final String CSR =
      "-----BEGIN CERTIFICATE REQUEST-----\nMIICWjCCAUICAQAw\n-----END CERTIFICATE REQUEST-----";
  private static final String CERT =
      "-----BEGIN CERTIFICATE-----\nMIICvDCC\n-----END CERTIFICATE-----";
  private static final String CA =
      "-----BEGIN CERTIFICATE-----\nMIIDJTCC\n-----END CERTIFICATE-----";

  private static final String REQUIRER_VALUE =
      "[{\"certificate_signing_request\": \"-----BEGIN CERTIFICATE REQUEST-----\\nMIICWjCCAUICAQAw"
          + "\\n-----END CERTIFICATE REQUEST-----\", \"ca\": false}]";

  private static final String PROVIDER_VALUE =
      "[{\"ca\": \"-----BEGIN CERTIFICATE-----\\nMIIDJTCC\\n-----END CERTIFICATE-----\","
          + " \"certificate_signing_request\": \"-----BEGIN CERTIFICATE REQUEST-----\\nMIICWjCCAUICAQAw"
          + "\\n-----END CERTIFICATE REQUEST-----\","
          + " \"certificate\": \"-----BEGIN CERTIFICATE-----\\nMIICvDCC\\n-----END CERTIFICATE-----\","
          + " \"chain\": [\"-----BEGIN CERTIFICATE-----\\nMIICvDCC\\n-----END CERTIFICATE-----\","
          + " \"-----BEGIN CERTIFICATE-----\\nMIIDJTCC\\n-----END CERTIFICATE-----\"]}]";

  private static final String REVOKED_VALUE =
      "[{\"ca\": \"-----BEGIN CERTIFICATE-----\\nMIIDJTCC\\n-----END CERTIFICATE-----\","
          + " \"certificate_signing_request\": \"-----BEGIN CERTIFICATE REQUEST-----\\nMIICWjCCAUICAQAw"
          + "\\n-----END CERTIFICATE REQUEST-----\","
          + " \"certificate\": \"-----BEGIN CERTIFICATE-----\\nMIICvDCC\\n-----END CERTIFICATE-----\","
          + " \"chain\": [\"-----BEGIN CERTIFICATE-----\\nMIICvDCC\\n-----END CERTIFICATE-----\","
          + " \"-----BEGIN CERTIFICATE-----\\nMIIDJTCC\\n-----END CERTIFICATE-----\"],"
          + " \"revoked\": true}]";

  @Test
  void theRequirerBagIsWrittenAsTheLibraryDumpsIt() {
    RequirerCertificatesData data =
        new RequirerCertificatesData(List.of(new CertificateSigningRequest(CSR, false)));

    assertThat(RequirerCertificatesData.CODEC.write(data))
        .containsExactly(Map.entry("certificate_signing_requests", REQUIRER_VALUE));
    assertThat(
            RequirerCertificatesData.CODEC.read(
                Map.of(
                    "certificate_signing_requests", REQUIRER_VALUE, "ingress-address", "10.1.2.3"),
                ""))
        .isEqualTo(data);
  }

  @Test
  void noRequestDeletesTheKeyAsExcludeDefaultsDoes() {
    assertThat(RequirerCertificatesData.CODEC.write(new RequirerCertificatesData(null)))
        .containsExactly(Map.entry("certificate_signing_requests", ""));
    assertThat(RequirerCertificatesData.CODEC.read(Map.of(), "").requests()).isEmpty();
  }

  @Test
  void theProviderBagIsWrittenAsTheLibraryDumpsItWithoutAnUnsetRevokedFlag() {
    ProvidedCertificate issued = new ProvidedCertificate(CA, CSR, CERT, List.of(CERT, CA), null);

    assertThat(ProviderCertificatesData.CODEC.write(new ProviderCertificatesData(List.of(issued))))
        .containsExactly(Map.entry("certificates", PROVIDER_VALUE));
    ProviderCertificatesData read =
        ProviderCertificatesData.CODEC.read(Map.of("certificates", PROVIDER_VALUE), "");
    assertThat(read.issued()).containsExactly(issued);
    assertThat(read.issued().get(0).wasRevoked()).isFalse();
  }

  @Test
  void aRevokedCertificateCarriesTheFlagLast() {
    ProvidedCertificate revoked = new ProvidedCertificate(CA, CSR, CERT, List.of(CERT, CA), true);

    assertThat(ProviderCertificatesData.CODEC.write(new ProviderCertificatesData(List.of(revoked))))
        .containsExactly(Map.entry("certificates", REVOKED_VALUE));
    assertThat(
            ProviderCertificatesData.CODEC
                .read(Map.of("certificates", REVOKED_VALUE), "")
                .issued()
                .get(0)
                .wasRevoked())
        .isTrue();
  }

  @Test
  void aMalformedProviderBagNamesTheFieldPath() {
    String value = "[{\"ca\": \"x\", \"certificate_signing_request\": \"y\", \"certificate\": 7}]";
    DatabagValidationException e =
        catchThrowableOfType(
            DatabagValidationException.class,
            () ->
                ProviderCertificatesData.CODEC.read(
                    Map.of("certificates", value), "relation certificates:4, application ca"));

    assertThat(e.problems())
        .containsExactly(
            new Problem("certificates[0].certificate", "must be a string, not an integer"));
    assertThat(e.getMessage())
        .startsWith("relation certificates:4, application ca, certificates[0]");
  }

  @Test
  void aMissingCertificateIsNamed() {
    String value = "[{\"ca\": \"x\", \"certificate_signing_request\": \"y\"}]";
    DatabagValidationException e =
        catchThrowableOfType(
            DatabagValidationException.class,
            () -> ProviderCertificatesData.CODEC.read(Map.of("certificates", value), ""));

    assertThat(e.problems())
        .containsExactly(new Problem("certificates[0].certificate", "must not be null"));
  }
}
