package io.charmkit.ops.hooktools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The action tools: nested results flattened and validated, values redacted in errors. */
class ActionToolsTest extends FakeToolsTestCase {

  private static Map<String, Object> map(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  @Test
  void actionGetReadsNestedParameters() {
    fake.stdout("action-get", "{\"target\": \"s3\", \"opts\": {\"dry-run\": true, \"n\": 3}}");

    assertThat(tools.actionGet())
        .containsExactly(
            Map.entry("target", "s3"), Map.entry("opts", map("dry-run", true, "n", 3)));
    assertThat(fake.onlyCall().args()).containsExactly("--format=json");
  }

  @Test
  void actionSetFlattensNestedMapsToDottedKeys() {
    tools.actionSet(
        map("user", "admin", "db", map("host", "10.0.0.1", "port", 5432, "tls", map("on", true))));

    assertThat(fake.onlyCall().args())
        .containsExactly("user=admin", "db.host=10.0.0.1", "db.port=5432", "db.tls.on=true");
  }

  @Test
  void actionSetRejectsDuplicateKeysAfterFlattening() {
    assertThatThrownBy(() -> tools.actionSet(map("a", map("b", "1"), "a.b", "2")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("duplicate action result key 'a.b' after flattening nested maps");
    assertThat(fake.calls()).isEmpty();
  }

  @Test
  void actionSetRejectsInvalidKeysAtAnyLevel() {
    for (String key : List.of("Upper", "-lead", "trail-", "under_score", "sp ace", "")) {
      assertThatThrownBy(() -> tools.actionSet(map("ok", map(key, "v"))))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("action result key '" + key + "' is invalid");
    }
    assertThat(fake.calls()).isEmpty();
  }

  @Test
  void actionSetAcceptsDottedAndHyphenatedKeys() {
    tools.actionSet(map("some.key", "1", "some-key2", "2", "x", "3"));

    assertThat(fake.onlyCall().args()).containsExactly("some.key=1", "some-key2=2", "x=3");
  }

  @Test
  void actionSetRejectsValuesThatAreNotScalarsOrMaps() {
    assertThatThrownBy(() -> tools.actionSet(map("list", List.of("a"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'list' must be a string, number, boolean or map");
    assertThatThrownBy(() -> tools.actionSet(map("nothing", null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not null");
    assertThat(fake.calls()).isEmpty();
  }

  @Test
  void actionSetOfNothingRunsNoTool() {
    tools.actionSet(Map.of());

    assertThat(fake.calls()).isEmpty();
  }

  @Test
  void actionSetValuesAreRedactedInErrors() {
    fake.respond("action-set", "", "ERROR results too large", 2);

    assertThatThrownBy(() -> tools.actionSet(map("password", "hunter2", "user", "admin")))
        .isInstanceOfSatisfying(
            HookToolException.class,
            e -> {
              assertThat(e.argv())
                  .containsExactly("action-set", "password=<redacted>", "user=<redacted>");
              assertThat(e.getMessage()).doesNotContain("hunter2").contains("results too large");
              assertThat(e.exitCode()).isEqualTo(2);
            });
  }

  @Test
  void actionFailAndLogGuardTheirMessages() {
    tools.actionFail("-bad input");
    tools.actionFail(null);
    tools.actionLog("--progress 50%");

    assertThat(fake.argvs())
        .containsExactly(
            List.of("action-fail", "--", "-bad input"),
            List.of("action-fail"),
            List.of("action-log", "--", "--progress 50%"));
  }

  @Test
  void flatteningKeepsTheOrderGiven() {
    Map<String, String> flat =
        ActionResults.flatten(map("z", "1", "a", map("y", "2", "b", "3"), "m", "4"));

    assertThat(flat.keySet()).containsExactlyElementsOf(Arrays.asList("z", "a.y", "a.b", "m"));
  }
}
