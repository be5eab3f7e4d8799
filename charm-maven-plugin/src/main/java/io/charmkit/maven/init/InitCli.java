package io.charmkit.maven.init;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code charmkit init}'s command line, for {@code bin/charmkit} (the Maven goal {@code init} does
 * the same from any directory): {@code init NAME [--group G] [--package P] [--dir D]
 * --charmkit-version V}.
 */
public final class InitCli {
  private InitCli() {}

  /**
   * Runs the command and exits: 0 when the project was written, 2 on bad arguments or an existing
   * directory, with one line on stderr saying what to change.
   *
   * @param args the arguments
   */
  public static void main(String[] args) {
    System.exit(run(List.of(args), System.out, System.err));
  }

  /**
   * Runs the command.
   *
   * @param args the arguments
   * @param out where the summary goes
   * @param err where errors go
   * @return the exit code
   */
  static int run(List<String> args, PrintStream out, PrintStream err) {
    String name = null;
    String group = null;
    String pkg = null;
    String version = null;
    Path dir = null;
    try {
      for (int i = 0; i < args.size(); i++) {
        String arg = args.get(i);
        switch (arg) {
          case "--group" -> group = value(args, ++i, arg);
          case "--package" -> pkg = value(args, ++i, arg);
          case "--dir" -> dir = Path.of(value(args, ++i, arg));
          case "--charmkit-version" -> version = value(args, ++i, arg);
          case "-h", "--help" -> {
            out.println(
                "usage: charmkit init NAME [--group GROUP] [--package PACKAGE] [--dir DIRECTORY]");
            return 0;
          }
          default -> {
            if (arg.startsWith("-") || name != null) {
              throw new IllegalArgumentException("unexpected argument: " + arg);
            }
            name = arg;
          }
        }
      }
      if (name == null) {
        throw new IllegalArgumentException("the charm's name is required: charmkit init NAME");
      }
      CharmProjectSpec spec = CharmProjectSpec.of(name, group, pkg, version);
      Path target = dir != null ? dir : Path.of(spec.name());
      CharmProjectWriter.write(spec, target);
      out.println(InitSummary.of(spec, target));
      return 0;
    } catch (IllegalArgumentException e) {
      err.println("charmkit init: " + e.getMessage());
      return 2;
    } catch (IOException e) {
      err.println("charmkit init: cannot write the project: " + e.getMessage());
      return 2;
    }
  }

  private static String value(List<String> args, int index, String option) {
    if (index >= args.size()) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args.get(index);
  }
}
