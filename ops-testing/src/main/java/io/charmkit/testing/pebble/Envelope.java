package io.charmkit.testing.pebble;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.charmkit.ops.pebble.PebbleApiException;
import java.util.Optional;
import org.eclipse.jetty.http.HttpStatus;

/**
 * Pebble's response envelopes (PEBBLE.md §2), written in the field order Pebble uses so that the
 * bytes match the recorded transcript: {@code type}, {@code status-code}, {@code status}, then
 * {@code change} (async only) and {@code result}.
 *
 * @param type {@code sync}, {@code async} or {@code error}
 * @param statusCode the HTTP status
 * @param status the HTTP status's reason phrase
 * @param change the change an async response names, else null (and left out)
 * @param result the result; written even when null, as Pebble writes it
 */
@JsonPropertyOrder({"type", "status-code", "status", "change", "result"})
record Envelope(
    String type,
    @JsonProperty("status-code") int statusCode,
    String status,
    @JsonInclude(JsonInclude.Include.NON_NULL) String change,
    Object result) {
  /** The server's JSON mapper. */
  static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          // The client's records have conveniences such as isRunning(); they are not wire fields.
          .disable(MapperFeature.AUTO_DETECT_IS_GETTERS)
          .build();

  /**
   * An error's {@code {"message","kind"}} object, as error envelopes and per-path results carry.
   *
   * @param message what went wrong
   * @param kind Pebble's error kind, or null (and left out)
   */
  record ErrorResult(String message, @JsonInclude(JsonInclude.Include.NON_NULL) String kind) {}

  /** A sync 200 response with {@code result}. */
  static HttpResponse sync(Object result) {
    return respond("sync", 200, null, result);
  }

  /** The envelope object of a sync 200 response (for the pull response part). */
  static byte[] syncBytes(Object result) {
    return bytes("sync", 200, null, result);
  }

  /** An async 202 response naming the change, with a result (exec's task id and context). */
  static HttpResponse async(String changeId, Object result) {
    return respond("async", 202, changeId, result);
  }

  /** An error response. */
  static HttpResponse error(PebbleApiException error) {
    ErrorResult result = new ErrorResult(error.apiMessage(), error.kind());
    return respond("error", error.statusCode(), null, result);
  }

  /**
   * An error the simulated Pebble answers with, as the exception the production client throws for
   * its envelope: the in-process front end passes it on, the HTTP one writes the envelope.
   *
   * @param kind Pebble's error kind, or null
   */
  static PebbleApiException failure(int status, String message, String kind) {
    return new PebbleApiException(status, HttpStatus.getMessage(status), message, kind);
  }

  /** A 400 error. */
  static PebbleApiException badRequest(String message) {
    return failure(400, message, null);
  }

  /** A 404 error. */
  static PebbleApiException notFound(String message) {
    return failure(404, message, null);
  }

  /** Refuses the request with a 400 when there is a {@code problem}. */
  static void refuseIf(Optional<String> problem) {
    if (problem.isPresent()) {
      throw badRequest(problem.get());
    }
  }

  private static HttpResponse respond(String type, int status, String change, Object result) {
    return new HttpResponse(status, "application/json", bytes(type, status, change, result));
  }

  private static byte[] bytes(String type, int status, String change, Object result) {
    try {
      return JSON.writeValueAsBytes(
          new Envelope(type, status, HttpStatus.getMessage(status), change, result));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise a response", e);
    }
  }
}
