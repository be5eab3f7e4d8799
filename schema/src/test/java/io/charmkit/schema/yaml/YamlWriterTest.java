package io.charmkit.schema.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * YAML that every reader takes the same way. SnakeYAML resolves implicit types by YAML 1.1 rules,
 * as PyYAML does, so it stands in for the Python workers here.
 */
class YamlWriterTest {

  private static Object load(String yaml) {
    return new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
  }

  @Test
  void theWorkerConfigOfWireMdIsWrittenAsPyYamlWritesIt() {
    Map<String, Object> memberlist = new LinkedHashMap<>();
    memberlist.put(
        "join_members",
        List.of(
            "tempo-worker-0.tempo-worker-endpoints.cos.svc.cluster.local:7946",
            "tempo-worker-1.tempo-worker-endpoints.cos.svc.cluster.local:7946"));
    memberlist.put("bind_port", 7946);
    memberlist.put("abort_if_cluster_join_fails", false);
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("server", Map.of("http_listen_port", 3200, "grpc_listen_port", 9096));
    config.put("memberlist", memberlist);

    assertThat(YamlWriter.write(config))
        .isEqualTo(
            "memberlist:\n"
                + "  abort_if_cluster_join_fails: false\n"
                + "  bind_port: 7946\n"
                + "  join_members:\n"
                + "  - tempo-worker-0.tempo-worker-endpoints.cos.svc.cluster.local:7946\n"
                + "  - tempo-worker-1.tempo-worker-endpoints.cos.svc.cluster.local:7946\n"
                + "server:\n"
                + "  grpc_listen_port: 9096\n"
                + "  http_listen_port: 3200\n");
  }

  @Test
  void nestedListsAndMapsInLists() {
    Map<String, Object> tree =
        Map.of(
            "a", List.of(Map.of("y", 1, "x", List.of()), List.of("p", "q")),
            "b", Map.of(),
            "c", List.of());
    String yaml = YamlWriter.write(tree);
    assertThat(yaml) // 'y' is a boolean to YAML 1.1 readers (and go-yaml v2), even as a key.
        .isEqualTo("a:\n- x: []\n  'y': 1\n- - p\n  - q\nb: {}\nc: []\n");
    assertThat(load(yaml)).isEqualTo(tree);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "yes",
        "No",
        "ON",
        "off",
        "y",
        "n",
        "Y",
        "N",
        "true",
        "False",
        "~",
        "null",
        "NULL",
        "",
        "0",
        "-1",
        "+1",
        "1.5",
        ".5",
        "1e3",
        "1_000",
        "0x1F",
        "0o17",
        "017",
        "0b101",
        "1:30",
        "190:20:30",
        "2024-01-01",
        "2001-12-14t21:59:43.10-05:00",
        ".inf",
        "-.inf",
        ".NaN",
        "=",
        "<<",
        "- item",
        "-",
        "? x",
        "a: b",
        "a #b",
        "x:",
        "#c",
        "&anchor",
        "*alias",
        "!tag",
        "|",
        ">",
        "'",
        "\"",
        "%x",
        "@x",
        "`x",
        "[a]",
        "{a: 1}",
        "a,b",
        " lead",
        "trail ",
        "line\nbreak",
        "tab\there",
        "café",
        "\uD83D\uDE00",
        "\u007f",
        "\u0000",
        "back\\slash",
        "it's",
        "---",
        "...",
        "10.1.64.12"
      })
  void trickyStringsComeBackAsTheSameString(String text) {
    Map<String, Object> tree = Map.of("key", text, text.isEmpty() ? "empty" : text, "value");
    assertThat(load(YamlWriter.write(tree))).isEqualTo(tree);
  }

  @ParameterizedTest
  @ValueSource(strings = {"yes", "no", "on", "off", "y", "n", "~", "null", "1.0", "0777", "12:30"})
  void ambiguousStringsAreQuoted(String text) {
    assertThat(YamlWriter.write(Map.of("k", text))).isEqualTo("k: '" + text + "'\n");
  }

  @Test
  void ordinaryStringsStayPlain() {
    assertThat(YamlWriter.write(Map.of("k", "http://host:3200/path", "l", "info", "m", "a b")))
        .isEqualTo("k: http://host:3200/path\nl: info\nm: a b\n");
  }

  @Test
  void nonPrintableAndNonAsciiTextIsDoubleQuotedWithEscapes() {
    assertThat(YamlWriter.write(Map.of("k", "é\n\t\"\\\u0001\uD83D\uDE00")))
        .isEqualTo("k: \"\\xe9\\n\\t\\\"\\\\\\x01\\U0001f600\"\n");
  }

  @Test
  void numbersBooleansAndNullKeepTheirTypes() {
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("int", 3200);
    tree.put("long", 10_000_000_000L);
    tree.put("float", 0.5);
    tree.put("big", 1e16);
    tree.put("bool", true);
    tree.put("nothing", null);
    String yaml = YamlWriter.write(tree);
    assertThat(yaml)
        .isEqualTo(
            "big: 1.0e+16\nbool: true\nfloat: 0.5\nint: 3200\nlong: 10000000000\nnothing: null\n");
    assertThat(load(yaml)).isEqualTo(tree);
  }

  @Test
  void theOutputDoesNotDependOnInsertionOrder() {
    Map<String, Object> one = new LinkedHashMap<>();
    one.put("b", 1);
    one.put("a", Map.of("d", 2, "c", 3));
    Map<String, Object> two = new LinkedHashMap<>();
    two.put("a", Map.of("c", 3, "d", 2));
    two.put("b", 1);
    assertThat(YamlWriter.write(one)).isEqualTo(YamlWriter.write(two)).doesNotStartWith("---");
  }

  @Test
  void loneSurrogatesAndUnknownTypesAreRefused() {
    assertThatThrownBy(() -> YamlWriter.write(Map.of("k", "a\uD800")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cannot write a string with a lone surrogate (at character 1) as YAML");
    assertThatThrownBy(() -> YamlWriter.write(Map.of("k", new Object())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cannot write a Object as YAML");
    assertThatThrownBy(() -> YamlWriter.write(Map.of(1, "v")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("YAML mapping keys must be strings, got a Integer");
  }
}
