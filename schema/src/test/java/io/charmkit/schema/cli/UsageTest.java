package io.charmkit.schema.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.charmkit.schema.jsonschema.InterfaceSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Help, and exit status 2 with a one-line reason for every misuse. */
class UsageTest {

  @ParameterizedTest
  @ValueSource(strings = {"--help", "-h", "help"})
  void helpPrintsTheUsageTextAndSucceeds(String flag) {
    CliRun run = CliRun.of(flag);

    assertThat(run.status()).isZero();
    assertThat(run.out()).isEqualTo(CharmkitCli.usage());
    assertThat(run.err()).isEmpty();
  }

  @Test
  void theUsageTextNamesEveryKnownInterfaceVersionAndTheLauncher() {
    String usage = CharmkitCli.usage();

    for (InterfaceSchema spec : InterfaceSchema.KNOWN) {
      assertThat(usage).contains(spec.name()).contains("v" + spec.version());
    }
    assertThat(usage).contains("bin/charmkit").contains("application_data").contains("exit status");
  }

  @Test
  void noArgumentsIsAUsageError() {
    CliRun run = CliRun.of();

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err())
        .startsWith("charmkit: no command given\nusage: charmkit schema <interface>")
        .endsWith("Run `charmkit --help` for details.\n");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void anUnknownInterfaceListsTheKnownOnesAndSpotsHyphens() {
    CliRun run = CliRun.of("validate", "tempo-cluster", "x.yaml");

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err().lines().findFirst())
        .hasValue(
            "charmkit: unknown interface \"tempo-cluster\" (did you mean tempo_cluster?); known:"
                + " tempo_cluster (v0, v1), pyroscope_cluster (v0), grafana_datasource_exchange"
                + " (v0), loki_push_api (v0), catalogue (v0), traefik_route (v0),"
                + " prometheus_scrape (v0), grafana_dashboard (v0), tracing (v2), tls_certificates"
                + " (v1)");
  }

  @Test
  void anUnknownVersionListsTheKnownOnes() {
    CliRun run = CliRun.of("schema", "tempo_cluster", "--version=7");

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).startsWith("charmkit: tempo_cluster has no version 7; known: v0, v1\n");
  }

  @Test
  void aMissingFileIsAUsageErrorNotAStackTrace() {
    CliRun run = CliRun.of("validate", "tempo_cluster", "no/such/file.yaml");

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).startsWith("charmkit: no such file: no/such/file.yaml\n");
    assertThat(run.err()).doesNotContain("Exception", "\tat ");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void aDirectoryIsNotAFile() {
    CliRun run = CliRun.of("validate", "tempo_cluster", "src");

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).startsWith("charmkit: src is a directory, not a file\n");
  }

  @Test
  void badArgumentsAreNamed() {
    assertThat(CliRun.of("lint").err()).startsWith("charmkit: unknown command \"lint\"\n");
    assertThat(CliRun.of("schema", "tempo_cluster", "consumer").err())
        .startsWith("charmkit: the side must be provider or requirer, not \"consumer\"\n");
    assertThat(CliRun.of("schema", "tempo_cluster", "--verbose").err())
        .startsWith("charmkit: unknown option \"--verbose\"\n");
    assertThat(CliRun.of("schema", "tempo_cluster", "--version", "one").err())
        .startsWith("charmkit: --version takes a number such as 1, not \"one\"\n");
    assertThat(CliRun.of("schema", "tempo_cluster", "--version").err())
        .startsWith("charmkit: --version needs a value, e.g. --version 1\n");
    assertThat(CliRun.of("validate", "tempo_cluster").err())
        .startsWith("charmkit: validate needs a file after the interface name\n");
    assertThat(CliRun.of("validate", "tempo_cluster", "a.yaml", "b.yaml").err())
        .startsWith("charmkit: unexpected argument \"b.yaml\"\n");
    assertThat(CliRun.of("schema").status()).isEqualTo(2);
  }
}
