package io.charmkit.schema.codec;

/** The two ways Python charms lay out JSON text in a databag (WIRE.md §2). */
public enum JsonStyle {
  /**
   * Python's {@code json.dumps} with default arguments: {@code ", "} and {@code ": "} separators,
   * every character outside U+0020..U+007E escaped as {@code \}{@code uXXXX} with lower-case hex.
   */
  PYTHON,
  /**
   * pydantic's own serializer: no spaces after {@code ,} or {@code :}; non-ASCII characters written
   * as they are (the databag carries them as UTF-8); only {@code "}, {@code \} and control
   * characters escaped.
   */
  COMPACT
}
