package io.charmkit.maven;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Finishes a laid-out charm directory and packs it: links the Java runtime into {@code jre/}
 * (unless {@code charm.jre=false}), writes {@code dispatch}, and zips the directory into {@code
 * target/<name>.charm}, the name taken from {@code metadata.yaml}.
 *
 * <p>Expects {@code lib/} (the charm's jar and its runtime dependencies) and the metadata files in
 * the charm directory already, as charmkit-charm-parent's {@code charm} profile lays them out.
 */
@Mojo(name = "charm", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public final class CharmMojo extends AbstractMojo {
  private static final Pattern NAME = Pattern.compile("^name:\\s*['\"]?([a-z0-9][a-z0-9-]*)");

  /** The laid-out charm directory. */
  @Parameter(property = "charm.dir", defaultValue = "${project.build.directory}/charm")
  private File charmDir;

  /** Where the {@code .charm} goes. */
  @Parameter(defaultValue = "${project.build.directory}", readonly = true)
  private File buildDirectory;

  /** The file name of the module's own jar in {@code lib/}: first on the class path. */
  @Parameter(defaultValue = "${project.build.finalName}.jar")
  private String charmJar;

  /** The charm's class with the main method that calls {@code Dispatcher.main}. */
  @Parameter(property = "charm.main.class", required = true)
  private String mainClass;

  /** Options for every JVM dispatch starts. */
  @Parameter(property = "charm.jvm.options", defaultValue = "")
  private String jvmOptions;

  /** Whether to ship a jlink-trimmed runtime in {@code jre/}. */
  @Parameter(property = "charm.jre", defaultValue = "true")
  private boolean jre;

  /**
   * The JDK to link the runtime from; its feature version is the runtime's. Unset: {@link
   * #jrePreferredJdk} when it is there and links, else the JDK running Maven.
   */
  // A String, not a File: Maven turns an empty File parameter into the project's directory.
  @Parameter(property = "charm.jre.jdk")
  private String jreJdk;

  /**
   * The JDK to link from when {@code charm.jre.jdk} is unset: a JDK 25+, whose AOT cache makes
   * hooks start faster than JDK 17's AppCDS (BENCHMARKS.md). Absent or unable to link, the build
   * says so and links from the JDK running Maven.
   */
  @Parameter(
      property = "charm.jre.preferred.jdk",
      defaultValue = "/usr/lib/jvm/temurin-25-jdk-amd64")
  private String jrePreferredJdk;

  /** The JDK running Maven: the fallback. */
  @Parameter(defaultValue = "${java.home}", readonly = true)
  private File javaHome;

  /** The runtime's modules, comma separated. */
  @Parameter(property = "charm.jre.modules", defaultValue = "java.base,java.logging,java.xml")
  private String jreModules;

  /** Whether dispatch builds (at install/upgrade-charm) and uses the start-up cache. */
  @Parameter(property = "charm.cache", defaultValue = "true")
  private boolean cache;

  /** Every archive entry's time: the reproducible-builds convention. */
  @Parameter(defaultValue = "${project.build.outputTimestamp}")
  private String outputTimestamp;

  @Parameter(defaultValue = "${project.artifactId}", readonly = true)
  private String artifactId;

  @Parameter(defaultValue = "${project.version}", readonly = true)
  private String version;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    Path dir = charmDir.toPath();
    try {
      String name = charmName(dir.resolve("metadata.yaml"));
      checkJvmOptions();
      long start = System.nanoTime();
      Path release = null;
      Path jreDir = dir.resolve("jre");
      RuntimeLinker.deleteTree(jreDir);
      if (jre) {
        List<String> modules =
            Arrays.stream(jreModules.split(","))
                .map(String::trim)
                .filter(m -> !m.isEmpty())
                .toList();
        Path cacheRoot = buildDirectory.toPath().resolve("charmkit-jre");
        RuntimeChoice choice = RuntimeChoice.of(jreJdk, jrePreferredJdk, javaHome);
        Path linked;
        Path from = choice.jdk();
        try {
          linked = new RuntimeLinker(from).link(modules, cacheRoot);
        } catch (IOException e) {
          if (!choice.preferred()) {
            throw e;
          }
          // The preferred JDK is an optimisation, never a reason for a build to fail.
          getLog()
              .warn(
                  "Cannot link the charm's runtime from "
                      + from
                      + " ("
                      + firstLine(e.getMessage())
                      + "); linking from "
                      + javaHome
                      + " instead (start-up cache: "
                      + cacheKind(javaHome.toPath())
                      + ")");
          from = javaHome.toPath();
          linked = new RuntimeLinker(from).link(modules, cacheRoot);
        }
        choice.note().ifPresent(getLog()::warn);
        RuntimeLinker.copyTree(linked, jreDir);
        release = jreDir.resolve("release");
        getLog()
            .info(
                "Runtime: "
                    + modules
                    + " from "
                    + from
                    + " (JDK "
                    + new RuntimeLinker(from).feature()
                    + ", start-up cache: "
                    + cacheKind(from)
                    + ", "
                    + ms(start)
                    + " ms)");
      }
      List<String> jars = classpath(dir.resolve("lib"));
      String key =
          DispatchScript.buildKey(dir.resolve("lib"), jars, jvmOptions, mainClass, release);
      Path dispatch = dir.resolve("dispatch");
      Files.writeString(
          dispatch,
          new DispatchScript(artifactId, version, mainClass, jvmOptions, jars, cache, key).render(),
          StandardCharsets.UTF_8);
      Files.setPosixFilePermissions(dispatch, PosixFilePermissions.fromString("rwxr-xr-x"));
      long zipStart = System.nanoTime();
      Path archive = buildDirectory.toPath().resolve(name + ".charm");
      CharmArchive.write(dir, archive, timestamp(outputTimestamp));
      getLog()
          .info(
              "Charm: "
                  + archive
                  + " ("
                  + Files.size(archive) / 1024
                  + " KiB, zipped in "
                  + ms(zipStart)
                  + " ms)");
    } catch (IOException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MojoExecutionException("interrupted", e);
    }
  }

  /**
   * On JDK 25 {@code -XX:AOTCache} refuses to start next to any {@code -Xshare} or CDS option, so
   * options that manage CDS themselves and the cache exclude each other.
   */
  private void checkJvmOptions() throws MojoFailureException {
    if (cache
        && jvmOptions.matches("(?s).*(-Xshare|SharedArchiveFile|AOTCache|DumpLoadedClassList).*")) {
      throw new MojoFailureException(
          "charm.jvm.options ("
              + jvmOptions
              + ") manages CDS itself, which the start-up cache does too (a JDK 25 JVM does not"
              + " start with both): drop those options or set charm.cache=false");
    }
  }

  private static String cacheKind(Path jdk) throws IOException {
    return new RuntimeLinker(jdk).feature() >= 25 ? "AOT cache" : "AppCDS";
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "no reason given";
    }
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }

  /** The charm's jar first (its classes win), then the dependencies by name: a fixed order. */
  private List<String> classpath(Path lib) throws IOException, MojoFailureException {
    List<String> jars = new ArrayList<>();
    try (Stream<Path> files = Files.list(lib)) {
      files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".jar"))
          .sorted()
          .forEach(jars::add);
    }
    if (!jars.remove(charmJar)) {
      throw new MojoFailureException("the charm's jar " + charmJar + " is not in " + lib);
    }
    jars.add(0, charmJar);
    return jars;
  }

  /** The charm's name: {@code name:} in metadata.yaml, as Juju reads it. */
  static String charmName(Path metadata) throws IOException, MojoFailureException {
    for (String line : Files.readAllLines(metadata, StandardCharsets.UTF_8)) {
      Matcher m = NAME.matcher(line);
      if (m.find()) {
        return m.group(1);
      }
    }
    throw new MojoFailureException(metadata + " has no top-level name: the charm's name");
  }

  /**
   * {@code project.build.outputTimestamp} as Maven accepts it: ISO-8601 or seconds since the epoch.
   * Unset, a fixed date: the archive stays reproducible.
   */
  static Instant timestamp(String value) {
    if (value == null || value.isBlank() || value.length() < 2) {
      return Instant.parse("1980-01-01T00:00:02Z");
    }
    if (value.chars().allMatch(Character::isDigit)) {
      return Instant.ofEpochSecond(Long.parseLong(value));
    }
    return OffsetDateTime.parse(value).toInstant();
  }

  private static long ms(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }
}
