package io.charmkit.schema;

import java.util.LinkedHashMap;
import java.util.Map;

/** Reads databags written as in WIRE.md: one {@code key: <exact raw value>} per line. */
public final class RawBags {

  private RawBags() {}

  /**
   * Parses the lines; everything after the first {@code ": "} is the stored string.
   *
   * @param lines the bag, one key per line
   * @return the bag, in line order
   */
  public static Map<String, String> parse(String lines) {
    Map<String, String> bag = new LinkedHashMap<>();
    for (String line : lines.split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      int colon = line.indexOf(": ");
      bag.put(line.substring(0, colon), line.substring(colon + 2));
    }
    return bag;
  }
}
