package io.charmkit.schema.cli;

import static io.charmkit.schema.cli.CliRun.report;
import static io.charmkit.schema.cli.CliRun.validate;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code charmkit validate}: raw and decoded values, warnings, layout mistakes. */
class ValidateTest {

  @TempDir Path dir;

  /** Writes {@code text} to {@code name} and validates it. */
  private CliRun validateText(String iface, String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return CliRun.of("validate", iface, file.toString());
  }

  /** The expected report for a file written by {@link #validateText}. */
  private String lines(String name, String... lines) {
    return Arrays.stream(lines)
        .map(line -> dir.resolve(name) + line + "\n")
        .collect(Collectors.joining());
  }

  @Test
  void rawDatabagStringsAsRelationGetShowsThemValidateWithJujusOwnKeysUnremarked() {
    CliRun run = validate("tempo_cluster", "raw/tempo_cluster.wire.json");

    assertThat(run.out())
        .isEqualTo(report("raw/tempo_cluster.wire.json", ": valid tempo_cluster v1 relation data"));
    assertThat(run.status()).isZero();
  }

  @Test
  void rawCompactJsonValidatesForTheDatasourceExchange() {
    CliRun run =
        validate("grafana_datasource_exchange", "raw/grafana_datasource_exchange.wire.yaml");

    assertThat(run.status()).isZero();
    assertThat(run.out()).doesNotContain("error", "warning");
  }

  @Test
  void rawValuesThatAreNotJsonOrEncodedTwiceAreReportedOnTheirKeysLines() {
    CliRun run = validate("tempo_cluster", "raw/tempo_cluster.broken-raw.yaml");

    assertThat(run.out())
        .isEqualTo(
            report(
                "raw/tempo_cluster.broken-raw.yaml",
                ":5: error: provider.app.worker_ports: is not valid JSON (unexpected text at"
                    + " character 13)",
                ":6: error: provider.app.loki_endpoints: must be an object, not a string (the value"
                    + " is JSON text inside a JSON string: encoded twice?)",
                ":11: error: requirer.unit.juju_topology.unit: must not be null",
                ": invalid tempo_cluster v1 relation data: 3 errors"));
    assertThat(run.status()).isEqualTo(1);
  }

  @Test
  void aProblemInsideADecodedValueIsReportedOnItsOwnLine() throws IOException {
    CliRun run =
        validateText(
            "tempo_cluster",
            "unit.yaml",
            """
            requirer:
              app: {role: all}
              unit:
                address: tempo-worker-0.example
                juju_topology:
                  application: tempo-worker
                  unit: 7
                  charm_name:
            """);

    assertThat(run.out())
        .isEqualTo(
            lines(
                "unit.yaml",
                ":7: error: requirer.unit.juju_topology.unit: must be a string, not an integer",
                ": invalid tempo_cluster v1 relation data: 1 error"));
  }

  @Test
  void aMissingNestedValueIsCalledMissingAndAnEmptyOneEmpty() throws IOException {
    CliRun run =
        validateText(
            "tempo_cluster",
            "unit.yaml",
            """
            requirer:
              app: {role: all}
              unit:
                address: tempo-worker-0.example
                juju_topology:
                  application: tempo-worker
                  charm_name:
            """);

    assertThat(run.out())
        .isEqualTo(
            lines(
                "unit.yaml",
                ":5: error: requirer.unit.juju_topology.unit: is required but missing",
                ":7: error: requirer.unit.juju_topology.charm_name: is required but has no value",
                ": invalid tempo_cluster v1 relation data: 2 errors"));
  }

  @Test
  void unknownKeysAndRepeatedKeysAreWarningsThatLeaveTheDataValid() throws IOException {
    CliRun run =
        validateText(
            "tempo_cluster",
            "warnings.yaml",
            """
            requirer:
              app:
                role: querier
                role: all
                roles: all
                ingress-address: 10.1.64.12
              unit:
                ingress-address: 10.1.64.12
                egress-subnets: 10.1.64.12/32
                private-address: 10.1.64.12
                adress: x
                address: tempo-worker-0.example
                juju_topology: {application: w, unit: w/0, charm_name: w}
            provider:
              unit:
                hostname: coordinator-0
            """);

    assertThat(run.out())
        .isEqualTo(
            lines(
                "warnings.yaml",
                ":4: warning: requirer.app.role: is given twice (first on line 3); YAML readers"
                    + " keep only this last value",
                ":5: warning: requirer.app.roles: is not a key of WorkerAppData, so readers ignore"
                    + " it",
                ":6: warning: requirer.app.ingress-address: is not a key of WorkerAppData, so"
                    + " readers ignore it",
                ":11: warning: requirer.unit.adress: is not a key of WorkerUnitData, so readers"
                    + " ignore it",
                ":14: error: provider.app.worker_config: is required but missing",
                ":16: warning: provider.unit.hostname: is never read: tempo_cluster does not use"
                    + " the provider's unit bag",
                ": invalid tempo_cluster v1 relation data: 1 error, 5 warnings"));
  }

  @Test
  void aSideThatIsLeftOutIsNotChecked() throws IOException {
    CliRun run =
        validateText(
            "pyroscope_cluster",
            "requirer-only.json",
            """
            {"requirer": {"app": {"role": "\\"querier,query-frontend\\""},
                          "unit": {"address": "\\"10.1.64.12\\"",
                                   "juju_topology": {"application": "p", "unit": "p/0",
                                                     "charm_name": "pyroscope-worker-k8s"}}}}
            """);

    assertThat(run.out())
        .isEqualTo(lines("requirer-only.json", ": valid pyroscope_cluster v0 relation data"));
    assertThat(run.status()).isZero();
  }

  @Test
  void aMisspeltSideAndABagThatIsNotAMappingAreLayoutErrors() throws IOException {
    CliRun run =
        validateText(
            "tempo_cluster",
            "layout.yaml",
            """
            requier:
              app: {role: all}
            provider:
              app: worker_config
            """);

    assertThat(run.out())
        .isEqualTo(
            lines(
                "layout.yaml",
                ":1: error: requier: is not a side of the relation: expected provider: and"
                    + " requirer:, each with app: and unit:",
                ":4: error: provider.app: is a string: expected a mapping of databag keys to"
                    + " values",
                ": invalid tempo_cluster v1 relation data: 2 errors"));
    assertThat(run.status()).isEqualTo(1);
  }

  @Test
  void applicationDataNamesNoSideForAClusterInterface() throws IOException {
    CliRun run = validateText("tempo_cluster", "app.yaml", "application_data:\n  role: all\n");

    assertThat(run.out())
        .isEqualTo(
            lines(
                "app.yaml",
                ":1: error: application_data: names no side; tempo_cluster has different provider"
                    + " and requirer bags: expected provider: and requirer:, each with app: and"
                    + " unit:",
                ": invalid tempo_cluster v1 relation data: 1 error"));
  }

  @Test
  void anEmptyDocumentIsInvalid() throws IOException {
    CliRun run = validateText("tempo_cluster", "empty.yaml", "# nothing yet\n");

    assertThat(run.out())
        .isEqualTo(
            lines(
                "empty.yaml",
                ":1: error: the document is empty: expected provider: and requirer:, each with"
                    + " app: and unit:",
                ": invalid tempo_cluster v1 relation data: 1 error"));
    assertThat(run.status()).isEqualTo(1);
  }

  @Test
  void aJsonSyntaxErrorIsOneLineWithItsPosition() throws IOException {
    CliRun run =
        validateText("tempo_cluster", "broken.json", "{\"requirer\": {\n  \"app\": {,}\n}}\n");

    assertThat(run.out())
        .startsWith(dir.resolve("broken.json") + ":2: error: not valid JSON at line 2, column 11: ")
        .endsWith(": invalid tempo_cluster v1 relation data: 1 error\n");
    assertThat(run.out().lines()).hasSize(2);
    assertThat(run.status()).isEqualTo(1);
  }

  @Test
  void rawTextKeysAreTakenVerbatimAndJsonKeysDecodedForTheNewInterfaces() throws IOException {
    CliRun route =
        validateText(
            "traefik_route",
            "route.yaml",
            "provider:\n  app:\n    external_host: 10.0.0.5\n    scheme: https\n"
                + "requirer:\n  app:\n    raw: \"False\"\n    config: \"http: {}\\n\"\n");
    CliRun catalogue =
        validateText(
            "catalogue",
            "catalogue.yaml",
            "requirer:\n  app:\n    name: Tempo (tempo)\n"
                + "    api_endpoints: {Status: \"http://tempo:3200/status\"}\n");

    assertThat(route.out())
        .isEqualTo(lines("route.yaml", ": valid traefik_route v0 relation data"));
    assertThat(catalogue.out())
        .isEqualTo(lines("catalogue.yaml", ": valid catalogue v0 relation data"));
  }

  @Test
  void aTraefikSchemeThatIsNotOneIsAnError() throws IOException {
    CliRun run =
        validateText("traefik_route", "bad.yaml", "provider:\n  app:\n    scheme: gopher\n");

    assertThat(run.out()).contains("scheme: must be http or https");
    assertThat(run.status()).isEqualTo(1);
  }
}
