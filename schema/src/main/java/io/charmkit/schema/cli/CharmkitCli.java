package io.charmkit.schema.cli;

import io.charmkit.schema.jsonschema.InterfaceSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The {@code charmkit} command line for charm authors: {@code schema} prints an interface's JSON
 * Schema, {@code validate} checks a relation's databags. The usage text ({@code usage.txt} beside
 * this class) documents both.
 */
public final class CharmkitCli {

  private static final String SYNOPSIS_END = "\n\n";
  private static final String SLF4J_VERBOSITY = "slf4j.internal.verbosity";

  private final PrintStream out;
  private final PrintStream err;

  private CharmkitCli(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  /**
   * Runs the command line and exits with its status.
   *
   * @param args the arguments
   */
  public static void main(String[] args) {
    // The schema generator logs through SLF4J; with no provider bound, SLF4J would print a
    // three-line warning into every `charmkit schema`. This process owns its stderr.
    if (System.getProperty(SLF4J_VERBOSITY) == null) {
      System.setProperty(SLF4J_VERBOSITY, "ERROR");
    }
    System.exit(run(args, System.out, System.err));
  }

  /**
   * Runs the command line, printing results to {@code out} and usage errors to {@code err}.
   *
   * @param args the arguments
   * @param out where results go
   * @param err where usage errors go
   * @return the exit status: 0 valid (or done), 1 invalid data, 2 bad usage
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    return new CharmkitCli(out, err).execute(args);
  }

  private int execute(String[] args) {
    try {
      List<String> operands = new ArrayList<>();
      Optional<Integer> version = Optional.empty();
      for (int i = 0; i < args.length; i++) {
        String arg = args[i];
        if (arg.equals("-h") || arg.equals("--help")) {
          out.print(usage());
          return 0;
        } else if (arg.equals("--version")) {
          if (i + 1 >= args.length) {
            throw new UsageException("--version needs a value, e.g. --version 1");
          }
          version = Optional.of(version(args[++i]));
        } else if (arg.startsWith("--version=")) {
          version = Optional.of(version(arg.substring("--version=".length())));
        } else if (arg.startsWith("-") && arg.length() > 1) {
          throw new UsageException("unknown option \"" + arg + "\"");
        } else {
          operands.add(arg);
        }
      }
      if (operands.isEmpty()) {
        throw new UsageException("no command given");
      }
      List<String> rest = operands.subList(1, operands.size());
      return switch (operands.get(0)) {
        case "help" -> {
          out.print(usage());
          yield 0;
        }
        case "schema" -> schema(rest, version);
        case "validate" -> validate(rest, version);
        default -> throw new UsageException("unknown command \"" + operands.get(0) + "\"");
      };
    } catch (UsageException e) {
      err.println("charmkit: " + e.getMessage());
      String usage = usage();
      int end = usage.indexOf(SYNOPSIS_END);
      err.print(end < 0 ? usage : usage.substring(0, end + 1));
      err.println("Run `charmkit --help` for details.");
      return 2;
    }
  }

  private int schema(List<String> operands, Optional<Integer> version) {
    if (operands.isEmpty()) {
      throw new UsageException("schema needs an interface name");
    }
    if (operands.size() > 2) {
      throw new UsageException("unexpected argument \"" + operands.get(2) + "\"");
    }
    InterfaceSchema spec = lookup(operands.get(0), version);
    Optional<String> side = Optional.empty();
    if (operands.size() == 2) {
      String given = operands.get(1);
      if (!given.equals("provider") && !given.equals("requirer")) {
        throw new UsageException("the side must be provider or requirer, not \"" + given + "\"");
      }
      side = Optional.of(given);
    }
    if (!SchemaText.generatorAvailable()) {
      err.println(
          "charmkit: printing schemas needs the victools jsonschema-generator on the class path;"
              + " run bin/charmkit from a charmkit checkout, or add com.github.victools"
              + ":jsonschema-generator (an optional dependency of charmkit-schema)");
      return 2;
    }
    out.print(SchemaText.of(spec, side));
    return 0;
  }

  private int validate(List<String> operands, Optional<Integer> version) {
    if (operands.size() < 2) {
      throw new UsageException(
          operands.isEmpty()
              ? "validate needs an interface name and a file"
              : "validate needs a file after the interface name");
    }
    if (operands.size() > 2) {
      throw new UsageException("unexpected argument \"" + operands.get(2) + "\"");
    }
    InterfaceSchema spec = lookup(operands.get(0), version);
    String name = operands.get(1);
    Path file = Path.of(name);
    if (Files.isDirectory(file)) {
      throw new UsageException(name + " is a directory, not a file");
    }
    List<Finding> findings;
    try {
      findings = RelationValidator.validate(spec, SourceDocument.read(file));
    } catch (SyntaxException e) {
      findings = List.of(Finding.error(e.line(), "", e.getMessage()));
    } catch (NoSuchFileException e) {
      throw new UsageException("no such file: " + name);
    } catch (CharacterCodingException e) {
      throw new UsageException("cannot read " + name + ": it is not UTF-8 text");
    } catch (IOException e) {
      throw new UsageException("cannot read " + name + ": " + e.getMessage());
    }
    for (Finding finding : findings) {
      out.println(finding.format(name));
    }
    long errors = findings.stream().filter(f -> f.severity() == Finding.Severity.ERROR).count();
    long warnings = findings.size() - errors;
    StringBuilder summary = new StringBuilder(name).append(": ");
    summary.append(errors == 0 ? "valid " : "invalid ");
    summary.append(spec.name()).append(" v").append(spec.version()).append(" relation data");
    List<String> counts = new ArrayList<>();
    if (errors > 0) {
      counts.add(plural(errors, "error"));
    }
    if (warnings > 0) {
      counts.add(plural(warnings, "warning"));
    }
    if (!counts.isEmpty()) {
      summary.append(": ").append(String.join(", ", counts));
    }
    out.println(summary);
    return errors == 0 ? 0 : 1;
  }

  private static InterfaceSchema lookup(String name, Optional<Integer> version) {
    Map<String, List<Integer>> known = new LinkedHashMap<>();
    for (InterfaceSchema spec : InterfaceSchema.KNOWN) {
      known.computeIfAbsent(spec.name(), n -> new ArrayList<>()).add(spec.version());
    }
    List<Integer> versions = known.get(name);
    if (versions == null) {
      String hint =
          known.containsKey(name.replace('-', '_'))
              ? " (did you mean " + name.replace('-', '_') + "?)"
              : "";
      throw new UsageException(
          "unknown interface \"" + name + "\"" + hint + "; known: " + describe(known));
    }
    return InterfaceSchema.find(name, version)
        .orElseThrow(
            () ->
                new UsageException(
                    name
                        + " has no version "
                        + version.orElseThrow()
                        + "; known: "
                        + versions(versions)));
  }

  private static String describe(Map<String, List<Integer>> known) {
    return known.entrySet().stream()
        .map(e -> e.getKey() + " (" + versions(e.getValue()) + ")")
        .collect(Collectors.joining(", "));
  }

  private static String versions(List<Integer> versions) {
    return versions.stream().map(v -> "v" + v).collect(Collectors.joining(", "));
  }

  private static int version(String text) {
    String digits = text.startsWith("v") ? text.substring(1) : text;
    if (!digits.matches("\\d{1,4}")) {
      throw new UsageException("--version takes a number such as 1, not \"" + text + "\"");
    }
    return Integer.parseInt(digits);
  }

  private static String plural(long count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }

  /** Returns the usage text. */
  static String usage() {
    try (InputStream in = CharmkitCli.class.getResourceAsStream("usage.txt")) {
      if (in == null) {
        throw new IllegalStateException("usage.txt is missing beside " + CharmkitCli.class);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read usage.txt", e);
    }
  }
}
