package io.charmkit.testing.assertj;

import org.assertj.core.api.AbstractObjectAssert;
import org.assertj.core.api.AbstractStringAssert;
import org.assertj.core.api.Assertions;

/**
 * Assertions on one file of a workload container: its text and its permission bits. Start with
 * {@link ContainerAssert#file(String)}.
 */
public final class FileAssert extends AbstractObjectAssert<FileAssert, String> {
  private final String where;
  private final String permissions;

  FileAssert(String container, String path, String content, String permissions) {
    super(content, FileAssert.class);
    this.where = "file " + path + " in container " + container;
    this.permissions = permissions;
  }

  /** Asserts the whole content. */
  public FileAssert hasContent(String expected) {
    content().isEqualTo(expected);
    return this;
  }

  /** Asserts that the content contains each of {@code parts}. */
  public FileAssert contains(String... parts) {
    content().contains(parts);
    return this;
  }

  /** The content, for any other string assertion. */
  public AbstractStringAssert<?> content() {
    return Assertions.assertThat(actual).as("content of %s", where);
  }

  /** Asserts the permission bits, in octal as Pebble takes them, e.g. {@code "640"}. */
  public FileAssert hasPermissions(String octal) {
    if (permissions == null) {
      throw failure("the permissions of %s are not known (the run failed)", where);
    }
    if (!permissions.equals(octal)) {
      throw failure("expected %s to have permissions %s, but it has %s", where, octal, permissions);
    }
    return this;
  }
}
