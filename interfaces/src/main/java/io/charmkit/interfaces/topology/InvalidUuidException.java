package io.charmkit.interfaces.topology;

/**
 * A model UUID that is not a canonical lower-case version-4 UUID (cosl's {@code InvalidUUIDError}).
 * The message is cosl's: {@code '<uuid>' is not a valid UUID.}
 */
public final class InvalidUuidException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String uuid;

  /**
   * Creates the exception.
   *
   * @param uuid the rejected text
   */
  public InvalidUuidException(String uuid) {
    super(
        "'"
            + uuid
            + "' is not a valid UUID. A model UUID must be a version-4 UUID in lower-case "
            + "hyphenated form, e.g. 6b8c1f2e-3d4a-4b5c-9d6e-7f8091a2b3c4");
    this.uuid = uuid;
  }

  /**
   * Returns the rejected text.
   *
   * @return the UUID as given
   */
  public String uuid() {
    return uuid;
  }
}
