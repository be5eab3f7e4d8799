package io.charmkit.ops;

import java.io.File;
import java.io.IOException;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Widens what the start-up cache holds. The cache (AppCDS on 17–24, the AOT cache on 25+) is
 * trained by the {@code install} and {@code upgrade-charm} hooks and holds the classes the training
 * run loaded. Under Juju those hooks run before any relation exists, so a coordinator's install
 * never decodes a worker bag: the validator, the cluster codecs and their Jackson machinery (well
 * over a thousand classes) were left out, and every relation hook loaded them from the jars.
 *
 * <p>So, when {@code dispatch} marks a run as training ({@code -Dcharmkit.training=true}), the
 * runtime loads, without initialising, every class in the class path's jars once the hook is done.
 * Nothing runs (no static initialisers); a class whose dependencies are absent (optional library
 * integrations) fails to load and is skipped. The training hook pays for it once; every later hook
 * finds those classes in the cache. See BENCHMARKS.md for the before and after.
 */
final class StartupTraining {
  /** The system property {@code dispatch} sets on training runs. */
  static final String PROPERTY = "charmkit.training";

  private StartupTraining() {}

  /** Whether this JVM is a training run. */
  static boolean requested() {
    return Boolean.getBoolean(PROPERTY);
  }

  /** What a preload did. */
  record Preloaded(int loaded, int skipped) {}

  /** Loads every class of the jars on {@code java.class.path} through the application loader. */
  static Preloaded preloadClassPath() {
    String classPath = System.getProperty("java.class.path", "");
    List<String> jars =
        List.of(classPath.split(File.pathSeparator)).stream()
            .filter(p -> p.endsWith(".jar"))
            .toList();
    return preload(jars, StartupTraining.class.getClassLoader());
  }

  /** Loads, without initialising, every class in {@code jars} through {@code loader}. */
  static Preloaded preload(List<String> jars, ClassLoader loader) {
    int loaded = 0;
    int skipped = 0;
    for (String path : jars) {
      try (JarFile jar = new JarFile(path)) {
        Enumeration<JarEntry> entries = jar.entries();
        while (entries.hasMoreElements()) {
          String name = entries.nextElement().getName();
          // Versioned entries (META-INF/versions/N/) are served under their base names.
          if (!name.endsWith(".class") || name.startsWith("META-INF/") || name.contains("-info")) {
            continue;
          }
          String className = name.substring(0, name.length() - ".class".length()).replace('/', '.');
          try {
            Class.forName(className, false, loader);
            loaded++;
          } catch (ClassNotFoundException | LinkageError e) {
            // An optional integration whose library is absent: it is never used, so never cached.
            skipped++;
          }
        }
      } catch (IOException e) {
        // A jar that cannot be read here cannot be read by the hook either; training goes on.
        skipped++;
      }
    }
    return new Preloaded(loaded, skipped);
  }
}
