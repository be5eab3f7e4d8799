package io.charmkit.ops.hooktools;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The stdin of relation-set and state-set is byte-identical to Python's json.dumps(d). */
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
    // json.dumps({"k": "\"\\\n\r\t\b\f\x01\x7f\u00e9\U0001F600/"}) in Python 3
    String value = "\"\\\n\r\t\b\f\u0001\u007f\u00e9\uD83D\uDE00/";

    assertThat(PythonJson.dumps(Map.of("k", value)))
        .isEqualTo("{\"k\": \"\\\"\\\\\\n\\r\\t\\b\\f\\u0001\u007f\\u00e9\\ud83d\\ude00/\"}");
  }
}
