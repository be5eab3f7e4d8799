package io.charmkit.ops.pebble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HttpResponseReaderTest {

  static HttpResponse read(String wire) throws IOException {
    return HttpResponseReader.read(stream(wire), "GET");
  }

  static InputStream stream(String wire) {
    return new ByteArrayInputStream(wire.getBytes(StandardCharsets.ISO_8859_1));
  }

  /** A stream that hands out at most one byte per read, as a slow socket may. */
  static InputStream trickle(String wire) {
    InputStream all = stream(wire);
    return new InputStream() {
      @Override
      public int read() throws IOException {
        return all.read();
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        return len == 0 ? 0 : all.read(b, off, 1);
      }
    };
  }

  static String text(HttpResponse response) {
    return new String(response.body(), StandardCharsets.UTF_8);
  }

  @Test
  void aContentLengthResponseFromTheTranscript() throws IOException {
    HttpResponse response =
        read(
            "HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nContent-Length: 12\r\n"
                + "\r\n{\"a\":\"b c\"}\nHTTP/1.1 next response");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.reason()).isEqualTo("Bad Request");
    assertThat(response.contentType()).isEqualTo("application/json");
    assertThat(response.header("Content-Length")).isEqualTo("12");
    assertThat(text(response)).isEqualTo("{\"a\":\"b c\"}\n");
    assertThat(response.keepAlive()).isTrue();
  }

  @Test
  void aChunkedBodyWithExtensionsAndTrailersIsJoined() throws IOException {
    HttpResponse response =
        read(
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5\r\nhello\r\n"
                + "1;ext=1\r\n \r\n"
                + "A\r\n0123456789\r\n"
                + "0\r\nX-Trailer: t\r\n\r\n");

    assertThat(text(response)).isEqualTo("hello 0123456789");
    assertThat(response.keepAlive()).isTrue();
  }

  @Test
  void aResponseArrivingOneByteAtATimeParsesTheSame() throws IOException {
    String wire =
        "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n";

    HttpResponse trickled = HttpResponseReader.read(trickle(wire), "GET");

    assertThat(text(trickled)).isEqualTo("abcde");
    assertThat(trickled.contentType()).isEqualTo("text/plain");
  }

  @Test
  void connectionCloseAndHttp10WithoutKeepAliveEndTheConnection() throws IOException {
    assertThat(
            read("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 0\r\n\r\n").keepAlive())
        .isFalse();
    assertThat(read("HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n").keepAlive()).isFalse();
    assertThat(
            read("HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 0\r\n\r\n")
                .keepAlive())
        .isTrue();
  }

  @Test
  void withoutFramingTheBodyRunsToTheEndOfTheConnection() throws IOException {
    HttpResponse response = read("HTTP/1.1 500 Internal Server Error\r\n\r\noops\r\nmore");

    assertThat(text(response)).isEqualTo("oops\r\nmore");
    assertThat(response.keepAlive()).isFalse();
  }

  @Test
  void interimResponsesAreSkippedAndBodilessStatusesHaveNoBody() throws IOException {
    HttpResponse response =
        read("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 204 No Content\r\nContent-Length: 5\r\n\r\n");

    assertThat(response.status()).isEqualTo(204);
    assertThat(response.body()).isEmpty();
    assertThat(
            HttpResponseReader.read(stream("HTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\n"), "HEAD")
                .body())
        .isEmpty();
  }

  @Test
  void repeatedHeadersAreJoinedAndAnEmptyReasonIsAllowed() throws IOException {
    HttpResponse response =
        read("HTTP/1.1 200\r\nX-A: 1\r\nx-a: 2\r\nContent-Length: 2, 2\r\n\r\nok");

    assertThat(response.reason()).isEmpty();
    assertThat(response.header("x-a")).isEqualTo("1, 2");
    assertThat(text(response)).isEqualTo("ok");
  }

  @Test
  void aConnectionThatEndsEarlySaysHowFarTheResponseGot() {
    assertThatThrownBy(() -> read(""))
        .isInstanceOf(EOFException.class)
        .hasMessage("connection closed before any response was received");
    assertThatThrownBy(() -> read("HTTP/1.1 200 OK\r\nContent-Le"))
        .isInstanceOf(EOFException.class)
        .hasMessage("connection closed in the middle of the headers");
    assertThatThrownBy(() -> read("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc"))
        .isInstanceOf(EOFException.class)
        .hasMessage("connection closed after 3 of 10 body bytes");
    assertThatThrownBy(() -> read("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nab"))
        .isInstanceOf(EOFException.class)
        .hasMessage("connection closed in a chunked body after 2 bytes");
  }

  @Test
  void whatIsNotHttpIsMalformed() {
    assertThatThrownBy(() -> read("SSH-2.0-OpenSSH\r\n\r\n"))
        .isInstanceOf(HttpResponseReader.MalformedHttpException.class)
        .hasMessage("malformed HTTP response: bad status line \"SSH-2.0-OpenSSH\"");
    assertThatThrownBy(() -> read("HTTP/1.1 2x0 OK\r\n\r\n"))
        .hasMessageContaining("bad status code");
    assertThatThrownBy(() -> read("HTTP/1.1 200 OK\r\nno colon\r\n\r\n"))
        .hasMessageContaining("bad header line \"no colon\"");
    assertThatThrownBy(() -> read("HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n"))
        .hasMessageContaining("unsupported Content-Length");
    assertThatThrownBy(() -> read("HTTP/1.1 200 OK\r\nContent-Length: 1, 2\r\n\r\n"))
        .hasMessageContaining("conflicting Content-Length");
    assertThatThrownBy(() -> read("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\n"))
        .hasMessageContaining("unsupported Transfer-Encoding \"gzip\"");
    assertThatThrownBy(() -> read("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n"))
        .hasMessageContaining("bad chunk size \"zz\"");
    assertThatThrownBy(
            () ->
                read("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nabc\r\n0\r\n\r\n"))
        .hasMessageContaining("chunk longer than its declared size 1");
  }
}
