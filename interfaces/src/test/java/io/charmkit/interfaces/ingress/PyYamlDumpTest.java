package io.charmkit.interfaces.ingress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link PyYamlDump} against PyYAML 6.0.3's {@code yaml.safe_dump}: each expected text is what
 * PyYAML printed for the same value.
 */
class PyYamlDumpTest {

  static Stream<Arguments> scalars() {
    return Stream.of(
        Arguments.of(":3200", ":3200"),
        Arguments.of("a: b", "'a: b'"),
        Arguments.of("#x", "'#x'"),
        Arguments.of("x #y", "'x #y'"),
        Arguments.of("- a", "'- a'"),
        Arguments.of("-a", "-a"),
        Arguments.of("yes", "'yes'"),
        Arguments.of("y", "y"),
        Arguments.of("1:30", "'1:30'"),
        Arguments.of("0x1F", "'0x1F'"),
        Arguments.of("2024-01-01", "'2024-01-01'"),
        Arguments.of("", "''"),
        Arguments.of("~", "'~'"),
        Arguments.of("=", "'='"),
        Arguments.of("<<", "'<<'"),
        Arguments.of("1e3", "1e3"),
        Arguments.of("1.5", "'1.5'"),
        Arguments.of(".5", "'.5'"),
        Arguments.of("-", "'-'"),
        Arguments.of("?", "'?'"),
        Arguments.of("a:b", "a:b"),
        Arguments.of("http://x:1", "http://x:1"),
        Arguments.of("ClientIP(`0.0.0.0/0`)", "ClientIP(`0.0.0.0/0`)"),
        Arguments.of("it's", "it's"),
        Arguments.of("---x", "'---x'"),
        Arguments.of("...", "'...'"),
        Arguments.of(" a", "' a'"),
        Arguments.of("a ", "'a '"),
        Arguments.of("@x", "'@x'"),
        Arguments.of("a,b", "a,b"),
        Arguments.of("[x", "'[x'"),
        Arguments.of("x]", "x]"),
        Arguments.of("null", "'null'"),
        Arguments.of("NULL", "'NULL'"),
        Arguments.of(".inf", "'.inf'"),
        Arguments.of("+1", "'+1'"),
        Arguments.of("0b11", "'0b11'"),
        Arguments.of("012", "'012'"),
        Arguments.of("1_000", "'1_000'"),
        Arguments.of("True", "'True'"),
        Arguments.of("on", "'on'"),
        Arguments.of("n", "n"),
        Arguments.of("PathPrefix(`/cos-pyroscope`)", "PathPrefix(`/cos-pyroscope`)"),
        Arguments.of("juju-cos-tempo-service-otlp-grpc", "juju-cos-tempo-service-otlp-grpc"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("scalars")
  void scalarsAreQuotedExactlyWhenPyYamlQuotesThem(String value, String written) {
    assertThat(PyYamlDump.dump(Map.of("k", value))).isEqualTo("k: " + written + "\n");
  }

  @Test
  void nestingSortingListsAndLeavesAsPyYamlLaysThemOut() {
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("w", 1);
    item.put("url", "h2c://x:1");
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("on", true);
    a.put("n", 3);
    a.put("e", Map.of());
    a.put("l", List.of());
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("b", List.of(item, "plain"));
    tree.put("a", a);

    assertThat(PyYamlDump.dump(tree))
        .isEqualTo(
            "a:\n  e: {}\n  l: []\n  n: 3\n  'on': true\nb:\n- url: h2c://x:1\n  w: 1\n- plain\n");
  }

  @Test
  void anEmptyMappingIsABraces() {
    assertThat(PyYamlDump.dump(Map.of())).isEqualTo("{}\n");
  }

  @Test
  void textPyYamlWouldDoubleQuoteIsRefused() {
    assertThatThrownBy(() -> PyYamlDump.dump(Map.of("k", "a\nb")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PyYamlDump.dump(Map.of("k", "caf\u00e9")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
