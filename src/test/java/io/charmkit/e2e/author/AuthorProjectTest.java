package io.charmkit.e2e.author;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * A charm author's project, outside this repository, on the published artifacts only: {@code
 * charmkit init} (the Maven goal) lays it out in a temporary directory, and a nested Maven builds
 * its {@code .charm}, runs its state-transition tests and its scenario on the embedded Juju.
 *
 * <p>The nested Maven sees charmkit only as published: this reactor's poms and jars are copied into
 * a throwaway local repository in the layout {@code mvn install} writes (nothing goes into the
 * shared {@code ~/.m2}); third-party artifacts come from the outer build's local repository, used
 * read-only as the nested build's only remote, so the test needs no network.
 */
class AuthorProjectTest {
  /** The author's own version: different from charmkit's, as in every real project. */
  private static final String AUTHOR_VERSION = "1.0.0-SNAPSHOT";

  private static final long MAVEN_TIMEOUT_MINUTES = 10;

  @TempDir static Path tmp;

  private static Path root;
  private static String charmkitVersion;
  private static Path settings;

  @BeforeAll
  static void publishTheReactor() throws Exception {
    root =
        Path.of(System.getProperty("charmkit.examples")).toAbsolutePath().normalize().getParent();
    charmkitVersion = text(pom(root.resolve("pom.xml")), "version");
    Path repo = Files.createDirectories(tmp.resolve("repository"));
    for (Module module : publishedModules()) {
      module.installInto(repo, charmkitVersion);
    }
    Path cache = localRepositoryOf(Test.class, "org.junit.jupiter");
    settings = tmp.resolve("settings.xml");
    Files.writeString(settings, settingsXml(repo, cache), StandardCharsets.UTF_8);
  }

  @Test
  void theBomListsEveryLibraryArtifact() throws Exception {
    Set<String> libraries = new TreeSet<>();
    for (Module module : publishedModules()) {
      if (!module.packaging().equals("pom")) {
        libraries.add(module.artifactId());
      }
    }
    Set<String> managed = new TreeSet<>();
    Document bom = pom(root.resolve("charmkit-bom/pom.xml"));
    NodeList deps = bom.getElementsByTagName("dependency");
    for (int i = 0; i < deps.getLength(); i++) {
      Element dep = (Element) deps.item(i);
      if (childText(dep, "groupId").equals("io.charmkit")) {
        managed.add(childText(dep, "artifactId"));
        assertThat(childText(dep, "version")).isEqualTo("${charmkit.version}");
      }
    }

    assertThat(libraries).contains("charmkit-ops", "charmkit-testing", "charmkit-maven-plugin");
    assertThat(managed).isEqualTo(libraries);
  }

  @Test
  void initLaysOutAProjectThatBuildsTestsAndRunsOnTheEmbeddedJuju() throws Exception {
    Path work = Files.createDirectories(tmp.resolve("work"));
    assertThat(work.startsWith(root)).as("outside the reactor").isFalse();

    Run init =
        maven(
            work,
            "io.charmkit:charmkit-maven-plugin:" + charmkitVersion + ":init",
            "-Dname=hello-author");
    assertThat(init.exitCode()).as(init.output()).isZero();
    Path project = work.resolve("hello-author");
    String pom = Files.readString(project.resolve("pom.xml"));
    assertThat(pom)
        .contains("<artifactId>charmkit-charm-parent</artifactId>")
        .contains("<version>" + AUTHOR_VERSION + "</version>");
    assertThat(AUTHOR_VERSION).isNotEqualTo(charmkitVersion);

    // Code as an author may write it: not google-java-format'ed, a star import, raw types (javac
    // warns about them). charmkit's own format check, checkstyle and -Werror would each fail it.
    Files.writeString(
        project.resolve("src/main/java/com/example/helloauthor/Legacy.java"),
        """
        package com.example.helloauthor;
        import java.util.*;
        /** Written the author's way. */
        public class Legacy { public static List names() { List l = new ArrayList(); l.add("x");
            return l; } }
        """);

    Run build = maven(project, "verify");

    assertThat(build.exitCode()).as(build.output()).isZero();
    assertThat(build.output())
        .doesNotContain("spotless", "checkstyle")
        .contains("Tests run: 2, Failures: 0, Errors: 0, Skipped: 0")
        .contains(
            "Tests run: 1, Failures: 0, Errors: 0, Skipped: 0, Time elapsed:",
            "in com.example.helloauthor.HelloAuthorCharmIT");
    assertThat(project.resolve("target/hello-author.charm")).isNotEmptyFile();
    Path charm = project.resolve("target/charm");
    assertThat(charm.resolve("dispatch")).isExecutable();
    // charmkit at its own version, whatever the author's: the lib/ jars and the manifest.
    assertThat(charm.resolve("lib/charmkit-ops-" + charmkitVersion + ".jar")).isRegularFile();
    assertThat(charm.resolve("lib/hello-author-" + AUTHOR_VERSION + ".jar")).isRegularFile();
    assertThat(Files.readString(charm.resolve("manifest.yaml")))
        .contains("charmkit-version: " + charmkitVersion + "\n");
    // Only the published artifacts: the nested build's only remote serves no snapshots, so the
    // charmkit jars it packed are the ones this reactor built.
    assertThat(
            Files.mismatch(
                charm.resolve("lib/charmkit-ops-" + charmkitVersion + ".jar"),
                root.resolve("ops/target/charmkit-ops-" + charmkitVersion + ".jar")))
        .isEqualTo(-1L);
  }

  @Test
  void aCharmWithoutAMainClassFailsWithTheFix() throws Exception {
    Path work = Files.createDirectories(tmp.resolve("nomain"));
    Run init =
        maven(
            work,
            "io.charmkit:charmkit-maven-plugin:" + charmkitVersion + ":init",
            "-Dname=no-main");
    assertThat(init.exitCode()).as(init.output()).isZero();
    Path project = work.resolve("no-main");
    Path pom = project.resolve("pom.xml");
    Files.writeString(
        pom, Files.readString(pom).replaceAll("(?m)^\\s*<charm\\.main\\.class>.*\\n", ""));

    Run missing = maven(project, "validate");
    Run blank = maven(project, "validate", "-Dcharm.main.class= ");

    assertThat(missing.exitCode()).isNotZero();
    assertThat(missing.output())
        .contains(
            "A charm module must set the property charm.main.class",
            "add <charm.main.class>com.example.MyCharm</charm.main.class>");
    assertThat(blank.exitCode()).isNotZero();
    assertThat(blank.output())
        .contains("charm.main.class must be the fully qualified name of the charm's class");
  }

  @Test
  void aMisspeltCharmFileFailsTheBuildInsteadOfBuildingAPlainJar() throws Exception {
    Path work = Files.createDirectories(tmp.resolve("typo"));
    Run init =
        maven(
            work, "io.charmkit:charmkit-maven-plugin:" + charmkitVersion + ":init", "-Dname=typo");
    assertThat(init.exitCode()).as(init.output()).isZero();
    Path project = work.resolve("typo");
    Files.move(project.resolve("charmcraft.yaml"), project.resolve("charmcraft.yml"));

    Run typo = maven(project, "validate");

    assertThat(typo.exitCode()).as(typo.output()).isNotZero();
    assertThat(typo.output())
        .contains("charmcraft.yml")
        .contains("A charm's files end in .yaml")
        .contains("rename the .yml file");
  }

  /** A reactor module as the nested build sees it once installed. */
  private record Module(Path dir, String artifactId, String packaging) {
    void installInto(Path repo, String version) throws IOException {
      Path target = repo.resolve("io/charmkit/" + artifactId + "/" + version);
      Files.createDirectories(target);
      String base = artifactId + "-" + version;
      Files.copy(
          dir.resolve("pom.xml"),
          target.resolve(base + ".pom"),
          StandardCopyOption.REPLACE_EXISTING);
      if (!packaging.equals("pom")) {
        Path jar = dir.resolve("target/" + base + ".jar");
        assertThat(jar).as("built by the reactor before this test").isRegularFile();
        Files.copy(jar, target.resolve(base + ".jar"), StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  /**
   * The modules charmkit publishes: the root and charm parents, the BOM and every library (charm
   * modules, with a charmcraft.yaml, and modules that skip install are not published).
   */
  private static List<Module> publishedModules() throws Exception {
    List<Module> out = new ArrayList<>();
    out.add(new Module(root, "charmkit-parent", "pom"));
    Document rootPom = pom(root.resolve("pom.xml"));
    NodeList modules = rootPom.getElementsByTagName("module");
    for (int i = 0; i < modules.getLength(); i++) {
      Path dir = root.resolve(modules.item(i).getTextContent().trim());
      Document pom = pom(dir.resolve("pom.xml"));
      Element project = pom.getDocumentElement();
      String install = childText(childElement(project, "properties"), "maven.install.skip");
      if (Files.exists(dir.resolve("charmcraft.yaml")) || install.equals("true")) {
        continue;
      }
      String packaging = childText(project, "packaging");
      out.add(
          new Module(
              dir, childText(project, "artifactId"), packaging.isEmpty() ? "jar" : packaging));
    }
    return out;
  }

  private record Run(int exitCode, String output) {}

  private static Run maven(Path dir, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("mvn", "-B", "-ntp", "-s", settings.toString()));
    command.addAll(List.of(args));
    Path log = Files.createTempFile(tmp, "mvn", ".log");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    // The outer Maven's project directory must not leak into the author's build.
    builder.environment().remove("MAVEN_BASEDIR");
    builder.environment().remove("MAVEN_PROJECTBASEDIR");
    Process process = builder.start();
    if (!process.waitFor(MAVEN_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("mvn " + String.join(" ", args) + " did not finish in time");
    }
    return new Run(process.exitValue(), Files.readString(log));
  }

  /**
   * The local repository a class of the outer build was loaded from: its jar is at {@code
   * <repository>/<group path>/<artifact>/<version>/<file>.jar}.
   */
  private static Path localRepositoryOf(Class<?> type, String groupId) throws Exception {
    Path jar = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path dir = jar.getParent().getParent().getParent();
    for (int i = 0; i < groupId.split("\\.").length; i++) {
      dir = dir.getParent();
    }
    assertThat(dir.resolve(groupId.replace('.', '/'))).isDirectory();
    return dir;
  }

  /**
   * Settings for the nested build: the throwaway local repository, and the outer local repository
   * as the only remote (file://, releases only: a cached file needs no checksum file). Any
   * repository a pom names is mirrored to it too, so nothing reaches the network.
   */
  private static String settingsXml(Path repo, Path cache) {
    String url = cache.toUri().toString();
    String repository =
        "<id>central</id><url>"
            + url
            + "</url><releases><checksumPolicy>ignore</checksumPolicy></releases>"
            + "<snapshots><enabled>false</enabled></snapshots>";
    return "<settings>\n"
        + "  <localRepository>"
        + repo
        + "</localRepository>\n"
        + "  <mirrors><mirror><id>outer-cache</id><mirrorOf>*</mirrorOf><url>"
        + url
        + "</url></mirror></mirrors>\n"
        + "  <profiles><profile><id>outer-cache</id>\n"
        + "    <repositories><repository>"
        + repository
        + "</repository></repositories>\n"
        + "    <pluginRepositories><pluginRepository>"
        + repository
        + "</pluginRepository></pluginRepositories>\n"
        + "  </profile></profiles>\n"
        + "  <activeProfiles><activeProfile>outer-cache</activeProfile></activeProfiles>\n"
        + "</settings>\n";
  }

  private static Document pom(Path file) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
  }

  private static String text(Document pom, String child) {
    return childText(pom.getDocumentElement(), child);
  }

  private static Element childElement(Element parent, String name) {
    if (parent == null) {
      return null;
    }
    try (Stream<Node> nodes = children(parent)) {
      return nodes
          .filter(n -> n instanceof Element && n.getNodeName().equals(name))
          .map(Element.class::cast)
          .findFirst()
          .orElse(null);
    }
  }

  private static String childText(Element parent, String name) {
    Element child = childElement(parent, name);
    return child == null ? "" : child.getTextContent().trim();
  }

  private static Stream<Node> children(Element parent) {
    NodeList list = parent.getChildNodes();
    List<Node> out = new ArrayList<>();
    for (int i = 0; i < list.getLength(); i++) {
      out.add(list.item(i));
    }
    return out.stream();
  }
}
