package io.charmkit.ops.pebble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HttpRequestTest {

  @Test
  void aGetHasHostAndAcceptAndNoBodyHeaders() {
    HttpRequest get = HttpRequest.get("/v1/plan?format=yaml", "application/json");

    assertThat(new String(get.head(), StandardCharsets.ISO_8859_1))
        .isEqualTo(
            "GET /v1/plan?format=yaml HTTP/1.1\r\nHost: localhost\r\n"
                + "Accept: application/json\r\n\r\n");
    assertThat(get).hasToString("GET /v1/plan?format=yaml");
  }

  @Test
  void aPostDeclaresItsTypeAndLength() {
    byte[] body = "{\"a\":\"é\"}".getBytes(StandardCharsets.UTF_8);

    HttpRequest post = HttpRequest.post("/v1/layers", "application/json", "application/json", body);

    assertThat(new String(post.head(), StandardCharsets.ISO_8859_1))
        .isEqualTo(
            "POST /v1/layers HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\n"
                + "Content-Type: application/json\r\nContent-Length: 10\r\n\r\n");
  }

  @Test
  void aTargetThatCouldForgeHeadersIsRefused() {
    assertThatThrownBy(() -> HttpRequest.get("/v1/x HTTP/1.1\r\nX-Evil: 1", "a"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("invalid HTTP request target");
    assertThatThrownBy(() -> HttpRequest.get("v1/relative", "a"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> HttpRequest.get("/v1/é", "a"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
