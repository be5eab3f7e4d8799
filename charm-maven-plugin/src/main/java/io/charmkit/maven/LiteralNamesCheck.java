package io.charmkit.maven;

import io.charmkit.ops.metadata.CharmMetadata;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Finds the endpoint, container, storage, action and config option names a charm passes to the ops
 * API as string literals, and reports those its metadata does not declare: a typo in {@code
 * observe(on().relationChanged("databse"), ...)} would otherwise surface only on a deployed unit.
 *
 * <p>Reads the charm jar's class files (ASM) at packaging time. A literal argument compiles to an
 * {@code ldc} right before the call, and so does a {@code static final String} constant, which
 * javac inlines; a name computed at run time (a loop over a list, a parameter) is not checked.
 */
final class LiteralNamesCheck {
  private static final String EVENTS = "io/charmkit/ops/CharmEvents";
  private static final String MODEL = "io/charmkit/ops/model/Model";
  private static final String CONFIG = "io/charmkit/ops/model/Config";

  /** Checked calls: owner, method, descriptor's parameter list, to the kind of name they take. */
  private static final Map<String, String> CALLS =
      Map.ofEntries(
          Map.entry(EVENTS + ".relationCreated", "endpoint"),
          Map.entry(EVENTS + ".relationJoined", "endpoint"),
          Map.entry(EVENTS + ".relationChanged", "endpoint"),
          Map.entry(EVENTS + ".relationDeparted", "endpoint"),
          Map.entry(EVENTS + ".relationBroken", "endpoint"),
          Map.entry(EVENTS + ".pebbleReady", "container"),
          Map.entry(EVENTS + ".pebbleCustomNotice", "container"),
          Map.entry(EVENTS + ".pebbleCheckFailed", "container"),
          Map.entry(EVENTS + ".pebbleCheckRecovered", "container"),
          Map.entry(EVENTS + ".storageAttached", "storage"),
          Map.entry(EVENTS + ".storageDetaching", "storage"),
          Map.entry(EVENTS + ".action", "action"),
          Map.entry(MODEL + ".container", "container"),
          Map.entry(MODEL + ".relations", "endpoint"),
          Map.entry(MODEL + ".relation", "endpoint"),
          Map.entry(MODEL + ".storages", "storage"),
          Map.entry(CONFIG + ".string", "config option"),
          Map.entry(CONFIG + ".integer", "config option"),
          Map.entry(CONFIG + ".number", "config option"),
          Map.entry(CONFIG + ".bool", "config option"),
          Map.entry(CONFIG + ".flag", "config option"));

  private LiteralNamesCheck() {}

  /** Every checked call with a literal name in the jar's classes, in class-file order. */
  static List<NameUse> uses(Path jar) throws IOException {
    List<NameUse> out = new ArrayList<>();
    try (JarFile jf = new JarFile(jar.toFile())) {
      List<JarEntry> entries = new ArrayList<>(jf.stream().toList());
      entries.sort((a, b) -> a.getName().compareTo(b.getName()));
      for (JarEntry e : entries) {
        if (!e.getName().endsWith(".class") || e.getName().startsWith("META-INF/")) {
          continue;
        }
        try (InputStream in = jf.getInputStream(e)) {
          scan(new ClassReader(in), out);
        }
      }
    }
    return out;
  }

  /** The uses whose name the metadata does not declare. */
  static List<NameUse> undeclared(List<NameUse> uses, CharmMetadata metadata) {
    List<NameUse> out = new ArrayList<>();
    for (NameUse u : uses) {
      if (!declared(u.kind(), metadata).contains(u.name())) {
        out.add(u);
      }
    }
    return out;
  }

  /** The names of one kind the metadata declares. */
  static Set<String> declared(String kind, CharmMetadata metadata) {
    return switch (kind) {
      case "endpoint" -> metadata.endpoints().keySet();
      case "container" -> metadata.containers();
      case "storage" -> metadata.storages();
      case "action" -> metadata.actions().keySet();
      case "config option" -> metadata.options().keySet();
      default -> throw new IllegalArgumentException(kind);
    };
  }

  /** Where each kind is declared, for the message. */
  static String declaredIn(String kind) {
    return switch (kind) {
      case "endpoint" -> "provides, requires or peers";
      case "container" -> "containers";
      case "storage" -> "storage";
      case "action" -> "actions";
      default -> "config.options";
    };
  }

  /**
   * Checks the jar's literal names against the metadata.
   *
   * @throws PackagingException listing every undeclared name, where it is used and what the
   *     metadata declares
   */
  static void check(Path jar, CharmMetadata metadata, String metadataSource) throws IOException {
    List<NameUse> bad = undeclared(uses(jar), metadata);
    if (bad.isEmpty()) {
      return;
    }
    StringBuilder msg =
        new StringBuilder("the charm uses names its metadata (")
            .append(metadataSource)
            .append(") does not declare:");
    for (NameUse u : bad) {
      msg.append("\n  ")
          .append(u.kind())
          .append(" '")
          .append(u.name())
          .append("' at ")
          .append(u.where())
          .append("; declared under ")
          .append(declaredIn(u.kind()))
          .append(": ")
          .append(new java.util.TreeSet<>(declared(u.kind(), metadata)));
    }
    msg.append(
        "\nFix the name in the code or declare it in the metadata (or set charm.check.names=false"
            + " to skip this check)");
    throw new PackagingException(msg.toString());
  }

  private static void scan(ClassReader reader, List<NameUse> out) {
    String className = reader.getClassName().replace('/', '.');
    String[] source = {null};
    reader.accept(
        new ClassVisitor(Opcodes.ASM9) {
          @Override
          public void visitSource(String file, String debug) {
            source[0] = file;
          }

          @Override
          public MethodVisitor visitMethod(
              int access, String name, String desc, String signature, String[] exceptions) {
            return new MethodVisitor(Opcodes.ASM9) {
              private String lastLiteral;
              private int line = -1;

              @Override
              public void visitLineNumber(int lineNumber, Label start) {
                line = lineNumber;
              }

              @Override
              public void visitLdcInsn(Object value) {
                lastLiteral = value instanceof String s ? s : null;
              }

              @Override
              public void visitMethodInsn(
                  int opcode, String owner, String method, String mdesc, boolean itf) {
                String kind = CALLS.get(owner + "." + method);
                if (kind != null
                    && lastLiteral != null
                    && mdesc.startsWith("(Ljava/lang/String;)")) {
                  out.add(
                      new NameUse(
                          kind,
                          lastLiteral,
                          className,
                          name,
                          source[0],
                          line,
                          owner.substring(owner.lastIndexOf('/') + 1) + "." + method));
                }
                lastLiteral = null;
              }

              @Override
              public void visitInsn(int opcode) {
                lastLiteral = null;
              }

              @Override
              public void visitVarInsn(int opcode, int var) {
                lastLiteral = null;
              }

              @Override
              public void visitFieldInsn(int opcode, String owner, String field, String fdesc) {
                lastLiteral = null;
              }

              @Override
              public void visitIntInsn(int opcode, int operand) {
                lastLiteral = null;
              }

              @Override
              public void visitTypeInsn(int opcode, String type) {
                lastLiteral = null;
              }

              @Override
              public void visitJumpInsn(int opcode, Label label) {
                lastLiteral = null;
              }

              @Override
              public void visitInvokeDynamicInsn(
                  String indyName,
                  String indyDesc,
                  org.objectweb.asm.Handle bsm,
                  Object... bsmArgs) {
                lastLiteral = null;
              }
            };
          }
        },
        ClassReader.SKIP_FRAMES);
  }
}
