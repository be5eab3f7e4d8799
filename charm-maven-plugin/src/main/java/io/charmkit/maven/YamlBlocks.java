package io.charmkit.maven;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A YAML document's top-level mapping cut into its keys' source text, so that derived files keep
 * the author's formatting and comments: a block is the key's line, the lines under it, and the
 * comment and blank lines just above it.
 *
 * <p>Only block-style top-level mappings are cut; anything else (a flow mapping at the top, a
 * directive, a second document) gives {@link Optional#empty()} and the caller writes the parsed
 * values instead.
 */
final class YamlBlocks {
  private static final Pattern KEY =
      Pattern.compile(
          "^(?:\"([^\"\\\\]*)\"|'([^']*)'|([A-Za-z0-9_][A-Za-z0-9_.-]*))[ \\t]*:(?=\\s|$)");

  private YamlBlocks() {}

  /**
   * One top-level key's text.
   *
   * @param key the key
   * @param leading the comment and blank lines above it
   * @param keyLine the key's own line, newline included
   * @param body the lines under the key, newlines included
   * @param keyEnd where the key (and its colon) ends in {@code keyLine}
   */
  record Block(String key, String leading, String keyLine, String body, int keyEnd) {

    /** The block as written. */
    String text() {
      return leading + keyLine + body;
    }

    /** What follows the key's colon on its own line, trimmed, without a comment; may be empty. */
    String inlineValue() {
      String rest = keyLine.substring(keyEnd).strip();
      return rest.startsWith("#") ? "" : rest;
    }

    /**
     * The value as a document of its own: the inline value, or the lines under the key with their
     * common indentation removed.
     */
    String valueDocument() {
      if (!inlineValue().isEmpty()) {
        return keyLine.substring(keyEnd).strip() + "\n";
      }
      int indent = Integer.MAX_VALUE;
      for (String line : lines(body)) {
        String content = line.strip();
        if (!content.isEmpty() && !content.startsWith("#")) {
          indent = Math.min(indent, leadingSpaces(line));
        }
      }
      StringBuilder out = new StringBuilder();
      for (String line : lines(body)) {
        out.append(line.substring(Math.min(indent, leadingSpaces(line))));
      }
      return out.toString();
    }
  }

  /** The blocks by key in document order, or empty when the text is not cut this simply. */
  static Optional<Map<String, Block>> cut(String text) {
    Map<String, Block> blocks = new LinkedHashMap<>();
    StringBuilder pending = new StringBuilder();
    String key = null;
    String leading = "";
    String keyLine = "";
    int keyEnd = 0;
    StringBuilder body = new StringBuilder();
    for (String line : lines(text)) {
      String content = line.strip();
      if (content.isEmpty() || (content.startsWith("#") && leadingSpaces(line) == 0)) {
        pending.append(line);
        continue;
      }
      if (Character.isWhitespace(line.charAt(0))) {
        if (key == null) {
          return Optional.empty();
        }
        body.append(pending).append(line);
        pending.setLength(0);
        continue;
      }
      Matcher m = KEY.matcher(line);
      if (!m.find()) {
        return Optional.empty();
      }
      if (key != null) {
        blocks.put(key, new Block(key, leading, keyLine, body.toString(), keyEnd));
      }
      key = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
      if (blocks.containsKey(key)) {
        return Optional.empty();
      }
      leading = pending.toString();
      pending.setLength(0);
      keyLine = line;
      keyEnd = m.end();
      body.setLength(0);
    }
    if (key != null) {
      body.append(pending);
      blocks.put(key, new Block(key, leading, keyLine, body.toString(), keyEnd));
    }
    return Optional.of(blocks);
  }

  /** The lines of {@code text}, each with its newline (a last line without one gets one). */
  static List<String> lines(String text) {
    List<String> out = new ArrayList<>();
    int start = 0;
    while (start < text.length()) {
      int nl = text.indexOf('\n', start);
      if (nl < 0) {
        out.add(text.substring(start) + "\n");
        break;
      }
      out.add(text.substring(start, nl + 1));
      start = nl + 1;
    }
    return out;
  }

  private static int leadingSpaces(String line) {
    int i = 0;
    while (i < line.length() && line.charAt(i) == ' ') {
      i++;
    }
    return i;
  }
}
