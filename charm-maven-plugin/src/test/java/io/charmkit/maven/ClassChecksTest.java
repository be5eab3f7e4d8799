package io.charmkit.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.charmkit.ops.metadata.CharmMetadata;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaging-time class-file checks, on small charms compiled by the test. */
class ClassChecksTest {
  @TempDir Path tmp;

  private static final String CHARM =
      """
      package demo;

      import io.charmkit.ops.Charm;
      import io.charmkit.ops.Dispatcher;
      import io.charmkit.ops.framework.Framework;

      public final class DemoCharm extends Charm {
        static final String CONTAINER = "workload";

        public DemoCharm(Framework framework) {
          super(framework);
          observe(on().relationChanged("databse"), e -> {});
          observe(on().relationJoined("db"), e -> {});
          observe(on().pebbleReady(CONTAINER), e -> {});
          observe(on().action("restart"), e -> {});
          for (String endpoint : java.util.List.of("not-checked")) {
            observe(on().relationBroken(endpoint), e -> {});
          }
        }

        void reconcile() {
          model().container("wrokload");
          model().relation("db");
          model().relations("peers-typo");
          String level = config().string("log-level").orElse("info");
          boolean debug = config().flag("debgu");
          model().relation("db", 3);
        }

        public static void main(String[] args) {
          Dispatcher.main(DemoCharm::new);
        }
      }
      """;

  private static final String NOT_MAIN =
      """
      package demo;

      public final class Helper {
        static void main(String[] args) {}

        public void main() {}
      }
      """;

  private static final CharmMetadata METADATA =
      CharmMetadata.parse(
          """
          name: demo
          requires:
            db:
              interface: pgsql
          peers:
            cluster:
              interface: demo-peers
          containers:
            workload:
              resource: image
          """,
          "options:\n  log-level:\n    type: string\n  debug:\n    type: boolean\n",
          "restart:\n  description: r\n");

  private Path jar(boolean debug) throws Exception {
    return CompiledJar.build(
        tmp, "charm.jar", Map.of("demo.DemoCharm", CHARM, "demo.Helper", NOT_MAIN), debug);
  }

  @Test
  void literalNamesPassedToTheOpsApiAreFoundWithWhereTheyAre() throws Exception {
    List<NameUse> uses = LiteralNamesCheck.uses(jar(true));
    assertThat(uses)
        .extracting(u -> u.kind() + ":" + u.name())
        .containsExactlyInAnyOrder(
            "endpoint:databse",
            "endpoint:db",
            "container:workload",
            "action:restart",
            "container:wrokload",
            "endpoint:db",
            "endpoint:peers-typo",
            "config option:log-level",
            "config option:debgu");
    NameUse typo = uses.stream().filter(u -> u.name().equals("databse")).findFirst().orElseThrow();
    assertThat(typo.className()).isEqualTo("demo.DemoCharm");
    assertThat(typo.method()).isEqualTo("<init>");
    assertThat(typo.source()).isEqualTo("DemoCharm.java");
    assertThat(typo.line()).isEqualTo(12);
    assertThat(typo.api()).isEqualTo("CharmEvents.relationChanged");
  }

  @Test
  void theCheckListsEveryUndeclaredNameWithWhatTheMetadataDeclares() throws Exception {
    assertThatThrownBy(() -> LiteralNamesCheck.check(jar(true), METADATA, "charmcraft.yaml"))
        .isInstanceOf(PackagingException.class)
        .hasMessageContaining("does not declare")
        .hasMessageContaining(
            "endpoint 'databse' at DemoCharm.java:12 (demo.DemoCharm.<init>,"
                + " CharmEvents.relationChanged); declared under provides, requires or peers:"
                + " [cluster, db]")
        .hasMessageContaining(
            "container 'wrokload' at DemoCharm.java:22 (demo.DemoCharm.reconcile,"
                + " Model.container); declared under containers: [workload]")
        .hasMessageContaining("endpoint 'peers-typo'")
        .hasMessageContaining(
            "config option 'debgu' at DemoCharm.java:26 (demo.DemoCharm.reconcile,"
                + " Config.flag); declared under config.options: [debug, log-level]")
        .hasMessageNotContaining("'db' at")
        .hasMessageNotContaining("'restart'")
        .hasMessageNotContaining("'workload' at");
  }

  @Test
  void withoutDebugInformationTheClassAndMethodStillNameTheCall() throws Exception {
    assertThatThrownBy(() -> LiteralNamesCheck.check(jar(false), METADATA, "metadata.yaml"))
        .hasMessageContaining("endpoint 'databse' at demo.DemoCharm (demo.DemoCharm.<init>,");
  }

  @Test
  void declaredNamesPass() throws Exception {
    CharmMetadata all =
        CharmMetadata.parse(
            """
            name: demo
            requires:
              db: {interface: pgsql}
              databse: {interface: pgsql}
            peers:
              peers-typo: {interface: p}
            containers:
              workload: {}
              wrokload: {}
            """,
            "options:\n  log-level: {type: string}\n  debgu: {type: boolean}\n",
            "restart: {}\n");
    LiteralNamesCheck.check(jar(true), all, "metadata.yaml");
  }

  @Test
  void theMainClassMustBeSet() {
    assertThatThrownBy(() -> MainClassCheck.check("", List.of()))
        .isInstanceOf(PackagingException.class)
        .hasMessageContaining("charm.main.class is not set")
        .hasMessageContaining("<charm.main.class>");
    assertThatThrownBy(() -> MainClassCheck.requireSet(null))
        .hasMessageContaining("charm.main.class is not set");
  }

  @Test
  void theMainClassMustBeInTheJars() throws Exception {
    Path jar = jar(true);
    MainClassCheck.check("demo.DemoCharm", List.of(jar));
    assertThatThrownBy(() -> MainClassCheck.check("demo.DemoCharn", List.of(jar)))
        .isInstanceOf(PackagingException.class)
        .hasMessageContaining("demo.DemoCharn is not in the charm's jar nor its dependencies")
        .hasMessageContaining("classes with a main in the charm's jar: [demo.DemoCharm]");
  }

  @Test
  void theMainClassMustHavePublicStaticMain() throws Exception {
    assertThatThrownBy(() -> MainClassCheck.check("demo.Helper", List.of(jar(true))))
        .isInstanceOf(PackagingException.class)
        .hasMessageContaining(
            "demo.Helper (in charm.jar) has no public static void main(String[])");
  }
}
