package io.charmkit.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class JaegerTracingTest {

  @Test
  void aJaegerReceiverBecomesTheFourVariablesInPythonsOrder() {
    Map<String, String> env =
        JaegerTracing.environment(
            Map.of("otlp_http", "http://t:4318", "jaeger_thrift_http", "http://t:14268"),
            "juju_application=a,juju_model=m,juju_model_uuid=u,juju_unit=a/0,juju_charm=c");

    assertThat(env)
        .containsExactly(
            Map.entry("JAEGER_ENDPOINT", "http://t:14268/api/traces?format=jaeger.thrift"),
            Map.entry("JAEGER_SAMPLER_PARAM", "1"),
            Map.entry("JAEGER_SAMPLER_TYPE", "const"),
            Map.entry(
                "JAEGER_TAGS",
                "juju_application=a,juju_model=m,juju_model_uuid=u,juju_unit=a/0,juju_charm=c"));
  }

  @Test
  void withoutAJaegerReceiverThereIsNothingToSet() {
    assertThat(JaegerTracing.environment(Map.of("otlp_http", "http://t:4318"), "x")).isEmpty();
  }
}
