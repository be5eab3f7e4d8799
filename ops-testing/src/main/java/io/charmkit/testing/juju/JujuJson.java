package io.charmkit.testing.juju;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

/**
 * JSON and YAML the way Juju's command output prints them: Go's {@code json.Marshal} (compact, map
 * keys sorted, {@code <}, {@code >} and {@code &} escaped as {@code \u003c} etc.) followed by a
 * newline; YAML without a document marker.
 */
final class JujuJson {
  static final ObjectMapper JSON = new ObjectMapper();
  static final ObjectMapper YAML =
      new ObjectMapper(
          new YAMLFactory()
              .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
              .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

  static {
    JSON.configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    JSON.getFactory().setCharacterEscapes(new GoEscapes());
    YAML.configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
  }

  private JujuJson() {}

  /** {@code value} as Juju's {@code --format=json} prints it, newline included. */
  static String json(Object value) {
    try {
      return JSON.writeValueAsString(value) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode a hook tool answer as JSON", e);
    }
  }

  /** {@code value} as Juju's {@code --format=yaml} prints it. */
  static String yaml(Object value) {
    try {
      return YAML.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode a hook tool answer as YAML", e);
    }
  }

  /** Go's HTML-safe escaping, which Juju's JSON output keeps. */
  private static final class GoEscapes extends CharacterEscapes {
    private static final long serialVersionUID = 1L;
    private final int[] table;

    GoEscapes() {
      table = standardAsciiEscapesForJSON();
      table['<'] = ESCAPE_CUSTOM;
      table['>'] = ESCAPE_CUSTOM;
      table['&'] = ESCAPE_CUSTOM;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return table;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      return switch (ch) {
        case '<' -> new SerializedString("\\u003c");
        case '>' -> new SerializedString("\\u003e");
        case '&' -> new SerializedString("\\u0026");
        case 0x2028 -> new SerializedString("\\u2028");
        case 0x2029 -> new SerializedString("\\u2029");
        default -> null;
      };
    }
  }
}
