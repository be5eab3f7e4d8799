package io.charmkit.interfaces.loki;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * The one check of a Loki push URL before it reaches a Pebble log target or a worker's bag: Pebble
 * refuses an empty location, and Loki's push client needs an absolute http(s) URL with a host.
 */
public final class LokiPushUrl {
  /** The longest push URL accepted, in characters. */
  public static final int MAX_LENGTH = 2048;

  private LokiPushUrl() {}

  /**
   * Tells what is wrong with a push URL.
   *
   * @param url the URL as a remote application sent it
   * @return the problem, worded for a log line or a status; empty when the URL is usable
   */
  public static Optional<String> problem(String url) {
    if (url == null || url.isBlank()) {
      return Optional.of("is empty");
    }
    if (url.length() > MAX_LENGTH) {
      return Optional.of("is longer than " + MAX_LENGTH + " characters");
    }
    if (url.chars().anyMatch(c -> Character.isISOControl(c) || Character.isWhitespace(c))) {
      return Optional.of("has a control or space character");
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      return Optional.of("is not a URL: " + e.getReason());
    }
    String scheme = uri.getScheme();
    if (scheme == null || !(scheme.equals("http") || scheme.equals("https"))) {
      return Optional.of("is not an http or https URL");
    }
    if (uri.getHost() == null) {
      return Optional.of("has no host");
    }
    return Optional.empty();
  }
}
