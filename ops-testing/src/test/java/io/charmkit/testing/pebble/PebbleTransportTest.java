package io.charmkit.testing.pebble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.charmkit.ops.pebble.PebbleClient;
import io.charmkit.ops.pebble.PebbleConnectionException;
import io.charmkit.ops.pebble.PushOptions;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client's JDK transport against the test Pebble: connection reuse, restarts, big bodies. */
class PebbleTransportTest {
  @TempDir Path dir;
  PebbleServer server;
  PebbleClient client;

  @BeforeEach
  void start() {
    server = PebbleServer.start(dir.resolve("pebble.socket"), dir.resolve("root"));
    client = PebbleClient.forSocket("workload", server.socketPath());
  }

  @AfterEach
  void stop() throws Exception {
    client.close();
    server.close();
  }

  @Test
  void aPebbleRestartBetweenCallsIsInvisibleToTheNextCall() {
    assertThat(client.systemInfo().version()).isEqualTo("v1.14.1");
    server.close(); // drops the connection the client keeps alive

    assertThatThrownBy(client::systemInfo)
        .isInstanceOf(PebbleConnectionException.class)
        .hasMessageContaining(server.socketPath().toString());
    server = PebbleServer.start(dir.resolve("pebble.socket"), dir.resolve("root"));

    assertThat(client.canConnect()).isTrue();
    assertThat(client.services(java.util.List.of())).isEmpty();
  }

  @Test
  void aLargeFileSurvivesPushAndPullAcrossManyReads() {
    byte[] content = new byte[3 * 1024 * 1024 + 17];
    new Random(42).nextBytes(content);

    client.push("/big.bin", content, PushOptions.defaults());

    assertThat(client.pull("/big.bin")).isEqualTo(content);
    assertThat(client.listFiles("/big.bin", null, false).get(0).size()).isEqualTo(content.length);
  }

  @Test
  void manyCallsInARowAllSucceedOnTheKeptConnection() {
    for (int i = 0; i < 50; i++) {
      client.push("/f" + i, "content " + i, PushOptions.defaults());
    }

    for (int i = 0; i < 50; i++) {
      assertThat(client.pullText("/f" + i)).isEqualTo("content " + i);
    }
    assertThat(server.requests()).hasSize(100);
  }
}
