package io.charmkit.maven;

import io.charmkit.ops.CharmEvents;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Compiles small Java sources against charmkit-ops into a jar: the checks' test fixtures. */
final class CompiledJar {
  private CompiledJar() {}

  /**
   * Compiles {@code sources} (class name to source) and jars the classes as {@code jar}.
   *
   * @param debug whether to keep line numbers and source file names
   */
  static Path build(Path work, String jar, Map<String, String> sources, boolean debug)
      throws IOException, URISyntaxException {
    Path src = Files.createDirectories(work.resolve(jar + "-src"));
    Path classes = Files.createDirectories(work.resolve(jar + "-classes"));
    List<String> args = new ArrayList<>();
    args.addAll(List.of("--release", "17", "-proc:none", debug ? "-g" : "-g:none"));
    args.addAll(List.of("-d", classes.toString()));
    args.addAll(List.of("-cp", opsLocation().toString()));
    for (Map.Entry<String, String> s : sources.entrySet()) {
      Path file = src.resolve(s.getKey().replace('.', '/') + ".java");
      Files.createDirectories(file.getParent());
      Files.writeString(file, s.getValue());
      args.add(file.toString());
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter errors = new StringWriter();
    int rc =
        javac.run(
            null,
            new java.io.PrintStream(OutputStream.nullOutputStream()),
            new java.io.PrintStream(new java.io.ByteArrayOutputStream()) {
              @Override
              public void write(byte[] b, int off, int len) {
                errors.write(new String(b, off, len, java.nio.charset.StandardCharsets.UTF_8));
              }
            },
            args.toArray(String[]::new));
    if (rc != 0) {
      throw new IllegalStateException("fixture does not compile:\n" + errors);
    }
    Path out = work.resolve(jar);
    try (JarOutputStream jos = new JarOutputStream(Files.newOutputStream(out));
        Stream<Path> walk = Files.walk(classes)) {
      for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile).sorted()::iterator) {
        jos.putNextEntry(new JarEntry(classes.relativize(p).toString().replace('\\', '/')));
        jos.write(Files.readAllBytes(p));
        jos.closeEntry();
      }
    }
    return out;
  }

  private static Path opsLocation() throws URISyntaxException {
    return Path.of(CharmEvents.class.getProtectionDomain().getCodeSource().getLocation().toURI());
  }
}
