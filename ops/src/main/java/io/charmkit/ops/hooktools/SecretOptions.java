package io.charmkit.ops.hooktools;

import java.util.Optional;

/**
 * The optional metadata of {@code secret-add} and {@code secret-set}.
 *
 * @param label a label unique to the owner
 * @param description free text
 * @param expire an RFC 3339 time or a duration
 * @param rotate a rotation policy ({@code hourly}, {@code daily}, …)
 * @param owner {@code application} or {@code unit}
 */
public record SecretOptions(
    Optional<String> label,
    Optional<String> description,
    Optional<String> expire,
    Optional<String> rotate,
    String owner) {

  /** No metadata, owned by the application. */
  public static SecretOptions application() {
    return new SecretOptions(
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), "application");
  }

  /** A copy with the label set. */
  public SecretOptions withLabel(String newLabel) {
    return new SecretOptions(Optional.of(newLabel), description, expire, rotate, owner);
  }
}
