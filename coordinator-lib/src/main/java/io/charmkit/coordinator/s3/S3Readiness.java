package io.charmkit.coordinator.s3;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The state of the coordinator's s3 relation: missing, present but not usable, or ready with its
 * {@link S3Config}.
 */
public sealed interface S3Readiness {

  /** No s3 relation. */
  S3Readiness MISSING = new Missing();

  /** The longest endpoint, bucket, key or region accepted, in characters. */
  int MAX_FIELD = 4096;

  /** The longest {@code tls-ca-chain} accepted, in characters (dozens of certificates). */
  int MAX_CHAIN = 128 * 1024;

  /**
   * Reads the s3 relation's application data (the keys the s3 charm library publishes: {@code
   * endpoint}, {@code bucket}, {@code access-key}, {@code secret-key} required; {@code region} and
   * {@code tls-ca-chain}, a JSON list of PEM strings, optional).
   *
   * <p>Unlike the Python coordinator, which accepts empty strings, a blank required field makes the
   * relation not ready: no product can use an empty bucket or endpoint.
   *
   * @param data the remote application's databag; {@code null} when there is no s3 relation
   * @return {@link #MISSING}, a {@link NotReady} naming every problem, or {@link Ready}
   */
  static S3Readiness read(Map<String, String> data) {
    if (data == null) {
      return MISSING;
    }
    List<String> problems = new ArrayList<>();
    TreeSet<String> missing = new TreeSet<>();
    for (String key : List.of("endpoint", "bucket", "access-key", "secret-key")) {
      String value = data.get(key);
      if (value == null || value.isBlank()) {
        missing.add(key);
      }
    }
    if (!missing.isEmpty()) {
      problems.add("missing " + String.join(", ", missing));
    }
    // Every value ends up in the workers' configuration, which has its own size limit: a value no
    // S3 provider would send is refused here, named, rather than failing the publish.
    for (String key : List.of("endpoint", "bucket", "access-key", "secret-key", "region")) {
      String value = data.get(key);
      if (value != null && value.length() > MAX_FIELD) {
        problems.add(key + " is longer than " + MAX_FIELD + " characters");
      } else if (value != null && value.chars().anyMatch(Character::isISOControl)) {
        problems.add(key + " contains a control character");
      }
    }
    String rawChain = data.get("tls-ca-chain");
    if (rawChain != null && rawChain.length() > MAX_CHAIN) {
      return new NotReady("tls-ca-chain is longer than " + MAX_CHAIN + " characters");
    }
    List<String> chain = caChain(rawChain);
    if (chain == null) {
      problems.add("tls-ca-chain is not a JSON list of PEM strings");
    }
    if (!problems.isEmpty()) {
      return new NotReady(String.join("; ", problems));
    }
    String region = data.get("region");
    return new Ready(
        new S3Config(
            data.get("endpoint"),
            data.get("bucket"),
            data.get("access-key"),
            data.get("secret-key"),
            region == null || region.isEmpty() ? null : region,
            chain));
  }

  /** Parses {@code tls-ca-chain}: absent or JSON null is no chain; anything but a list is null. */
  private static List<String> caChain(String raw) {
    if (raw == null) {
      return List.of();
    }
    JsonNode node;
    try {
      node = new ObjectMapper().readTree(raw);
    } catch (JsonProcessingException e) {
      return null;
    }
    if (node == null || node.isNull()) {
      return List.of();
    }
    if (!node.isArray()) {
      return null;
    }
    List<String> chain = new ArrayList<>();
    for (JsonNode item : node) {
      if (!item.isTextual()) {
        return null;
      }
      chain.add(item.textValue());
    }
    return chain;
  }

  /** There is no s3 relation. */
  record Missing() implements S3Readiness {}

  /**
   * The s3 relation's data is incomplete or malformed.
   *
   * @param reason what is wrong, for the debug log (never holds secret values)
   */
  record NotReady(String reason) implements S3Readiness {}

  /**
   * The s3 relation is usable.
   *
   * @param config its settings
   */
  record Ready(S3Config config) implements S3Readiness {}
}
