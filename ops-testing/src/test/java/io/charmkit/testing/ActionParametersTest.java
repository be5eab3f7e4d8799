package io.charmkit.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.charmkit.ops.Charm;
import io.charmkit.ops.framework.Framework;
import io.charmkit.ops.metadata.CharmMetadata;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Juju checks an action's parameters against {@code actions.yaml} before running it: each rule,
 * through {@link Context} (a refused action is an error of the test setup and runs nothing).
 */
class ActionParametersTest {
  private static final String ACTIONS =
      """
      backup:
        params:
          target: {type: string}
          retries: {type: integer, default: 3}
          ratio: {type: number}
          compress: {type: boolean, default: false}
          tags: {type: array, items: {type: string}}
          mode: {type: string, enum: [full, incremental]}
          s3:
            type: object
            properties:
              bucket: {type: string}
              region: {type: string, default: eu-west-1}
            required: [bucket]
            additionalProperties: false
        required: [target, retries]
        additionalProperties: false
      resize:
        params:
          size: {type: integer}
      resize-anything:
        params:
          size: {type: integer}
        additionalProperties: true
      rotate:
        params:
          keep: {type: integer, minimum: 1, maximum: 30}
          prefix: {type: string, minLength: 2, pattern: "^[a-z]+$"}
          hosts: {type: array, items: {type: string}, maxItems: 2, uniqueItems: true}
          since: {type: string, format: date-time}
      """;

  private static final CharmMetadata METADATA =
      CharmMetadata.parse("name: keeper\n", null, ACTIONS);

  /** Reports the parameters it received as its results. */
  static final class Echo extends Charm {
    Echo(Framework framework) {
      super(framework);
      for (String action : List.of("backup", "resize", "resize-anything", "rotate")) {
        observe(
            on().action(action),
            e -> {
              // Action results hold no lists: report them as text.
              Map<String, Object> results = new LinkedHashMap<>();
              e.params().forEach((k, v) -> results.put(k, v instanceof List<?> ? v.toString() : v));
              e.setResults(results);
            });
      }
    }
  }

  private final Context ctx = new Context(Echo.class, METADATA);

  private Outcome run(Context context, String action, Map<String, ?> params) {
    return context.run(Event.action(action, params), State.builder().build());
  }

  private void refused(Context context, String action, Map<String, ?> params, String problem) {
    assertThatThrownBy(() -> run(context, action, params))
        .isInstanceOf(InconsistentStateException.class)
        .hasMessageContaining(problem);
  }

  @Test
  void aRequiredParameterLeftOutIsRefused() {
    refused(
        ctx, "backup", Map.of(), "action 'backup': parameter 'target' is required but not given");
  }

  @Test
  void aRequiredParameterWithADefaultIsSatisfiedByIt() {
    Outcome out = run(ctx, "backup", Map.of("target", "/srv"));

    assertThat(out.action().results())
        .containsEntry("target", "/srv")
        .containsEntry("retries", "3")
        .containsEntry("compress", "false");
  }

  @Test
  void anUndeclaredParameterIsRefusedWhenTheActionAllowsNoOthers() {
    refused(
        ctx,
        "backup",
        Map.of("target", "/srv", "force", true),
        "action 'backup': parameter 'force' is not declared and the action allows no other"
            + " parameters (declared: target, retries, ratio, compress, tags, mode, s3)");
  }

  @Test
  void juju3AllowsUndeclaredParametersWhenTheActionSaysNothingAndJuju4RefusesThem() {
    Outcome out = run(ctx, "resize", Map.of("size", 4, "force", true));
    assertThat(out.action().results()).containsEntry("force", "true");

    refused(
        ctx.withJujuVersion("4.0.1"),
        "resize",
        Map.of("size", 4, "force", true),
        "parameter 'force' is not declared");
    assertThat(
            run(ctx.withJujuVersion("4.0.1"), "resize-anything", Map.of("force", true))
                .action()
                .results())
        .containsEntry("force", "true");
  }

  @Test
  void eachDeclaredTypeIsChecked() {
    Map<String, Object> base = Map.of("target", "/srv");
    refused(
        ctx,
        "backup",
        Map.of("target", 7),
        "action 'backup': parameter 'target': integer found, string expected (given: 7)");
    refused(
        ctx,
        "backup",
        with(base, "retries", "3"),
        "parameter 'retries': string found, integer expected (given: \"3\")");
    refused(
        ctx,
        "backup",
        with(base, "retries", 2.5),
        "parameter 'retries': number found, integer expected (given: 2.5)");
    refused(
        ctx,
        "backup",
        with(base, "ratio", "half"),
        "parameter 'ratio': string found, number expected");
    refused(
        ctx,
        "backup",
        with(base, "compress", "yes"),
        "parameter 'compress': string found, boolean expected");
    refused(
        ctx, "backup", with(base, "tags", "a,b"), "parameter 'tags': string found, array expected");
    refused(
        ctx,
        "backup",
        with(base, "tags", List.of("a", 2)),
        "parameter 'tags[1]': integer found, string expected");
    refused(
        ctx, "backup", with(base, "s3", "bucket"), "parameter 's3': string found, object expected");
  }

  @Test
  void valuesOfTheRightTypePass() {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("target", "/srv");
    params.put("retries", 5.0); // draft 4: a number without a fraction is an integer
    params.put("ratio", 1);
    params.put("compress", true);
    params.put("tags", List.of("daily"));
    params.put("mode", "full");
    params.put("s3", Map.of("bucket", "b"));

    Outcome out = run(ctx, "backup", params);

    assertThat(out.action().results())
        .containsEntry("retries", "5.0")
        .containsEntry("tags", "[daily]")
        .containsEntry("s3.bucket", "b")
        .containsEntry("s3.region", "eu-west-1");
  }

  @Test
  void aValueOutsideTheEnumIsRefused() {
    refused(
        ctx,
        "backup",
        Map.of("target", "/srv", "mode", "partial"),
        "action 'backup': parameter 'mode': does not have a value in the enumeration"
            + " [\"full\", \"incremental\"] (given: \"partial\")");
  }

  @Test
  void nestedObjectsFollowTheirOwnSchema() {
    refused(
        ctx,
        "backup",
        Map.of("target", "/srv", "s3", Map.of("region", "x")),
        "parameter 's3.bucket' is required but not given");
    refused(
        ctx,
        "backup",
        Map.of("target", "/srv", "s3", Map.of("bucket", "b", "acl", "public")),
        "parameter 's3.acl' is not declared");
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    assertThat(
            ActionParameters.problems(
                METADATA, "3.6.14", "backup", Map.of("retries", "x", "force", 1)))
        .containsExactlyInAnyOrder(
            "action 'backup': parameter 'target' is required but not given",
            "action 'backup': parameter 'retries': string found, integer expected (given: \"x\")",
            "action 'backup': parameter 'force' is not declared and the action allows no other"
                + " parameters (declared: target, retries, ratio, compress, tags, mode, s3)");
  }

  @Test
  void theBoundsOfNumbersStringsAndArraysAndFormatsAreChecked() {
    refused(
        ctx,
        "rotate",
        Map.of("keep", 0),
        "action 'rotate': parameter 'keep': must have a minimum value of 1 (given: 0)");
    refused(ctx, "rotate", Map.of("keep", 31), "parameter 'keep': must have a maximum value of 30");
    refused(
        ctx,
        "rotate",
        Map.of("prefix", "a"),
        "action 'rotate': parameter 'prefix': must be at least 2 characters long (given: \"a\")");
    refused(
        ctx,
        "rotate",
        Map.of("prefix", "Logs"),
        "action 'rotate': parameter 'prefix': does not match the regex pattern ^[a-z]+$");
    refused(
        ctx,
        "rotate",
        Map.of("hosts", List.of("a", "b", "c")),
        "action 'rotate': parameter 'hosts': must have at most 2 items");
    refused(
        ctx,
        "rotate",
        Map.of("hosts", List.of("a", "a")),
        "action 'rotate': parameter 'hosts': must have only unique items in the array");
    refused(
        ctx,
        "rotate",
        Map.of("since", "yesterday"),
        "action 'rotate': parameter 'since': does not match the date-time pattern");

    Outcome out =
        run(
            ctx,
            "rotate",
            Map.of(
                "keep",
                30,
                "prefix",
                "logs",
                "hosts",
                List.of("a", "b"),
                "since",
                "2026-12-04T10:00:00Z"));
    assertThat(out.action().results()).containsEntry("keep", "30").containsEntry("prefix", "logs");
  }

  @Test
  void anUndeclaredActionIsRefused() {
    refused(
        ctx,
        "restore",
        Map.of(),
        "action 'restore' is not defined in actions.yaml (defined: backup, resize,"
            + " resize-anything, rotate)");
  }

  private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
    Map<String, Object> out = new LinkedHashMap<>(base);
    out.put(key, value);
    return out;
  }
}
