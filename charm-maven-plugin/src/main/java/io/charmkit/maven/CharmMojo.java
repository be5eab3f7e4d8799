package io.charmkit.maven;

import io.charmkit.ops.metadata.CharmMetadata;
import io.charmkit.ops.metadata.MetadataException;
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
import java.util.stream.Stream;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Finishes a laid-out charm directory and packs it: writes {@code metadata.yaml}, {@code
 * config.yaml} and {@code actions.yaml} (from the module's {@code charmcraft.yaml}, or copied from
 * the legacy files), links the Java runtime into {@code jre/} (unless {@code charm.jre=false}),
 * writes {@code manifest.yaml} with the bases {@code platforms:} declares for the runtime's
 * architecture, writes {@code dispatch}, and zips the directory into {@code target/<name>.charm}.
 *
 * <p>Before packing it checks what would otherwise fail only on a unit: {@code charm.main.class}
 * set and naming a class with {@code main}, the charm files present and spelt right, and the
 * endpoint, container, storage, action and config names the charm passes to the ops API as literals
 * declared in its metadata.
 *
 * <p>Expects {@code lib/} (the charm's jar and its runtime dependencies) in the charm directory
 * already, as charmkit-charm-parent's {@code charm} profile lays it out.
 */
@Mojo(name = "charm", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public final class CharmMojo extends AbstractMojo {
  /** The laid-out charm directory. */
  @Parameter(property = "charm.dir", defaultValue = "${project.build.directory}/charm")
  private File charmDir;

  /** The module's directory, holding charmcraft.yaml or metadata.yaml. */
  @Parameter(defaultValue = "${project.basedir}", readonly = true)
  private File baseDir;

  /** The module's packaging: a {@code pom} module is not packed. */
  @Parameter(defaultValue = "${project.packaging}", readonly = true)
  private String packaging;

  /** Whether to check the names the charm passes to the ops API as literals. */
  @Parameter(property = "charm.check.names", defaultValue = "true")
  private boolean checkNames;

  /** Where the {@code .charm} goes. */
  @Parameter(defaultValue = "${project.build.directory}", readonly = true)
  private File buildDirectory;

  /** The file name of the module's own jar in {@code lib/}: first on the class path. */
  @Parameter(defaultValue = "${project.build.finalName}.jar")
  private String charmJar;

  /** The charm's class with the main method that calls {@code Dispatcher.main}. */
  // Not required = true: charm-parent declares the property empty, which Maven passes as null and
  // would report as a missing parameter without saying where to set it; the mojo says so.
  @Parameter(property = "charm.main.class")
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

  /**
   * charmkit's own version for the manifest: this plugin's, which the author parent pins to
   * charmkit's release whatever the charm project's own version is.
   */
  @Parameter(defaultValue = "${plugin.version}", readonly = true)
  private String charmkitVersion;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    try {
      run();
    } catch (PackagingException | MetadataException e) {
      throw new MojoFailureException(e.getMessage(), e);
    } catch (IOException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MojoExecutionException("interrupted", e);
    }
  }

  private void run() throws IOException, InterruptedException, MojoFailureException {
    Path dir = charmDir.toPath();
    Path module = baseDir.toPath();
    if (!CharmFiles.packs(module, packaging)) {
      getLog().info("Not a charm (packaging pom): nothing to pack");
      return;
    }
    MainClassCheck.requireSet(mainClass);
    CharmFiles files = CharmFiles.read(module);
    CharmMetadata metadata =
        CharmMetadata.parse(
            files.metadataYaml(),
            files.configYaml().orElse(null),
            files.actionsYaml().orElse(null));
    String name = metadata.name();
    writeCharmFiles(dir, files);
    checkJvmOptions();
    Path lib = dir.resolve("lib");
    List<String> jars = classpath(lib);
    MainClassCheck.check(mainClass, jars.stream().map(lib::resolve).toList());
    if (checkNames) {
      LiteralNamesCheck.check(
          lib.resolve(charmJar),
          metadata,
          files.charmcraft().isPresent() && files.charmcraft().get().hasMetadata()
              ? "charmcraft.yaml"
              : "metadata.yaml, config.yaml, actions.yaml");
    }
    long start = System.nanoTime();
    Path release = null;
    Path jreDir = dir.resolve("jre");
    RuntimeLinker.deleteTree(jreDir);
    Path runtimeJdk = javaHome.toPath();
    if (jre) {
      List<String> modules =
          Arrays.stream(jreModules.split(",")).map(String::trim).filter(m -> !m.isEmpty()).toList();
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
      runtimeJdk = from;
      getLog()
          .info(
              "Runtime: "
                  + modules
                  + " from "
                  + from
                  + " (JDK "
                  + new RuntimeLinker(from).feature()
                  + ", "
                  + Architectures.ofJdk(from)
                  + ", start-up cache: "
                  + cacheKind(from)
                  + ", "
                  + ms(start)
                  + " ms)");
    }
    List<Base> bases = bases(files, Architectures.ofJdk(runtimeJdk), runtimeJdk);
    Files.writeString(
        dir.resolve("manifest.yaml"),
        Manifest.render(bases, charmkitVersion),
        StandardCharsets.UTF_8);
    String key = DispatchScript.buildKey(lib, jars, jvmOptions, mainClass, release);
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
  }

  /**
   * The bases for {@code manifest.yaml}: those the charm declares whose architecture the bundled
   * runtime runs on (all of them without a bundled runtime), else Ubuntu 24.04 on the runtime's
   * architecture.
   */
  private List<Base> bases(CharmFiles files, String runtimeArch, Path runtimeJdk) {
    List<Base> declared =
        files.charmcraft().isPresent()
            ? Platforms.declared(files.charmcraft().get().tree(), runtimeArch)
            : List.of();
    return selectBases(declared, jre, runtimeArch, runtimeJdk, getLog()::warn);
  }

  /**
   * Keeps the declared bases a runtime for {@code runtimeArch} runs on.
   *
   * @throws PackagingException when none is left: the charm would not run where it says it does
   */
  static List<Base> selectBases(
      List<Base> declared,
      boolean bundledRuntime,
      String runtimeArch,
      Path runtimeJdk,
      java.util.function.Consumer<String> warn) {
    if (declared.isEmpty()) {
      return List.of(new Base(Base.DEFAULT_NAME, Base.DEFAULT_CHANNEL, runtimeArch));
    }
    if (!bundledRuntime) {
      return declared;
    }
    List<Base> kept = declared.stream().filter(b -> b.runs(runtimeArch)).toList();
    if (kept.isEmpty()) {
      throw new PackagingException(
          "charmcraft.yaml's platforms are "
              + declared
              + " but the charm's bundled runtime is linked from "
              + runtimeJdk
              + ", which is "
              + runtimeArch
              + ": add a "
              + runtimeArch
              + " platform, link the runtime from a JDK for the platform's architecture"
              + " (charm.jre.jdk), or ship no runtime (charm.jre=false)");
    }
    if (kept.size() < declared.size()) {
      List<Base> left = declared.stream().filter(b -> !b.runs(runtimeArch)).toList();
      warn.accept(
          "This .charm runs on "
              + kept
              + " only: its bundled runtime is "
              + runtimeArch
              + ". Build again with charm.jre.jdk set to a JDK for "
              + left
              + " to pack for those.");
    }
    return kept;
  }

  /** Writes the files Juju reads and drops charmcraft.yaml, which charmcraft does not ship. */
  private static void writeCharmFiles(Path dir, CharmFiles files) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("metadata.yaml"), files.metadataYaml(), StandardCharsets.UTF_8);
    writeOrDelete(dir.resolve("config.yaml"), files.configYaml().orElse(null));
    writeOrDelete(dir.resolve("actions.yaml"), files.actionsYaml().orElse(null));
    Files.deleteIfExists(dir.resolve("charmcraft.yaml"));
  }

  private static void writeOrDelete(Path file, String text) throws IOException {
    if (text == null) {
      Files.deleteIfExists(file);
    } else {
      Files.writeString(file, text, StandardCharsets.UTF_8);
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
