package io.charmkit.coordinator.nginx;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DirectiveTest {

  @Test
  void quotesArgumentsNginxWouldSplit() {
    assertThat(Directive.quoted("plain")).isEqualTo("plain");
    assertThat(Directive.quoted("")).isEqualTo("''");
    assertThat(Directive.quoted("a b")).isEqualTo("'a b'");
    assertThat(Directive.quoted("say \"hi\"")).isEqualTo("'say \"hi\"'");
    assertThat(Directive.quoted("it's")).isEqualTo("\"it's\"");
    assertThat(Directive.quoted("semi;colon")).isEqualTo("'semi;colon'");
  }

  @Test
  void keepsArgumentsThatAreAlreadyQuoted() {
    assertThat(Directive.quoted("'OK'")).isEqualTo("'OK'");
  }

  @Test
  void theHealthCheckAnswersOk() {
    NginxConfig config =
        new NginxConfig(
            "c",
            java.util.List.of(NginxUpstream.allWorkers("worker", 80)),
            new java.util.TreeMap<>(
                java.util.Map.of(8080, java.util.List.of(NginxLocation.proxy("/api", "worker")))),
            true,
            false,
            "ns",
            false,
            false);
    String text = config.render(java.util.Map.of("x", java.util.List.of("w0")), false);
    assertThat(text)
        .contains(
            """
                    location = / {
                        return 200 'OK';
                        auth_basic off;
                    }
            """)
        .contains("        server w0:80;\n")
        .doesNotContain("zone");
  }
}
