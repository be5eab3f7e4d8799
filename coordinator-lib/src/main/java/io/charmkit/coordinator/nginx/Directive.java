package io.charmkit.coordinator.nginx;

import java.util.List;

/**
 * One nginx directive, with a block when {@code children} is not null; written as crossplane builds
 * configs (four-space indentation, one directive a line).
 */
record Directive(String name, List<String> args, List<Directive> children) {

  Directive {
    args = List.copyOf(args);
    children = children == null ? null : List.copyOf(children);
  }

  static Directive of(String name, String... args) {
    return new Directive(name, List.of(args), null);
  }

  static Directive block(String name, List<String> args, List<Directive> children) {
    return new Directive(name, args, children);
  }

  static String write(List<Directive> directives) {
    StringBuilder out = new StringBuilder();
    for (Directive directive : directives) {
      directive.write(out, 0);
    }
    return out.toString();
  }

  private void write(StringBuilder out, int depth) {
    out.append("    ".repeat(depth)).append(quoted(name));
    for (String arg : args) {
      out.append(' ').append(quoted(arg));
    }
    if (children == null) {
      out.append(";\n");
      return;
    }
    out.append(" {\n");
    for (Directive child : children) {
      child.write(out, depth + 1);
    }
    out.append("    ".repeat(depth)).append("}\n");
  }

  /**
   * Quotes an argument nginx would otherwise split or misread, as crossplane does; an argument that
   * is already wrapped in quotes is kept as written.
   */
  static String quoted(String arg) {
    if (arg.length() >= 2
        && (arg.charAt(0) == '\'' || arg.charAt(0) == '"')
        && arg.charAt(arg.length() - 1) == arg.charAt(0)) {
      return arg;
    }
    boolean needs = arg.isEmpty();
    for (int i = 0; i < arg.length() && !needs; i++) {
      char c = arg.charAt(i);
      needs = Character.isWhitespace(c) || "{};\"'".indexOf(c) >= 0;
    }
    if (!needs) {
      return arg;
    }
    String escaped = arg.replace("\\", "\\\\");
    if (arg.indexOf('\'') >= 0 && arg.indexOf('"') < 0) {
      return "\"" + escaped + "\"";
    }
    return "'" + escaped.replace("'", "\\'") + "'";
  }
}
