package io.charmkit.maven.init;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What {@code charmkit init} needs to lay out a charm project: the charm's name and the Java and
 * Maven coordinates derived from it.
 *
 * @param name the charm's name, as in {@code metadata.yaml} and {@code juju deploy}
 * @param groupId the project's Maven group
 * @param javaPackage the package of the charm class and its tests
 * @param className the charm class's simple name
 * @param charmkitVersion the charmkit version the project's parent pins
 */
public record CharmProjectSpec(
    String name, String groupId, String javaPackage, String className, String charmkitVersion) {
  /**
   * Juju's rule for a charm or application name: lower-case letters and digits in hyphen-separated
   * words, starting with a letter, and no word made of digits only (a unit is named {@code
   * name/number}).
   */
  private static final Pattern CHARM_NAME =
      Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]*[a-z][a-z0-9]*)*");

  private static final Pattern JAVA_NAME =
      Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$]*(\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)*");

  /** The group when none is given. */
  public static final String DEFAULT_GROUP = "com.example";

  /** Checks every field, so that a bad name fails before any file is written. */
  public CharmProjectSpec {
    if (name == null || !CHARM_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "'"
              + name
              + "' is not a valid charm name: use lower-case letters and digits in words joined"
              + " by single hyphens, starting with a letter, no word of digits only"
              + " (e.g. my-charm)");
    }
    requireJavaName("group", groupId);
    requireJavaName("package", javaPackage);
    if (className == null || className.contains(".")) {
      throw new IllegalArgumentException("the class name must be a simple name: " + className);
    }
    requireJavaName("class", className);
    if (charmkitVersion == null || charmkitVersion.isBlank()) {
      throw new IllegalArgumentException("the charmkit version is required");
    }
  }

  /**
   * The spec for a charm name, with the defaults: package {@code <group>.<name without hyphens>},
   * class {@code <Name in PascalCase>Charm}.
   *
   * @param name the charm's name
   * @param groupId the Maven group, or null for {@link #DEFAULT_GROUP}
   * @param javaPackage the package, or null for the default
   * @param charmkitVersion the charmkit version to pin
   * @return the checked spec
   */
  public static CharmProjectSpec of(
      String name, String groupId, String javaPackage, String charmkitVersion) {
    String group = blank(groupId) ? DEFAULT_GROUP : groupId.trim();
    String checkedName = name == null ? null : name.trim();
    if (checkedName == null || !CHARM_NAME.matcher(checkedName).matches()) {
      // The canonical constructor words the error.
      return new CharmProjectSpec(checkedName, group, "p", "C", charmkitVersion);
    }
    String pkg =
        blank(javaPackage)
            ? group + "." + checkedName.replace("-", "").toLowerCase(Locale.ROOT)
            : javaPackage.trim();
    return new CharmProjectSpec(checkedName, group, pkg, className(checkedName), charmkitVersion);
  }

  /**
   * The file path of a class of {@link #javaPackage}, relative to a source root.
   *
   * @param simpleName the class's simple name
   * @return for example {@code com/example/mycharm/MyCharm.java}
   */
  public String sourcePath(String simpleName) {
    return javaPackage.replace('.', '/') + "/" + simpleName + ".java";
  }

  private static String className(String name) {
    StringBuilder out = new StringBuilder();
    for (String word : name.split("-")) {
      out.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
    }
    if (!out.toString().endsWith("Charm")) {
      out.append("Charm");
    }
    return out.toString();
  }

  private static void requireJavaName(String what, String value) {
    if (value == null || !JAVA_NAME.matcher(value).matches()) {
      throw new IllegalArgumentException("'" + value + "' is not a valid Java " + what + " name");
    }
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
