package io.charmkit.coordinator.workload;

import io.charmkit.ops.pebble.PathNotFoundException;
import io.charmkit.ops.pebble.PebbleClient;
import io.charmkit.ops.pebble.PushOptions;
import java.util.Objects;

/**
 * Keeps one file of a coordinator-managed container (nginx's, or the product's own in monolithic
 * mode) as wanted, writing only on a difference so that an unchanged reconcile changes nothing in
 * Pebble.
 */
public final class ContainerFile {
  private ContainerFile() {}

  /**
   * Makes the file hold {@code content}, or makes it absent.
   *
   * @param pebble the container's Pebble
   * @param path the absolute path
   * @param content the wanted text; {@code null} for no file
   * @param options how to push it (parent directories, permissions)
   * @return whether the file changed
   */
  public static boolean sync(
      PebbleClient pebble, String path, String content, PushOptions options) {
    String current;
    try {
      current = pebble.pullText(path);
    } catch (PathNotFoundException e) {
      current = null;
    }
    if (Objects.equals(current, content)) {
      return false;
    }
    if (content == null) {
      pebble.remove(path, false);
    } else {
      pebble.push(path, content, options);
    }
    return true;
  }
}
