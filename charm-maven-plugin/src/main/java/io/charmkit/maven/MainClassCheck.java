package io.charmkit.maven;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Checks, before the charm is packed, that {@code charm.main.class} names a class on the charm's
 * class path with {@code public static void main(String[])}: otherwise every hook on the unit would
 * fail with java's usage text or a {@code ClassNotFoundException}.
 *
 * <p>Reads the class files (ASM) rather than loading them: nothing of the charm runs at build time.
 */
final class MainClassCheck {
  private MainClassCheck() {}

  /**
   * Fails when {@code charm.main.class} is unset or empty.
   *
   * @throws PackagingException saying where to set it
   */
  static void requireSet(String mainClass) {
    if (mainClass == null || mainClass.isBlank()) {
      throw new PackagingException(
          "charm.main.class is not set: set it in the charm module's pom.xml"
              + " (<properties><charm.main.class>com.example.MyCharm</charm.main.class>), naming the"
              + " class whose main(String[]) calls Dispatcher.main; dispatch runs it for every"
              + " hook");
    }
  }

  /**
   * Checks {@code mainClass} against {@code jars} (the charm's jar first).
   *
   * @throws PackagingException naming what is wrong and the fix
   */
  static void check(String mainClass, List<Path> jars) throws IOException {
    requireSet(mainClass);
    String entry = mainClass.trim().replace('.', '/') + ".class";
    for (Path jar : jars) {
      try (JarFile jf = new JarFile(jar.toFile())) {
        JarEntry e = jf.getJarEntry(entry);
        if (e == null) {
          continue;
        }
        try (InputStream in = jf.getInputStream(e)) {
          if (!hasMain(in)) {
            throw new PackagingException(
                "charm.main.class "
                    + mainClass
                    + " (in "
                    + jar.getFileName()
                    + ") has no public static void main(String[]): add one that calls"
                    + " Dispatcher.main, or set charm.main.class to the class that has it");
          }
          return;
        }
      }
    }
    List<String> similar = similar(mainClass.trim(), jars.isEmpty() ? null : jars.get(0));
    throw new PackagingException(
        "charm.main.class "
            + mainClass
            + " is not in the charm's jar nor its dependencies: fix the class name in"
            + " charm.main.class"
            + (similar.isEmpty()
                ? ""
                : " (classes with a main in the charm's jar: " + similar + ")"));
  }

  /** Classes in the charm's jar that have a main method: the likely intended ones. */
  private static List<String> similar(String mainClass, Path charmJar) throws IOException {
    List<String> out = new ArrayList<>();
    if (charmJar == null) {
      return out;
    }
    try (JarFile jf = new JarFile(charmJar.toFile())) {
      for (JarEntry e : (Iterable<JarEntry>) jf.stream()::iterator) {
        if (!e.getName().endsWith(".class") || e.getName().contains("$")) {
          continue;
        }
        try (InputStream in = jf.getInputStream(e)) {
          if (hasMain(in)) {
            out.add(e.getName().replace('/', '.').replaceAll("\\.class$", ""));
          }
        }
      }
    }
    out.sort(null);
    return out;
  }

  static boolean hasMain(InputStream classFile) throws IOException {
    boolean[] found = {false};
    new ClassReader(classFile)
        .accept(
            new ClassVisitor(Opcodes.ASM9) {
              @Override
              public MethodVisitor visitMethod(
                  int access, String name, String desc, String signature, String[] exceptions) {
                int wanted = Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC;
                if (name.equals("main")
                    && desc.equals("([Ljava/lang/String;)V")
                    && (access & wanted) == wanted) {
                  found[0] = true;
                }
                return null;
              }
            },
            ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
    return found[0];
  }
}
