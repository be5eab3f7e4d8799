package io.charmkit.testing.pebble;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.eclipse.jetty.http.HttpStatus;

/**
 * Pebble's response envelopes (PEBBLE.md §2), written in the field order Pebble uses so that the
 * bytes match the recorded transcript: {@code type}, {@code status-code}, {@code status}, then
 * {@code change} (async only) and {@code result}.
 */
final class Envelope {
  /** The server's JSON mapper. */
  static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          // The client's records have conveniences such as isRunning(); they are not wire fields.
          .disable(MapperFeature.AUTO_DETECT_IS_GETTERS)
          .build();

  private Envelope() {}

  /** A sync 200 response with {@code result}. */
  static HttpResponse sync(Object result) {
    return HttpResponse.json(200, syncBytes(result));
  }

  /** The envelope object of a sync 200 response (for the pull response part). */
  static byte[] syncBytes(Object result) {
    ObjectNode env = head("sync", 200);
    env.set("result", JSON.valueToTree(result));
    return bytes(env);
  }

  /** An async 202 response naming the change, with a result (exec's task id and context). */
  static HttpResponse async(String changeId, Object result) {
    ObjectNode env = head("async", 202);
    env.put("change", changeId);
    env.set("result", JSON.valueToTree(result));
    return HttpResponse.json(202, bytes(env));
  }

  /** An error response. */
  static HttpResponse error(ApiError error) {
    ObjectNode env = head("error", error.status());
    ObjectNode result = env.putObject("result");
    result.put("message", error.getMessage());
    if (error.kind() != null) {
      result.put("kind", error.kind());
    }
    return HttpResponse.json(error.status(), bytes(env));
  }

  /** A {@code {"message","kind"}} error object, as per-path results carry. */
  static ObjectNode errorObject(String message, String kind) {
    ObjectNode error = JSON.createObjectNode();
    error.put("message", message);
    if (kind != null) {
      error.put("kind", kind);
    }
    return error;
  }

  private static ObjectNode head(String type, int status) {
    ObjectNode env = JSON.createObjectNode();
    env.put("type", type);
    env.put("status-code", status);
    env.put("status", HttpStatus.getMessage(status));
    return env;
  }

  static byte[] bytes(JsonNode node) {
    try {
      return JSON.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise a response", e);
    }
  }
}
