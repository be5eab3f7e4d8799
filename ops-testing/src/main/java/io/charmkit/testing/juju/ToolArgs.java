package io.charmkit.testing.juju;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A hook tool's argv split the way Juju's command parser splits it: {@code --name=value}, {@code
 * --name value} and {@code -r value} options, boolean flags, positionals, and {@code --} ending the
 * options. Options may come before or after positionals (ops 2.x put {@code --format=json} last).
 *
 * @param values the value options given, by name without dashes
 * @param flags the boolean options given
 * @param positionals the positional arguments, in order
 */
record ToolArgs(Map<String, String> values, Set<String> flags, List<String> positionals) {

  /**
   * Parses {@code args}; {@code valueOptions} take a value, {@code flagOptions} do not (a flag may
   * still be written {@code --flag=true}). Option names are given without dashes.
   *
   * @throws UsageException naming the first option the tool does not define
   */
  static ToolArgs parse(List<String> args, Set<String> valueOptions, Set<String> flagOptions) {
    ToolArgs parsed = new ToolArgs(new HashMap<>(), new HashSet<>(), new ArrayList<>());
    boolean optionsEnded = false;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (optionsEnded || !arg.startsWith("-") || arg.equals("-")) {
        parsed.positionals.add(arg);
        continue;
      }
      if (arg.equals("--")) {
        optionsEnded = true;
        continue;
      }
      String body = arg.startsWith("--") ? arg.substring(2) : arg.substring(1);
      String name = body;
      String inline = null;
      int eq = body.indexOf('=');
      if (eq >= 0) {
        name = body.substring(0, eq);
        inline = body.substring(eq + 1);
      }
      if (valueOptions.contains(name)) {
        if (inline == null) {
          if (i + 1 >= args.size()) {
            throw new UsageException("option needs an argument: " + arg);
          }
          inline = args.get(++i);
        }
        parsed.values.put(name, inline);
      } else if (flagOptions.contains(name)) {
        if (inline == null || inline.equalsIgnoreCase("true")) {
          parsed.flags.add(name);
        } else if (!inline.equalsIgnoreCase("false")) {
          throw new UsageException("invalid boolean value \"" + inline + "\" for " + arg);
        }
      } else {
        throw new UsageException("flag provided but not defined: " + arg);
      }
    }
    return parsed;
  }

  /** The value of option {@code name}, or null. */
  String value(String name) {
    return values.get(name);
  }

  /** Whether boolean option {@code name} was given. */
  boolean flag(String name) {
    return flags.contains(name);
  }

  /** A usage error: Juju prints it and exits 2. */
  static final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }
}
