package io.charmkit.examples.tempo.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import io.charmkit.coordinator.s3.S3Readiness;
import io.charmkit.testing.juju.EmbeddedJuju;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The s3-standin shell charm, run as a process by the embedded Juju. */
class S3StandinTest {
  private static final Path STANDIN = Path.of("../s3-standin/charm").toAbsolutePath();
  private static final Path REQUIRER = Path.of("src/test/resources/s3-requirer").toAbsolutePath();

  @Test
  void theLeaderHandsOutItsConfigWithTheRequestedBucket() throws Exception {
    try (EmbeddedJuju juju = EmbeddedJuju.builder().build()) {
      juju.deploy("s3", STANDIN, 1, Map.of("tls-ca-chain", "[\"PEM\"]"));
      juju.deploy("tempo", REQUIRER, 1, Map.of());
      int id = juju.relate("s3:s3-credentials", "tempo:s3");
      juju.settle();

      Map<String, String> sent = juju.appData(id, "s3");
      assertThat(sent)
          .containsEntry("endpoint", "http://s3-standin.example:9000")
          .containsEntry("bucket", "wanted")
          .containsEntry("access-key", "standin-access-key")
          .containsEntry("secret-key", "standin-secret-key")
          .containsEntry("region", "us-east-1")
          .containsEntry("tls-ca-chain", "[\"PEM\"]");
      assertThat(S3Readiness.read(sent)).isInstanceOf(S3Readiness.Ready.class);
      assertThat(juju.unitStatus("s3/0").message())
          .isEqualTo("serving http://s3-standin.example:9000");
    }
  }

  @Test
  void withoutCredentialsItIsBlockedAndSendsNothing() throws Exception {
    try (EmbeddedJuju juju = EmbeddedJuju.builder().build()) {
      juju.deploy("s3", STANDIN, 1, Map.of("access-key", ""));
      juju.deploy("tempo", REQUIRER, 1, Map.of());
      int id = juju.relate("s3:s3-credentials", "tempo:s3");
      juju.settle();

      assertThat(juju.appData(id, "s3")).isEmpty();
      assertThat(juju.unitStatus("s3/0").message()).isEqualTo("missing config: access-key");
    }
  }
}
