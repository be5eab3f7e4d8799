package io.charmkit.interfaces.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.charmkit.schema.cluster.WorkerAppData;
import io.charmkit.schema.jsonschema.InterfaceSchema;
import io.charmkit.schema.validation.Problem;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RolesTableTest {

  @Nested
  class TheTempoTable {
    @Test
    void listsTheSixLeafRolesAndAll() {
      assertThat(RolesTable.TEMPO.roles())
          .containsExactly(
              "all",
              "compactor",
              "distributor",
              "ingester",
              "metrics-generator",
              "querier",
              "query-frontend");
    }

    @Test
    void expandsAllToTheSixLeafRolesButNotItself() {
      assertThat(RolesTable.TEMPO.metaRoles()).containsOnlyKeys("all");
      assertThat(RolesTable.TEMPO.expand("all"))
          .containsExactly(
              "compactor",
              "distributor",
              "ingester",
              "metrics-generator",
              "querier",
              "query-frontend");
    }

    @Test
    void needsFiveRolesButNotTheMetricsGenerator() {
      assertThat(RolesTable.TEMPO.minimalDeployment())
          .containsExactly("compactor", "distributor", "ingester", "querier", "query-frontend");
    }

    @Test
    void recommendsThreeIngestersAndOneOfEverythingElse() {
      assertThat(RolesTable.TEMPO.recommendedDeployment())
          .isEqualTo(
              Map.of(
                  "querier", 1,
                  "query-frontend", 1,
                  "ingester", 3,
                  "distributor", 1,
                  "compactor", 1,
                  "metrics-generator", 1));
    }
  }

  @Nested
  class ThePyroscopeTable {
    private final List<String> leaves =
        List.of(
            "querier",
            "query-frontend",
            "query-scheduler",
            "ingester",
            "distributor",
            "compactor",
            "store-gateway",
            "tenant-settings",
            "ad-hoc-profiles");

    @Test
    void listsTheNineLeafRolesAndAll() {
      Set<String> expected = new TreeSet<>(leaves);
      expected.add("all");
      assertThat(RolesTable.PYROSCOPE.roles()).isEqualTo(expected);
    }

    @Test
    void expandsAllToTheNineLeafRoles() {
      assertThat(RolesTable.PYROSCOPE.expand("all")).containsExactlyInAnyOrderElementsOf(leaves);
    }

    @Test
    void needsAllNineLeafRoles() {
      assertThat(RolesTable.PYROSCOPE.minimalDeployment())
          .containsExactlyInAnyOrderElementsOf(leaves);
    }

    @Test
    void recommendsTheHelmMicroServicesCounts() {
      assertThat(RolesTable.PYROSCOPE.recommendedDeployment())
          .isEqualTo(
              Map.of(
                  "querier", 3,
                  "query-frontend", 2,
                  "query-scheduler", 2,
                  "ingester", 3,
                  "distributor", 2,
                  "compactor", 3,
                  "store-gateway", 3,
                  "tenant-settings", 1,
                  "ad-hoc-profiles", 1));
    }
  }

  @Nested
  class TheLokiTable {
    @Test
    void hasTheSimpleScalableTargets() {
      assertThat(RolesTable.LOKI.roles()).containsExactly("all", "backend", "read", "write");
      assertThat(RolesTable.LOKI.minimalDeployment()).containsExactly("backend", "read", "write");
      assertThat(RolesTable.LOKI.recommendedDeployment())
          .isEqualTo(Map.of("read", 3, "write", 3, "backend", 3));
    }

    @Test
    void expandsAllToItselfAndTheThreeTargets() {
      assertThat(RolesTable.LOKI.expand("all")).containsExactly("all", "backend", "read", "write");
    }
  }

  @Nested
  class TheMimirTable {
    @Test
    void hasElevenComponentsAndFourMetaRoles() {
      assertThat(RolesTable.MIMIR.roles())
          .containsExactlyInAnyOrder(
              "overrides-exporter",
              "query-scheduler",
              "flusher",
              "query-frontend",
              "querier",
              "store-gateway",
              "ingester",
              "distributor",
              "ruler",
              "alertmanager",
              "compactor",
              "read",
              "write",
              "backend",
              "all");
      assertThat(RolesTable.MIMIR.metaRoles()).containsOnlyKeys("read", "write", "backend", "all");
    }

    @Test
    void expandsEachMetaRoleWithoutItself() {
      assertThat(RolesTable.MIMIR.expand("read")).containsExactly("querier", "query-frontend");
      assertThat(RolesTable.MIMIR.expand("write")).containsExactly("distributor", "ingester");
      assertThat(RolesTable.MIMIR.expand("backend"))
          .containsExactly(
              "alertmanager",
              "compactor",
              "overrides-exporter",
              "query-scheduler",
              "ruler",
              "store-gateway");
      assertThat(RolesTable.MIMIR.expand("all"))
          .containsExactly(
              "compactor",
              "distributor",
              "ingester",
              "querier",
              "query-frontend",
              "ruler",
              "store-gateway");
    }

    @Test
    void needsTheRulerInItsMinimalDeployment() {
      assertThat(RolesTable.MIMIR.minimalDeployment())
          .containsExactly(
              "compactor",
              "distributor",
              "ingester",
              "querier",
              "query-frontend",
              "ruler",
              "store-gateway");
    }

    @Test
    void recommendsThreeIngestersAndTwoQueriers() {
      assertThat(RolesTable.MIMIR.recommendedDeployment())
          .isEqualTo(
              Map.of(
                  "compactor", 1,
                  "distributor", 1,
                  "ingester", 3,
                  "querier", 2,
                  "query-frontend", 1,
                  "store-gateway", 1,
                  "ruler", 1));
    }
  }

  @Nested
  class Expansion {
    @Test
    void splitsCommaJoinedRolesAndKeepsLeafRoles() {
      assertThat(RolesTable.PYROSCOPE.expand("querier,ingester"))
          .containsExactly("ingester", "querier");
    }

    @Test
    void mixesMetaAndLeafRoles() {
      assertThat(RolesTable.MIMIR.expand("read,ruler,write"))
          .containsExactly("distributor", "ingester", "querier", "query-frontend", "ruler");
    }

    @Test
    void acceptsAListAsWellAsAString() {
      assertThat(RolesTable.LOKI.expand(List.of("read", "write")))
          .isEqualTo(RolesTable.LOKI.expand("write,read"));
    }

    @Test
    void keepsUnknownNamesAndDropsEmptyOnes() {
      assertThat(RolesTable.TEMPO.expand("querier,,bogus")).containsExactly("bogus", "querier");
    }

    @Test
    void isCaseSensitive() {
      assertThat(RolesTable.TEMPO.expand("ALL")).containsExactly("ALL");
    }

    @Test
    void isTheSameWhateverTheOrder() {
      assertThat(RolesTable.MIMIR.expand("backend,read"))
          .isEqualTo(RolesTable.MIMIR.expand("read,backend"));
    }
  }

  @Nested
  class Inconsistency {
    @Test
    void rejectsAMetaRoleMemberThatIsNotARole() {
      var metas = new TreeMap<String, Set<String>>();
      metas.put("all", new TreeSet<>(Set.of("querier", "ghost")));
      assertThatThrownBy(
              () ->
                  new RolesTable(
                      "Demo",
                      new TreeSet<>(Set.of("all", "querier")),
                      metas,
                      new TreeSet<>(),
                      new TreeMap<>()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("inconsistent Demo roles table")
          .hasMessageContaining("meta-role all expands to unknown roles ghost");
    }

    @Test
    void rejectsAMetaRoleThatIsNotARole() {
      var metas = new TreeMap<String, Set<String>>();
      metas.put("everything", new TreeSet<>(Set.of("querier")));
      assertThatThrownBy(
              () ->
                  new RolesTable(
                      "Demo",
                      new TreeSet<>(Set.of("querier")),
                      metas,
                      new TreeSet<>(),
                      new TreeMap<>()))
          .hasMessageContaining("meta-role everything is not a role");
    }

    @Test
    void rejectsAnUnknownMinimalRole() {
      assertThatThrownBy(
              () ->
                  RolesTable.builder("Demo").roles("querier").minimal("querier", "ingestr").build())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "inconsistent Demo roles table: the minimal deployment names unknown roles ingestr");
    }

    @Test
    void rejectsAnUnknownRecommendedRole() {
      assertThatThrownBy(
              () -> RolesTable.builder("Demo").roles("querier").recommend("ruler", 2).build())
          .hasMessage(
              "inconsistent Demo roles table: the recommended deployment names unknown roles ruler");
    }

    @Test
    void namesEveryProblemAtOnce() {
      assertThatThrownBy(
              () ->
                  RolesTable.builder("Demo")
                      .roles("querier")
                      .minimal("a")
                      .recommend("b", 1)
                      .build())
          .hasMessageContaining("unknown roles a")
          .hasMessageContaining("unknown roles b");
    }

    @Test
    void rejectsANegativeRecommendedCount() {
      assertThatThrownBy(
              () -> RolesTable.builder("Demo").roles("querier").recommend("querier", -1).build())
          .hasMessageContaining("recommended unit count for querier must be 0 or more");
    }
  }

  @Test
  void equalTablesComeFromTheSameFactsInAnyOrder() {
    RolesTable one = RolesTable.builder("X").meta("all", "a", "b").minimal("a", "b").build();
    RolesTable two = RolesTable.builder("X").meta("all", "b", "a").minimal("b", "a").build();
    assertThat(one).isEqualTo(two);
    assertThat(one.toString()).isEqualTo(two.toString());
  }

  @Test
  void expandsAListOfPublishedRoles() {
    assertThat(RolesTable.TEMPO.metaRoles().get("all")).hasSize(6).doesNotContain("all");
    assertThat(RolesTable.TEMPO.expand(List.of("all", "querier"))).hasSize(6);
  }

  @Test
  void expandsIntoAFreshSetTheCallerMayChange() {
    var expanded = RolesTable.TEMPO.expand("all");
    expanded.remove("querier");
    assertThat(RolesTable.TEMPO.expand("all")).contains("querier");
  }

  @Test
  void isImmutable() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> RolesTable.TEMPO.roles().add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void theClusterInterfacesRoleNamesAreTheTablesRoles() {
    // schema keeps each cluster interface's role names as plain data for its JSON Schemas and
    // bin/charmkit; they must be exactly the roles of the table a coordinator uses.
    assertThat(InterfaceSchema.find("tempo_cluster", Optional.empty()).orElseThrow().roles())
        .containsExactlyInAnyOrderElementsOf(RolesTable.TEMPO.roles());
    assertThat(InterfaceSchema.find("tempo_cluster", Optional.of(0)).orElseThrow().roles())
        .containsExactlyInAnyOrderElementsOf(RolesTable.TEMPO.roles());
    assertThat(InterfaceSchema.find("pyroscope_cluster", Optional.empty()).orElseThrow().roles())
        .containsExactlyInAnyOrderElementsOf(RolesTable.PYROSCOPE.roles());
  }

  @Test
  void rejectsUnknownAndEmptyPublishedRoles() {
    assertThat(RolesTable.TEMPO.problems(new WorkerAppData("querier,imposter,,ingester")))
        .extracting(Problem::message)
        .containsExactly(
            "\"imposter\" is not a Tempo role (expected one of all, compactor, distributor,"
                + " ingester, metrics-generator, querier, query-frontend)",
            "has an empty role name in \"querier,imposter,,ingester\"");
    assertThat(RolesTable.LOKI.problems(new WorkerAppData("all,read"))).isEmpty();
  }
}
