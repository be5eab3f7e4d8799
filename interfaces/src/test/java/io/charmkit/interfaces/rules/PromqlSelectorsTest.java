package io.charmkit.interfaces.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The PromQL selector injector, on expressions from real rule files. */
class PromqlSelectorsTest {
  private static final Map<String, String> TOPOLOGY = topology();

  private static Map<String, String> topology() {
    Map<String, String> t = new LinkedHashMap<>();
    t.put("juju_model", "cos");
    t.put("juju_model_uuid", "0d2f6e0c-8a3b-4c55-9d0e-5f1a2b3c4d5e");
    t.put("juju_application", "tempo");
    return t;
  }

  private static final String M =
      "juju_application=\"tempo\",juju_model=\"cos\","
          + "juju_model_uuid=\"0d2f6e0c-8a3b-4c55-9d0e-5f1a2b3c4d5e\"";

  @Test
  void cosToolsOwnExampleComesOutAsCosToolPrintsIt() {
    // cos-tool's README: job:request_latency_seconds:mean5m{job="myjob"} > 0.5
    assertThat(
            PromqlSelectors.inject(
                "job:request_latency_seconds:mean5m{job=\"myjob\"} > 0.5", TOPOLOGY))
        .isEqualTo("job:request_latency_seconds:mean5m{job=\"myjob\"," + M + "} > 0.5");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
          up < 1                                              | up{M} < 1
          absent(up)                                          | absent(up{M})
          rate(x_total{ code = '5..' ,}[5m] offset 1h) > 0    | rate(x_total{code='5..',M}[5m] offset 1h) > 0
          sum by (job, instance)(increase(e_total{}[1h])) > 2 | sum by (job, instance)(increase(e_total{M}[1h])) > 2
          sum(rate(r{status=~"^4.."}[1m])) / sum(rate(r[1m])) * 100 > 5 | sum(rate(r{M,status=~"^4.."}[1m])) / sum(rate(r{M}[1m])) * 100 > 5
          sum by (tenant) (b) / ignoring(tenant) group_left count(tempo_build_info) > 100 | sum by (tenant) (b{M}) / ignoring(tenant) group_left count(tempo_build_info{M}) > 100
          avg by (job)(l offset 7d) / avg by (job)(l offset 7d) > 1.4 | avg by (job)(l{M} offset 7d) / avg by (job)(l{M} offset 7d) > 1.4
          {__name__=~"tempo_.+"} and on(job) up == 0          | {__name__=~"tempo_.+",M} and on(job) up{M} == 0
          label_replace(up, "dst", "$1", "src", "(.*)")       | label_replace(up{M}, "dst", "$1", "src", "(.*)")
          max_over_time(m[10m:1m]) > 1e3 or vector(0)         | max_over_time(m{M}[10m:1m]) > 1e3 or vector(0)
          x > bool 0 unless y < Inf                           | x{M} > bool 0 unless y{M} < Inf
          """)
  void onlySelectorsAreTouched(String expression, String expected) {
    assertThat(PromqlSelectors.inject(expression, TOPOLOGY)).isEqualTo(expected.replace("M", M));
  }

  @Test
  void multiLineExpressionsKeepTheirLayout() {
    String rule = "sum by (cluster, namespace, job) (min_over_time(q_length[1m])) > 0\n";
    assertThat(PromqlSelectors.inject(rule, TOPOLOGY))
        .isEqualTo(
            "sum by (cluster, namespace, job) (min_over_time(q_length{" + M + "}[1m])) > 0\n");
  }

  @Test
  void injectingTwiceChangesNothing() {
    String once = PromqlSelectors.inject("rate(a{job=\"j\"}[5m]) > 0", TOPOLOGY);
    assertThat(PromqlSelectors.inject(once, TOPOLOGY)).isEqualTo(once);
  }

  @Test
  void anInjectedLabelReplacesTheSameLabelInTheSelector() {
    assertThat(PromqlSelectors.inject("up{juju_model=\"other\"}", Map.of("juju_model", "cos")))
        .isEqualTo("up{juju_model=\"cos\"}");
  }

  @Test
  void unreadableExpressionsAreRefused() {
    assertThatThrownBy(() -> PromqlSelectors.inject("up{job=\"x}", TOPOLOGY))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PromqlSelectors.inject("sum(up", TOPOLOGY))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PromqlSelectors.inject("up{job}", TOPOLOGY))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
