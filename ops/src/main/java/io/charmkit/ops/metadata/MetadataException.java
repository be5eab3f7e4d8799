package io.charmkit.ops.metadata;

/** A charm's metadata files are missing or malformed. The message names the file and the fault. */
public final class MetadataException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception. */
  public MetadataException(String message) {
    super(message);
  }

  /** Creates the exception with its cause. */
  public MetadataException(String message, Throwable cause) {
    super(message, cause);
  }
}
