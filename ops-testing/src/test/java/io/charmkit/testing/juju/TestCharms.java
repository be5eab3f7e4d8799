package io.charmkit.testing.juju;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** Locates the shell test charms under {@code src/test/resources/juju/charms}. */
final class TestCharms {
  private TestCharms() {}

  static Path charm(String name) {
    URL url = TestCharms.class.getResource("/juju/charms/" + name);
    if (url == null) {
      throw new IllegalArgumentException("no test charm " + name);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
