package io.charmkit.examples.temporal.pgsql;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A libpq connection string ({@code dbname=foo host=10.1.2.3 port=5432 user=u password=p}) as the
 * pgsql provider writes it under {@code master}: {@code keyword=value} pairs separated by
 * whitespace, spaces allowed around {@code =}, values optionally single-quoted, backslash escaping
 * the next character.
 *
 * @param keywords the keywords in the order the string gives them (a repeated keyword keeps its
 *     first position and its last value, as libpq uses the last)
 */
public record ConnectionString(Map<String, String> keywords) {

  /** Keeps the caller's order and makes the map unmodifiable. */
  public ConnectionString {
    keywords = Collections.unmodifiableMap(new LinkedHashMap<>(keywords));
  }

  /** The value of one keyword. */
  public Optional<String> get(String keyword) {
    return Optional.ofNullable(keywords.get(keyword));
  }

  /**
   * Parses a connection string.
   *
   * @throws ConnectionStringException naming the position and the problem; the message never
   *     repeats the text, which holds a password
   */
  public static ConnectionString parse(String text) {
    Map<String, String> out = new LinkedHashMap<>();
    int i = 0;
    int n = text.length();
    while (true) {
      i = skipSpace(text, i);
      if (i >= n) {
        break;
      }
      int keyStart = i;
      while (i < n && text.charAt(i) != '=' && !Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      String keyword = text.substring(keyStart, i);
      i = skipSpace(text, i);
      if (i >= n || text.charAt(i) != '=') {
        throw new ConnectionStringException(
            keyword.isEmpty()
                ? "an empty keyword at position " + keyStart
                : "keyword '" + keyword + "' has no '=' after it");
      }
      if (keyword.isEmpty()) {
        throw new ConnectionStringException("an empty keyword at position " + keyStart);
      }
      i = skipSpace(text, i + 1);
      StringBuilder value = new StringBuilder();
      if (i < n && text.charAt(i) == '\'') {
        i++;
        boolean closed = false;
        while (i < n) {
          char c = text.charAt(i++);
          if (c == '\\' && i < n) {
            value.append(text.charAt(i++));
          } else if (c == '\'') {
            closed = true;
            break;
          } else {
            value.append(c);
          }
        }
        if (!closed) {
          throw new ConnectionStringException(
              "the quoted value of '" + keyword + "' is not terminated");
        }
      } else {
        while (i < n && !Character.isWhitespace(text.charAt(i))) {
          char c = text.charAt(i++);
          if (c == '\\' && i < n) {
            value.append(text.charAt(i++));
          } else {
            value.append(c);
          }
        }
      }
      out.put(keyword, value.toString());
    }
    if (out.isEmpty()) {
      throw new ConnectionStringException("it is empty");
    }
    return new ConnectionString(out);
  }

  private static int skipSpace(String text, int from) {
    int i = from;
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return i;
  }

  /** Only the keywords: the password stays out of logs. */
  @Override
  public String toString() {
    return "ConnectionString" + keywords.keySet();
  }
}
