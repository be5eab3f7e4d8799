package io.charmkit.interfaces.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Adds label matchers to every metric selector of a PromQL expression, the job cos-tool's {@code
 * transform} does for cosl: {@code up < 1} becomes {@code up{juju_application="a",…} < 1}, {@code
 * rate(x{job="j"}[5m])} becomes {@code rate(x{job="j",juju_…}[5m])}, and a selector without a
 * metric name ({@code {job="j"}}) gets them too.
 *
 * <p>Only selectors are touched: string literals, comments, numbers and durations, range and
 * subquery brackets, function and aggregation names, keywords and the label lists of {@code by},
 * {@code without}, {@code on}, {@code ignoring}, {@code group_left} and {@code group_right} are
 * copied as they are. A selector's matchers are written as Prometheus prints them (what cos-tool
 * outputs): {@code name="value"} without spaces, sorted; an existing matcher on an injected label
 * is replaced, so injecting twice changes nothing. Unlike cos-tool the rest of the expression keeps
 * its own spelling (cos-tool re-prints the whole expression from Prometheus' syntax tree).
 */
public final class PromqlSelectors {

  /** Words that are never metric names. */
  private static final Set<String> KEYWORDS =
      Set.of("and", "or", "unless", "offset", "bool", "inf", "nan", "atan2");

  /**
   * Aggregation operators: never selectors, even when {@code by (…)} or {@code without (…)} comes
   * between them and their parenthesis ({@code sum by (job) (x)}).
   */
  private static final Set<String> AGGREGATIONS =
      Set.of(
          "sum",
          "min",
          "max",
          "avg",
          "group",
          "stddev",
          "stdvar",
          "count",
          "count_values",
          "bottomk",
          "topk",
          "quantile",
          "limitk",
          "limit_ratio");

  /** Words followed by a parenthesised list of label names, never selectors. */
  private static final Set<String> LABEL_LISTS =
      Set.of("by", "without", "on", "ignoring", "group_left", "group_right");

  private final String text;
  private final Map<String, String> injected;
  private final StringBuilder out = new StringBuilder();
  private int pos;

  private PromqlSelectors(String text, Map<String, String> injected) {
    this.text = text;
    this.injected = injected;
  }

  /**
   * Returns {@code expression} with {@code matchers} added to each of its selectors.
   *
   * @param expression a PromQL expression
   * @param matchers label to value, each added as an equality matcher
   * @return the expression with the matchers
   * @throws IllegalArgumentException when the expression cannot be read (an unterminated string, an
   *     unbalanced bracket or brace, a malformed matcher)
   */
  public static String inject(String expression, Map<String, String> matchers) {
    if (matchers.isEmpty()) {
      return expression;
    }
    PromqlSelectors injector = new PromqlSelectors(expression, matchers);
    injector.expression();
    return injector.out.toString();
  }

  private void expression() {
    int depth = 0;
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == '"' || c == '\'' || c == '`') {
        out.append(string());
      } else if (c == '#') {
        int end = text.indexOf('\n', pos);
        end = end < 0 ? text.length() : end;
        out.append(text, pos, end);
        pos = end;
      } else if (c == '[') {
        copyBracket();
      } else if (c == '{') {
        selector("");
      } else if (c == '(') {
        depth++;
        out.append(c);
        pos++;
      } else if (c == ')') {
        if (--depth < 0) {
          throw new IllegalArgumentException("unbalanced ')' at " + pos);
        }
        out.append(c);
        pos++;
      } else if (c == '}' || c == ']') {
        throw new IllegalArgumentException("unbalanced '" + c + "' at " + pos);
      } else if (Character.isDigit(c)
          || (c == '.' && pos + 1 < text.length() && Character.isDigit(text.charAt(pos + 1)))) {
        int start = pos;
        while (pos < text.length()
            && (Character.isLetterOrDigit(text.charAt(pos))
                || text.charAt(pos) == '.'
                || text.charAt(pos) == '_'
                || ((text.charAt(pos) == '+' || text.charAt(pos) == '-')
                    && "eE".indexOf(text.charAt(pos - 1)) >= 0
                    && !isHex(start)))) {
          pos++;
        }
        out.append(text, start, pos);
      } else if (isNameStart(c)) {
        identifier();
      } else {
        out.append(c);
        pos++;
      }
    }
    if (depth != 0) {
      throw new IllegalArgumentException("unbalanced '(' in the expression");
    }
  }

  private boolean isHex(int start) {
    return text.startsWith("0x", start) || text.startsWith("0X", start);
  }

  private void identifier() {
    int start = pos;
    while (pos < text.length() && isNameChar(text.charAt(pos))) {
      pos++;
    }
    String word = text.substring(start, pos);
    int next = skipSpace(pos);
    char following = next < text.length() ? text.charAt(next) : '\0';
    String lower = word.toLowerCase(java.util.Locale.ROOT);
    if (LABEL_LISTS.contains(lower)) {
      out.append(word);
      if (following == '(') {
        // by (job, instance): label names, not selectors.
        out.append(text, pos, next);
        pos = next;
        int close = text.indexOf(')', pos);
        if (close < 0) {
          throw new IllegalArgumentException("unbalanced '(' after " + word);
        }
        out.append(text, pos, close + 1);
        pos = close + 1;
      }
      return;
    }
    if (KEYWORDS.contains(lower) || AGGREGATIONS.contains(lower) || following == '(') {
      // A keyword, or the name of a function or aggregation: copied.
      out.append(word);
      return;
    }
    if (following == '{') {
      pos = next;
      selector(word);
      return;
    }
    out.append(word);
    appendMatchers(List.of());
  }

  /** Reads {@code {…}} at {@code pos} and writes {@code name{merged matchers}}. */
  private void selector(String name) {
    pos++; // '{'
    List<String[]> existing = new ArrayList<>();
    while (true) {
      pos = skipSpace(pos);
      if (pos >= text.length()) {
        throw new IllegalArgumentException("unterminated '{'");
      }
      if (text.charAt(pos) == '}') {
        pos++;
        break;
      }
      int start = pos;
      while (pos < text.length() && isNameChar(text.charAt(pos))) {
        pos++;
      }
      String label = text.substring(start, pos);
      if (label.isEmpty()) {
        throw new IllegalArgumentException("a label name is expected at " + start);
      }
      pos = skipSpace(pos);
      String op = operator();
      pos = skipSpace(pos);
      if (pos >= text.length() || "\"'`".indexOf(text.charAt(pos)) < 0) {
        throw new IllegalArgumentException("a quoted value is expected at " + pos);
      }
      existing.add(new String[] {label, op, string()});
      pos = skipSpace(pos);
      if (pos < text.length() && text.charAt(pos) == ',') {
        pos++;
      }
    }
    out.append(name);
    appendMatchers(existing);
  }

  private String operator() {
    for (String op : List.of("=~", "!~", "!=", "=")) {
      if (text.startsWith(op, pos)) {
        pos += op.length();
        return op;
      }
    }
    throw new IllegalArgumentException("a matcher operator is expected at " + pos);
  }

  private void appendMatchers(List<String[]> existing) {
    List<String> all = new ArrayList<>();
    for (String[] matcher : existing) {
      if (!injected.containsKey(matcher[0])) {
        all.add(matcher[0] + matcher[1] + matcher[2]);
      }
    }
    injected.forEach((label, value) -> all.add(label + "=" + quote(value)));
    all.sort(null);
    out.append('{').append(String.join(",", all)).append('}');
  }

  /** Copies a {@code […]} range or subquery as it is. */
  private void copyBracket() {
    int close = text.indexOf(']', pos);
    if (close < 0) {
      throw new IllegalArgumentException("unterminated '['");
    }
    out.append(text, pos, close + 1);
    pos = close + 1;
  }

  /** Reads the string literal at {@code pos}, returning its text with the quotes. */
  private String string() {
    char quote = text.charAt(pos);
    int start = pos++;
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == '\\' && quote != '`') {
        pos += 2;
        continue;
      }
      pos++;
      if (c == quote) {
        return text.substring(start, pos);
      }
    }
    throw new IllegalArgumentException("unterminated string at " + start);
  }

  private int skipSpace(int from) {
    int i = from;
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return i;
  }

  private static boolean isNameStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':';
  }

  private static boolean isNameChar(char c) {
    return isNameStart(c) || (c >= '0' && c <= '9');
  }

  /** Writes a value as Go's {@code strconv.Quote} does for printable text. */
  private static String quote(String value) {
    StringBuilder b = new StringBuilder(value.length() + 2).append('"');
    for (char c : value.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\t' -> b.append("\\t");
        default -> b.append(c);
      }
    }
    return b.append('"').toString();
  }
}
