package io.charmkit.schema.cli;

import static io.charmkit.schema.cli.CliRun.report;
import static io.charmkit.schema.cli.CliRun.validate;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The example YAML of each published interface README (seeds 000, 001 and 003), copied verbatim
 * into {@code cli/seeds/*.readme.yaml}, reports exactly the defects WIRE.md §7.2 lists; the
 * corrected copies beside them validate.
 */
class SeedExamplesTest {

  @Test
  void tempoClusterReadmeHasAnEmptyWorkerConfigAnUnknownRoleAndAMisplacedAddress() {
    CliRun run = validate("tempo_cluster", "seeds/000_tempo_cluster.readme.yaml");

    assertThat(run.out())
        .isEqualTo(
            report(
                "seeds/000_tempo_cluster.readme.yaml",
                ":3: error: provider.app.worker_config: is required but has no value",
                ":9: error: requirer.app.role: \"receiver\" is not a Tempo role (expected one of"
                    + " all, querier, query-frontend, ingester, distributor, compactor,"
                    + " metrics-generator)",
                ":10: error: requirer.unit.address: is required but missing",
                ":17: error: requirer.address: is not a databag: a side holds only app: and unit:"
                    + " (did you mean requirer.unit.address?)",
                ": invalid tempo_cluster v1 relation data: 4 errors"));
    assertThat(run.status()).isEqualTo(1);
    assertThat(run.err()).isEmpty();
  }

  @Test
  void tempoClusterCorrectedValidates() {
    CliRun run = validate("tempo_cluster", "seeds/000_tempo_cluster.corrected.yaml");

    assertThat(run.out())
        .isEqualTo(
            report(
                "seeds/000_tempo_cluster.corrected.yaml",
                ": valid tempo_cluster v1 relation data"));
    assertThat(run.status()).isZero();
  }

  @Test
  void tempoClusterCorrectedAlsoValidatesAgainstVersionZero() {
    CliRun run =
        CliRun.of(
            "validate",
            "tempo_cluster",
            "--version",
            "0",
            CliRun.RESOURCES + "seeds/000_tempo_cluster.corrected.yaml");

    assertThat(run.out()).endsWith(": valid tempo_cluster v0 relation data\n");
    assertThat(run.status()).isZero();
  }

  @Test
  void pyroscopeClusterReadmeIsNotValidYaml() {
    CliRun run = validate("pyroscope_cluster", "seeds/001_pyroscope_cluster.readme.yaml");

    assertThat(run.out())
        .isEqualTo(
            report(
                "seeds/001_pyroscope_cluster.readme.yaml",
                ":12: error: not valid YAML at line 12, column 22: expected <block end>, but"
                    + " found ',' (while parsing a block mapping)",
                ": invalid pyroscope_cluster v0 relation data: 1 error"));
    assertThat(run.status()).isEqualTo(1);
  }

  @Test
  void pyroscopeClusterReadmeWithoutItsCommasStillNamesTheWrongKeyAndLacksAnAddress() {
    CliRun run = validate("pyroscope_cluster", "seeds/001_pyroscope_cluster.commas-removed.yaml");

    assertThat(run.out())
        .isEqualTo(
            report(
                "seeds/001_pyroscope_cluster.commas-removed.yaml",
                ":2: error: provider.app.worker_config: is required but missing",
                ":3: warning: provider.app.config: is not a key of CoordinatorAppData, so readers"
                    + " ignore it (did you mean worker_config?)",
                ":10: error: requirer.unit.address: is required but missing",
                ": invalid pyroscope_cluster v0 relation data: 2 errors, 1 warning"));
    assertThat(run.status()).isEqualTo(1);
  }

  @Test
  void pyroscopeClusterCorrectedValidates() {
    CliRun run = validate("pyroscope_cluster", "seeds/001_pyroscope_cluster.corrected.yaml");

    assertThat(run.out())
        .isEqualTo(
            report(
                "seeds/001_pyroscope_cluster.corrected.yaml",
                ": valid pyroscope_cluster v0 relation data"));
    assertThat(run.status()).isZero();
  }

  @Test
  void datasourceExchangeReadmeIsReadAsBothAppBagsWithAWarningAboutItsLayout() {
    CliRun run =
        validate(
            "grafana_datasource_exchange", "seeds/003_grafana_datasource_exchange.readme.yaml");

    assertThat(run.out())
        .isEqualTo(
            report(
                "seeds/003_grafana_datasource_exchange.readme.yaml",
                ":1: warning: application_data: read as the app bag of both provider and"
                    + " requirer, as grafana_datasource_exchange is symmetric; write provider:"
                    + " {app: …} and requirer: {app: …} to name the sides",
                ": valid grafana_datasource_exchange v0 relation data: 1 warning"));
    assertThat(run.status()).isZero();
  }

  @Test
  void datasourceExchangeReadmeCounterExampleLacksTheUids() {
    CliRun run =
        validate(
            "grafana_datasource_exchange",
            "seeds/003_grafana_datasource_exchange.incomplete.readme.yaml");

    assertThat(run.out())
        .isEqualTo(
            report(
                "seeds/003_grafana_datasource_exchange.incomplete.readme.yaml",
                ":1: warning: application_data: read as the app bag of both provider and"
                    + " requirer, as grafana_datasource_exchange is symmetric; write provider:"
                    + " {app: …} and requirer: {app: …} to name the sides",
                ":4: error: application_data.datasources[0].grafana_uid: is required but missing",
                ":4: error: application_data.datasources[0].uid: is required but missing",
                ": invalid grafana_datasource_exchange v0 relation data: 2 errors, 1 warning"));
    assertThat(run.status()).isEqualTo(1);
  }

  @Test
  void datasourceExchangeCorrectedValidatesWithoutWarnings() {
    CliRun run =
        validate(
            "grafana_datasource_exchange", "seeds/003_grafana_datasource_exchange.corrected.yaml");

    assertThat(run.out())
        .isEqualTo(
            report(
                "seeds/003_grafana_datasource_exchange.corrected.yaml",
                ": valid grafana_datasource_exchange v0 relation data"));
    assertThat(run.status()).isZero();
  }
}
