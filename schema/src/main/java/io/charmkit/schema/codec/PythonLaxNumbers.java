package io.charmkit.schema.codec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * Integer reading as pydantic does in lax JSON mode (WIRE.md §2.1, reading rule 3): an integer, an
 * integral float ({@code 3200.0}) or a string of decimal digits ({@code "3200"}) is accepted;
 * {@code 3200.5}, booleans and other strings are not. Jackson's defaults would truncate floats.
 */
final class PythonLaxNumbers {

  private PythonLaxNumbers() {}

  static SimpleModule module() {
    SimpleModule module = new SimpleModule("charmkit-python-lax-numbers");
    module.addDeserializer(Integer.class, new LaxInteger());
    return module;
  }

  /** The lax {@code int} rule for {@link Integer} fields and list items. */
  private static final class LaxInteger extends StdScalarDeserializer<Integer> {
    LaxInteger() {
      super(Integer.class);
    }

    @Override
    public Integer deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      JsonToken token = parser.currentToken();
      BigDecimal value = null;
      if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
        value = parser.getDecimalValue();
      } else if (token == JsonToken.VALUE_STRING) {
        String text = parser.getText().strip();
        if (text.matches("[+-]?[0-9]+")) {
          value = new BigDecimal(text);
        }
      }
      if (value != null) {
        try {
          return value.intValueExact();
        } catch (ArithmeticException ignored) {
          // Fractional or too large: reported below as not an integer.
        }
      }
      return (Integer) context.handleUnexpectedToken(Integer.class, parser);
    }
  }
}
