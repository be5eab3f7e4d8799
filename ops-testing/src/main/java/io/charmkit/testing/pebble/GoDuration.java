package io.charmkit.testing.pebble;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Go duration strings ({@code 10s}, {@code 4.000s}, {@code 1m30s}, {@code 500ms}) in and out. */
final class GoDuration {
  private static final Pattern PART =
      Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|ms|s|m|h)");

  private GoDuration() {}

  /** Parses a Go duration into milliseconds; a 400 for anything else. */
  static long parseMillis(String text) {
    Matcher m = PART.matcher(text);
    int pos = 0;
    double millis = 0;
    while (pos < text.length() && m.find(pos) && m.start() == pos) {
      double value = Double.parseDouble(m.group(1));
      millis +=
          switch (m.group(2)) {
            case "ns" -> value / 1_000_000;
            case "us", "µs" -> value / 1000;
            case "ms" -> value;
            case "s" -> value * 1000;
            case "m" -> value * 60_000;
            default -> value * 3_600_000;
          };
      pos = m.end();
    }
    if (pos == 0 || pos != text.length()) {
      throw Envelope.badRequest("invalid timeout \"" + text + "\"");
    }
    return (long) millis;
  }

  /** Formats milliseconds as Go prints a duration: {@code 1s}, {@code 1.5s}, {@code 2m0s}. */
  static String format(long millis) {
    if (millis < 1000) {
      return millis + "ms";
    }
    long minutes = millis / 60_000;
    long rest = millis % 60_000;
    String seconds =
        rest % 1000 == 0
            ? Long.toString(rest / 1000)
            : String.format(Locale.ROOT, "%.3f", rest / 1000.0).replaceAll("0+$", "");
    return (minutes > 0 ? minutes + "m" : "") + seconds + "s";
  }
}
