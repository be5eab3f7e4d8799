package io.charmkit.testing.fuzz;

import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Databag values a broken or hostile remote application can write, for fuzzing a charm's readers.
 * Each value is the raw text Juju stores under one key. The kinds, chosen at random: JSON strings
 * with NUL, control characters and lone surrogates (as escapes), JSON of any shape (numbers that
 * overflow, maps of maps, long lists), text that is not JSON, values near and over Juju's and our
 * size limits (alone, or inside the shape a reader expects: a {@code url} object, a list of
 * datasources, a map of names), YAML with tags, anchors and aliases inside a JSON string, malformed
 * secret ids, nesting deeper than any parser allows, odd URLs, and the empty string (a deleted
 * key).
 *
 * <p>Deterministic: the same {@link Random} state gives the same value, so a failing case is
 * reproduced from its seed. No dependency on a property-testing library, so any test can use it.
 */
public final class HostileValues {

  /** The kinds of value, in the order {@link #of(Random, int)} numbers them. */
  public static final List<String> KINDS =
      List.of(
          "escaped-controls",
          "any-json",
          "not-json",
          "large",
          "hostile-yaml",
          "secret-id",
          "deep-nesting",
          "odd-url",
          "empty",
          "raw-controls",
          "large-in-shape");

  private static final String[] YAML = {
    "a: !!binary aGVsbG8=\\n",
    "a: &x [1, 2]\\nb: *x\\n",
    "a: !!python/object/apply:os.system [ls]\\n",
    "a: &a [x, x]\\nb: &b [*a, *a]\\nc: &c [*b, *b]\\nd: [*c, *c]\\n",
    "- a\\n- b\\n",
    "---\\n...\\n",
    "a: b\\na: c\\n",
    "a: !custom 1\\n",
    "a: [unclosed\\n",
    "? [a, b]\\n: c\\n",
    "a: 1e400\\nb: 0x1F\\nc: .nan\\nd: ~\\n",
    "a: \\\"\\\\0\\\"\\n",
    "a: \\\"\\\\ud800\\\"\\n",
    "server:\\n  http_listen_port: 99999999999999999999999\\n",
    "\\t- tab\\n",
  };

  private static final String[] SECRETS = {
    "secret:",
    "secret://",
    "secret:!!",
    "secret:../../etc/passwd",
    "SECRET:CCCCCCCCCCCCCCCCCCCC",
    "secret:cccccccccccccccccccc extra",
    "secret:\\u0000",
    "secret://model/",
    "-h",
    "--format=yaml",
  };

  private static final String[] NOT_JSON = {
    "{",
    "[1, 2",
    "\"unterminated",
    "{'a': 1}",
    "nan",
    "tru",
    "1 2",
    "{}{}",
    "<xml/>",
    "a: b",
    "\"a\" junk",
    "\\u0000"
  };

  private static final String[] URLS = {
    "http://\\u0000",
    "javascript:alert(1)",
    " ",
    "http://[::1",
    "http://host:99999/",
    "file:///etc/shadow",
    "http://a b/",
    "http://h/\\n/x",
    "//",
    "http://" + "a".repeat(300) + "/",
  };

  private HostileValues() {}

  /**
   * Returns one hostile value of a random kind.
   *
   * @param random the source of randomness
   * @return the raw databag value
   */
  public static String of(Random random) {
    return of(random, random.nextInt(KINDS.size()));
  }

  /**
   * Returns one hostile value of the given kind.
   *
   * @param random the source of randomness
   * @param kind an index into {@link #KINDS}
   * @return the raw databag value
   */
  public static String of(Random random, int kind) {
    return switch (kind) {
      case 0 -> "\"" + escapedControls(random) + "\"";
      case 1 -> anyJson(random, 0);
      case 2 -> NOT_JSON[random.nextInt(NOT_JSON.length)];
      case 3 -> large(random);
      case 4 -> "\"" + YAML[random.nextInt(YAML.length)] + "\"";
      case 5 -> "\"" + SECRETS[random.nextInt(SECRETS.length)] + "\"";
      case 6 -> {
        int depth = 1000 + random.nextInt(2000);
        yield random.nextBoolean()
            ? "[".repeat(depth) + "]".repeat(depth)
            : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
      }
      case 7 -> "\"" + URLS[random.nextInt(URLS.length)] + "\"";
      case 8 -> random.nextBoolean() ? "\"\"" : "null";
      case 9 -> rawControls(random);
      default -> largeInShape(random);
    };
  }

  private static String escapedControls(Random random) {
    return IntStream.range(0, 1 + random.nextInt(12))
        .mapToObj(
            i ->
                switch (random.nextInt(6)) {
                  case 0 -> "\\u0000";
                  case 1 -> String.format("\\u%04x", random.nextInt(0x20));
                  case 2 -> random.nextBoolean() ? "\\ud800" : "\\udfff";
                  case 3 -> "\\u007f";
                  case 4 -> "\\ud83d\\ude00";
                  default -> String.valueOf((char) ('a' + random.nextInt(26)));
                })
        .collect(Collectors.joining());
  }

  private static String anyJson(Random random, int depth) {
    int pick = random.nextInt(depth > 3 ? 5 : 8);
    return switch (pick) {
      case 0 -> "\"" + escapedControls(random) + "\"";
      case 1 ->
          List.of("0", "-1", "1.5", "1e400", "-0", "99999999999999999999999", "65536", "7946")
              .get(random.nextInt(8));
      case 2 -> random.nextBoolean() ? "true" : "false";
      case 3 -> "null";
      case 4 -> "\"" + (char) ('a' + random.nextInt(26)) + "\"";
      case 5, 6 ->
          IntStream.range(0, random.nextInt(4))
              .mapToObj(
                  i ->
                      "\""
                          + (random.nextInt(4) == 0 ? escapedControls(random) : "k" + i)
                          + "\": "
                          + anyJson(random, depth + 1))
              .collect(Collectors.joining(", ", "{", "}"));
      default ->
          IntStream.range(0, random.nextInt(5))
              .mapToObj(i -> anyJson(random, depth + 1))
              .collect(Collectors.joining(", ", "[", "]"));
    };
  }

  private static String large(Random random) {
    int[] sizes = {64 * 1024, 140 * 1024, 300 * 1024, 511 * 1024, 600 * 1024};
    int size = sizes[random.nextInt(sizes.length)];
    return random.nextBoolean()
        ? "\"a: " + "x".repeat(size) + "\""
        : "\"" + "y".repeat(size) + "\"";
  }

  private static String largeInShape(Random random) {
    String big = "b".repeat(random.nextBoolean() ? 300 * 1024 : 600 * 1024);
    return switch (random.nextInt(4)) {
      case 0 -> "{\"url\": \"http://" + big + "\"}";
      case 1 -> "[{\"type\": \"prometheus\", \"uid\": \"" + big + "\", \"grafana_uid\": \"g1\"}]";
      case 2 -> "{\"" + big + "\": \"v\"}";
      default -> "{\"k\": \"" + big + "\"}";
    };
  }

  private static String rawControls(Random random) {
    return IntStream.range(0, 1 + random.nextInt(6))
        .mapToObj(i -> random.nextBoolean() ? String.valueOf((char) random.nextInt(0x20)) : "z")
        .collect(Collectors.joining("", "\"", "\""));
  }
}
