package io.charmkit.maven;

/**
 * A charm module that cannot be packed as it stands; the message names the file and the fix. The
 * mojo turns it into a build failure (not an error: the author's input, not the plugin, is wrong).
 */
final class PackagingException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  PackagingException(String message) {
    super(message);
  }
}
