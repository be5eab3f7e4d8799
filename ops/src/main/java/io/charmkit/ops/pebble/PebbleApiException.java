package io.charmkit.ops.pebble;

/**
 * Pebble answered with an error envelope ({@code "type": "error"}). Carries the HTTP status code,
 * the reason phrase, Pebble's message and its optional error kind (for example {@code not-found} or
 * {@code permission-denied}).
 */
public class PebbleApiException extends PebbleException {
  private static final long serialVersionUID = 1L;

  private final int statusCode;
  private final String status;
  private final String apiMessage;
  private final String kind;

  /**
   * Creates the exception.
   *
   * @param statusCode the HTTP status, e.g. 400
   * @param status the reason phrase, e.g. {@code Bad Request}
   * @param apiMessage Pebble's {@code result.message}
   * @param kind Pebble's {@code result.kind}, or {@code null} when absent
   */
  public PebbleApiException(int statusCode, String status, String apiMessage, String kind) {
    super(
        "Pebble API error "
            + statusCode
            + " "
            + status
            + ": "
            + apiMessage
            + (kind == null ? "" : " (kind " + kind + ")"));
    this.statusCode = statusCode;
    this.status = status;
    this.apiMessage = apiMessage;
    this.kind = kind;
  }

  /** The HTTP status code (mirrors the envelope's {@code status-code}). */
  public int statusCode() {
    return statusCode;
  }

  /** The HTTP reason phrase, e.g. {@code Bad Request}. */
  public String status() {
    return status;
  }

  /** Pebble's error message, verbatim. */
  public String apiMessage() {
    return apiMessage;
  }

  /** Pebble's error kind, or {@code null} when the envelope has none. */
  public String kind() {
    return kind;
  }
}
