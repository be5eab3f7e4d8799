package io.charmkit.coordinator.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class S3ReadinessTest {

  private static Map<String, String> bag(String endpoint) {
    Map<String, String> bag = new HashMap<>();
    bag.put("endpoint", endpoint);
    bag.put("bucket", "traces");
    bag.put("access-key", "AKIA");
    bag.put("secret-key", "s3cr3t");
    return bag;
  }

  private static S3Config ready(Map<String, String> bag) {
    S3Readiness readiness = S3Readiness.read(bag);
    assertThat(readiness).isInstanceOf(S3Readiness.Ready.class);
    return ((S3Readiness.Ready) readiness).config();
  }

  @ParameterizedTest(name = "{0} -> endpoint {1}, insecure {2}")
  @CsvSource({
    "http://minio.local:9000, minio.local:9000, true",
    "https://s3.amazonaws.com, s3.amazonaws.com, false",
    "minio.local:9000, minio.local:9000, true",
    "10.1.2.3:9000, 10.1.2.3:9000, true",
    "HTTPS://S3.EXAMPLE, S3.EXAMPLE, false",
    "http://host/path, host/path, true",
  })
  void stripsTheSchemeAndDerivesInsecureFromIt(String endpoint, String host, boolean insecure) {
    S3Config config = ready(bag(endpoint));
    assertThat(config.host()).isEqualTo(host);
    assertThat(config.insecure()).isEqualTo(insecure);
    assertThat(config.tlsCaPath()).isEmpty();
  }

  @Test
  void aCaChainMakesEvenPlainHttpSecureAndPointsAtTheWorkersFile() {
    Map<String, String> bag = bag("http://minio.local:9000");
    bag.put(
        "tls-ca-chain", "[\"-----BEGIN CERTIFICATE-----\\nA\\n-----END CERTIFICATE-----\", \"B\"]");
    S3Config config = ready(bag);

    assertThat(config.insecure()).isFalse();
    assertThat(config.tlsCaPath()).contains("/etc/worker/s3_ca.crt");
    assertThat(config.caChainPem())
        .contains("-----BEGIN CERTIFICATE-----\nA\n-----END CERTIFICATE-----\n\nB");
  }

  @Test
  void anEmptyChainIsNoChain() {
    Map<String, String> bag = bag("http://minio");
    bag.put("tls-ca-chain", "[]");
    S3Config config = ready(bag);
    assertThat(config.insecure()).isTrue();
    assertThat(config.caChainPem()).isEmpty();
  }

  @Nested
  class TheDropIn {
    @Test
    void hasTheCoordinatorsKeysWithoutAbsentOnes() {
      Map<String, Object> expected = new LinkedHashMap<>();
      expected.put("endpoint", "minio.local:9000");
      expected.put("access_key_id", "AKIA");
      expected.put("secret_access_key", "s3cr3t");
      expected.put("bucket_name", "traces");
      expected.put("insecure", true);
      assertThat(ready(bag("http://minio.local:9000")).dropIn()).containsExactlyEntriesOf(expected);
    }

    @Test
    void carriesTheRegionAndTheCaPath() {
      Map<String, String> bag = bag("https://s3.eu");
      bag.put("region", "eu-west-1");
      bag.put("tls-ca-chain", "[\"CA\"]");
      Map<String, Object> expected = new LinkedHashMap<>();
      expected.put("endpoint", "s3.eu");
      expected.put("region", "eu-west-1");
      expected.put("access_key_id", "AKIA");
      expected.put("secret_access_key", "s3cr3t");
      expected.put("bucket_name", "traces");
      expected.put("insecure", false);
      expected.put("tls_ca_path", "/etc/worker/s3_ca.crt");
      assertThat(ready(bag).dropIn()).containsExactlyEntriesOf(expected);
    }
  }

  @Nested
  class NotReady {
    @Test
    void noRelationIsMissing() {
      assertThat(S3Readiness.read(null)).isSameAs(S3Readiness.MISSING);
    }

    @Test
    void anEmptyBagNamesEveryRequiredField() {
      assertThat(S3Readiness.read(Map.of()))
          .isEqualTo(new S3Readiness.NotReady("missing access-key, bucket, endpoint, secret-key"));
    }

    @Test
    void aBlankFieldCountsAsMissing() {
      Map<String, String> bag = bag("http://minio");
      bag.put("secret-key", "");
      assertThat(S3Readiness.read(bag)).isEqualTo(new S3Readiness.NotReady("missing secret-key"));
    }

    @Test
    void aChainThatIsNotAJsonListIsMalformed() {
      for (String chain : List.of("-----BEGIN CERTIFICATE-----", "\"CA\"", "[1]", "{\"a\":1}")) {
        Map<String, String> bag = bag("http://minio");
        bag.put("tls-ca-chain", chain);
        assertThat(S3Readiness.read(bag))
            .as(chain)
            .isEqualTo(new S3Readiness.NotReady("tls-ca-chain is not a JSON list of PEM strings"));
      }
    }

    @Test
    void reportsMissingFieldsAndAMalformedChainTogether() {
      assertThat(S3Readiness.read(Map.of("bucket", "b", "access-key", "a", "tls-ca-chain", "x")))
          .isEqualTo(
              new S3Readiness.NotReady(
                  "missing endpoint, secret-key; tls-ca-chain is not a JSON list of PEM strings"));
    }
  }

  @Test
  void theSecretKeyNeverShowsInToString() {
    assertThat(ready(bag("http://minio")).toString()).doesNotContain("s3cr3t");
  }
}
