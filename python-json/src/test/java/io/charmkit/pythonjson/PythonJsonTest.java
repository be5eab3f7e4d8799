package io.charmkit.pythonjson;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The stdin of relation-set and state-set, and every databag value, is byte-identical to what
 * Python's json module writes. Expected values are written out from Python's rules (its
 * ESCAPE_ASCII pattern {@code [^\ -~]} and {@code repr(float)}), not taken from the writer.
 */
class PythonJsonTest {

  @Test
  void emptyMap() {
    assertThat(PythonJson.dumps(Map.of())).isEqualTo("{}");
  }

  @Test
  void separatorsAndOrderAreJsonDumpsDefaults() {
    Map<String, String> map = new LinkedHashMap<>();
    map.put("b", "1");
    map.put("a", "2");

    assertThat(PythonJson.dumps(map)).isEqualTo("{\"b\": \"1\", \"a\": \"2\"}");
  }

  @Test
  void escapesAsPythonDoes() {
    // json.dumps({"k": "\"\\\n\r\t\b\f\x01\x7f\u00e9\U0001F600/"}) in Python 3 prints
    // {"k": "\"\\\n\r\t\b\f\u0001\u007f\u00e9\ud83d\ude00/"}: DEL is escaped, like every
    // character outside space..tilde.
    String value = "\"\\\n\r\t\b\f\u0001\u007f\u00e9\uD83D\uDE00/";

    assertThat(PythonJson.dumps(Map.of("k", value)))
        .isEqualTo("{\"k\": \"\\\"\\\\\\n\\r\\t\\b\\f\\u0001\\u007f\\u00e9\\ud83d\\ude00/\"}");
  }

  @Test
  void delIsEscapedInKeysAndValues() {
    assertThat(PythonJson.dumps(Map.of("a\u007f", "\u007f")))
        .isEqualTo("{\"a\\u007f\": \"\\u007f\"}");
  }

  @Test
  void tildeIsTheLastCharacterWrittenAsItIs() {
    assertThat(PythonJson.quote(" ~")).isEqualTo("\" ~\"");
  }

  @Test
  void withoutEnsureAsciiOnlyControlCharactersAreEscaped() {
    // json.dumps("é\x7f\x01\n/", ensure_ascii=False) == '"é\x7f\\u0001\\n/"'
    StringBuilder out = new StringBuilder();
    PythonJson.appendString(out, "é\u007f\u0001\n/", false);

    assertThat(out).hasToString("\"é\u007f\\u0001\\n/\"");
  }

  @ParameterizedTest(name = "repr({0}) = {1}")
  @CsvSource({
    "1.0, 1.0",
    "0.1, 0.1",
    "-2.5, -2.5",
    "1e16, 1e+16",
    "1e15, 1000000000000000.0",
    "123456789.125, 123456789.125",
    "0.0001, 0.0001",
    "0.00001, 1e-05",
    "1.5e-7, 1.5e-07",
    "1.7976931348623157e308, 1.7976931348623157e+308",
    "5e-324, 5e-324",
    "0.30000000000000004, 0.30000000000000004",
    "-0.0, -0.0",
    "2e22, 2e+22",
  })
  void floatsAreWrittenAsPythonsRepr(double value, String expected) {
    assertThat(PythonJson.floatRepr(value)).isEqualTo(expected);
  }

  @Test
  void nonFiniteFloatsAreWrittenAsPythonAllowsThem() {
    assertThat(PythonJson.floatRepr(Double.NaN)).isEqualTo("NaN");
    assertThat(PythonJson.floatRepr(Double.POSITIVE_INFINITY)).isEqualTo("Infinity");
    assertThat(PythonJson.floatRepr(Double.NEGATIVE_INFINITY)).isEqualTo("-Infinity");
  }
}
