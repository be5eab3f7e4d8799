package io.charmkit.coordinator.tls;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The application service FQDN of PRODUCTS.md §1.5. */
class CertificatesTlsTest {

  @Test
  void theServiceFqdnKeepsTheModelAndSvcLabelsWithTheAppNameInFront() {
    assertThat(
            CertificatesTls.serviceFqdn("tempo", "tempo-0.tempo-endpoints.cos.svc.cluster.local"))
        .isEqualTo("tempo.cos.svc.cluster.local");
  }

  @Test
  void anFqdnWithoutSvcIsUsedAsItIs() {
    assertThat(CertificatesTls.serviceFqdn("tempo", "host.example.com"))
        .isEqualTo("host.example.com");
  }
}
