package io.charmkit.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What {@link ConfigYaml} refuses in a coordinator's {@code worker_config}, and how it says so. */
class ConfigYamlTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "a: !!binary aGVsbG8=\\n | has a YAML tag (tag:yaml.org,2002:binary) at line 1",
        "a: !custom 1\\n | has a YAML tag (custom) at line 1",
        "a: &x [1]\\nb: *x\\n | has a YAML anchor (&x) at line 1",
        "a: \"\\\\0\"\\n | has a NUL character in a string at line 1",
        "a: \"\\\\ud800\"\\n | has a lone UTF-16 surrogate in a string at line 1",
        "a: \\u0001\\n | has a control character (U+0001) at offset 3",
        "- a\\n- b\\n | is not a YAML mapping",
        "a: [unclosed\\n | is not a YAML mapping",
      })
  void refusesWithAClearReason(String escaped, String reason) {
    String text = unescape(escaped);

    IllegalArgumentException e =
        catchThrowableOfType(IllegalArgumentException.class, () -> ConfigYaml.parse(text));

    assertThat(e).as(text).isNotNull();
    assertThat(e.getMessage()).startsWith(reason);
  }

  @ParameterizedTest
  @CsvSource({"257", "600"})
  void refusesAConfigurationOverTheLimit(int kib) {
    String text = "a: " + "x".repeat(kib * 1024) + "\n";

    assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> ConfigYaml.parse(text)))
        .hasMessageContaining("over the limit of 262144 bytes");
  }

  @ParameterizedTest
  @CsvSource({"a: 1", "server:\\n  http_listen_port: 3200\\n  name: \"é \\\\u00e9\""})
  void readsPlainConfigurations(String escaped) {
    assertThat(ConfigYaml.parse(unescape(escaped))).isInstanceOf(Map.class).isNotEmpty();
  }

  /** {@code \n} and {@code \u0001} as in Java source, {@code \\} for a backslash. */
  private static String unescape(String s) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        char n = s.charAt(++i);
        if (n == 'n') {
          sb.append('\n');
        } else if (n == 'u') {
          sb.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
          i += 4;
        } else {
          sb.append(n);
        }
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
