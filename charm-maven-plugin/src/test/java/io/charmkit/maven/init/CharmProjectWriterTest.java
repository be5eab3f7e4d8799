package io.charmkit.maven.init;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The project {@code charmkit init} lays out; building it is the e2e AuthorProjectTest's job. */
class CharmProjectWriterTest {
  @TempDir Path tmp;

  @Test
  void theNameGivesTheClassThePackageAndEveryPath() throws Exception {
    CharmProjectSpec spec = CharmProjectSpec.of("my-web-app", null, null, "9.9.9");

    List<Path> written = CharmProjectWriter.write(spec, tmp.resolve("p"));

    assertThat(spec.className()).isEqualTo("MyWebAppCharm");
    assertThat(spec.javaPackage()).isEqualTo("com.example.mywebapp");
    assertThat(written)
        .map(Path::toString)
        .containsExactly(
            "pom.xml",
            "charmcraft.yaml",
            "README.md",
            ".gitignore",
            "src/main/java/com/example/mywebapp/MyWebAppCharm.java",
            "src/test/java/com/example/mywebapp/MyWebAppCharmTest.java",
            "src/test/java/com/example/mywebapp/MyWebAppCharmIT.java");
    String pom = Files.readString(tmp.resolve("p/pom.xml"));
    assertThat(pom)
        .contains("<artifactId>charmkit-charm-parent</artifactId>\n    <version>9.9.9</version>")
        .contains("<charm.main.class>com.example.mywebapp.MyWebAppCharm</charm.main.class>")
        .doesNotContain("{{");
    assertThat(Files.readString(tmp.resolve("p/charmcraft.yaml")))
        .startsWith("type: charm\nname: my-web-app\n");
    assertThat(CharmProjectSpec.of("hello-charm", "org.acme", "org.acme.hi", "1").className())
        .isEqualTo("HelloCharm");
  }

  @Test
  void anInvalidNameIsRefusedWithJujusRule() {
    for (String bad : List.of("MyCharm", "my_charm", "my-2", "-x", "x--y", "9lives", "")) {
      assertThatThrownBy(() -> CharmProjectSpec.of(bad, null, null, "1"))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("is not a valid charm name")
          .hasMessageContaining("my-charm");
    }
    assertThatThrownBy(() -> CharmProjectSpec.of("ok", null, "com.example.2x", "1"))
        .hasMessage("'com.example.2x' is not a valid Java package name");
  }

  @Test
  void anExistingDirectoryIsNeverOverwritten() throws Exception {
    Path existing = Files.createDirectories(tmp.resolve("mine"));
    Files.writeString(existing.resolve("pom.xml"), "my own");

    assertThatThrownBy(
            () -> CharmProjectWriter.write(CharmProjectSpec.of("mine", null, null, "1"), existing))
        .isInstanceOf(FileAlreadyExistsException.class);
    assertThat(Files.readString(existing.resolve("pom.xml"))).isEqualTo("my own");
  }

  @Test
  void theCommandLineSaysWhatIsWrongInOneLine() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int code =
        InitCli.run(
            List.of("Bad_Name", "--charmkit-version", "1"),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .startsWith("charmkit init: 'Bad_Name' is not a valid charm name")
        .hasLineCount(1);
  }

  @Test
  void theCommandLineWritesWhereItIsTold() {
    Path dir = tmp.resolve("here");
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    int code =
        InitCli.run(
            List.of("demo-app", "--dir", dir.toString(), "--charmkit-version", "1.2.3"),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            System.err);

    assertThat(code).isZero();
    assertThat(dir.resolve("src/main/java/com/example/demoapp/DemoAppCharm.java")).exists();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("charmkit 1.2.3");
  }
}
