package io.charmkit.schema.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

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

  @Test
  void aFloatIsWrittenAsPythonsRepr() {
    // repr itself is tested in charmkit-python-json's PythonJsonTest.
    assertThat(JsonWriter.write(NODES.arrayNode().add(1e16).add(0.1), JsonStyle.PYTHON))
        .isEqualTo("[1e+16, 0.1]");
  }
}
