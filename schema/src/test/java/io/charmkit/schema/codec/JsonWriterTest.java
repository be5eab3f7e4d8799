package io.charmkit.schema.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Python {@code json.dumps} byte conventions of WIRE.md §2.1. Every expected value below is
 * written out from the rules in that table, not taken from the writer's output.
 */
class JsonWriterTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private static String python(String text) {
    return JsonWriter.quote(text, JsonStyle.PYTHON);
  }

  @Test
  void aStringIsStoredAsAJsonLiteralWithItsQuotes() {
    assertThat(python("all")).isEqualTo("\"all\"");
  }

  @Test
  void theEscapingExampleOfWireMd() {
    assertThat(python("café \uD83D\uDE00 \t \""))
        .isEqualTo("\"caf\\u00e9 \\ud83d\\ude00 \\t \\\"\"");
  }

  @Test
  void shortEscapesAreUsedWherePythonHasThem() {
    assertThat(python("\"\\\n\r\t\b\f")).isEqualTo("\"\\\"\\\\\\n\\r\\t\\b\\f\"");
  }

  @Test
  void otherControlCharactersAndDelAreEscapedWithLowerCaseHex() {
    assertThat(python("\u0001\u001f\u007f\u0000")).isEqualTo("\"\\u0001\\u001f\\u007f\\u0000\"");
  }

  @Test
  void printableAsciiIsWrittenAsItIsIncludingTheSlash() {
    assertThat(python("http://host:3100/loki/api/v1/push ~!@#$%^&*()"))
        .isEqualTo("\"http://host:3100/loki/api/v1/push ~!@#$%^&*()\"");
  }

  @Test
  void nonAsciiIsEscapedPerUtf16CodeUnit() {
    assertThat(python("\u00a0\u20ac\uffff\uD83D\uDCA9"))
        .isEqualTo("\"\\u00a0\\u20ac\\uffff\\ud83d\\udca9\"");
  }

  @Test
  void aLoneSurrogateIsEscapedAsPythonDoes() {
    assertThat(python("a\uD800b")).isEqualTo("\"a\\ud800b\"");
  }

  @Test
  void compactStyleKeepsNonAsciiAndDelButEscapesControlCharacters() {
    assertThat(JsonWriter.quote("é\u007f\u0001\n/", JsonStyle.COMPACT))
        .isEqualTo("\"é\u007f\\u0001\\n/\"");
  }

  @Test
  void separatorsAreCommaSpaceAndColonSpace() throws Exception {
    JsonNode tree = MAPPER.readTree("{\"a\":[1,2,{\"b\":true,\"c\":null}],\"d\":{}}");
    assertThat(JsonWriter.write(tree, JsonStyle.PYTHON))
        .isEqualTo("{\"a\": [1, 2, {\"b\": true, \"c\": null}], \"d\": {}}");
    assertThat(JsonWriter.write(tree, JsonStyle.COMPACT))
        .isEqualTo("{\"a\":[1,2,{\"b\":true,\"c\":null}],\"d\":{}}");
  }

  @Test
  void objectKeysKeepTheirInsertionOrderAndAreNotSorted() {
    ObjectNode tree = NODES.objectNode();
    tree.put("zeta", 1);
    tree.putObject("alpha").put("y", "1").put("b", "2");
    assertThat(JsonWriter.write(tree, JsonStyle.PYTHON))
        .isEqualTo("{\"zeta\": 1, \"alpha\": {\"y\": \"1\", \"b\": \"2\"}}");
  }

  @Test
  void emptyContainers() {
    assertThat(JsonWriter.write(NODES.objectNode(), JsonStyle.PYTHON)).isEqualTo("{}");
    assertThat(JsonWriter.write(NODES.arrayNode(), JsonStyle.PYTHON)).isEqualTo("[]");
  }

  @Test
  void integersStayIntegersAndFloatsKeepAFractionInNestedMaps() throws Exception {
    JsonNode tree = MAPPER.readTree("{\"i\": 3200, \"f\": 3200.0, \"n\": {\"x\": -7, \"y\": 0.5}}");
    assertThat(JsonWriter.write(tree, JsonStyle.PYTHON))
        .isEqualTo("{\"i\": 3200, \"f\": 3200.0, \"n\": {\"x\": -7, \"y\": 0.5}}");
  }

  @Test
  void bigIntegersAreWrittenInFull() throws Exception {
    JsonNode tree = MAPPER.readTree("[123456789012345678901234567890]");
    assertThat(JsonWriter.write(tree, JsonStyle.PYTHON))
        .isEqualTo("[123456789012345678901234567890]");
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
    assertThat(JsonWriter.pythonFloat(value)).isEqualTo(expected);
  }

  @Test
  void nonFiniteFloatsAreWrittenAsPythonAllowsThem() {
    assertThat(JsonWriter.pythonFloat(Double.NaN)).isEqualTo("NaN");
    assertThat(JsonWriter.pythonFloat(Double.POSITIVE_INFINITY)).isEqualTo("Infinity");
    assertThat(JsonWriter.pythonFloat(Double.NEGATIVE_INFINITY)).isEqualTo("-Infinity");
  }
}
