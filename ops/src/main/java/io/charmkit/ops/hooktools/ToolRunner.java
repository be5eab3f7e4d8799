package io.charmkit.ops.hooktools;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs one hook tool as a child process and returns its stdout, or throws the mapped exception.
 *
 * <p>The tool is looked up on the {@code PATH} of the given environment, not the JVM's own: {@link
 * ProcessBuilder} would resolve a bare name against the parent's {@code PATH}, and the environment
 * handed to us is the one Juju built (tools directory first). The child gets exactly that
 * environment. stdout is read on the calling thread; stderr goes to a scratch file this runner
 * reuses (read once the tool has exited), so no thread is started per call and a tool that fills
 * stderr while we read stdout cannot deadlock. Only when that file cannot be created is stderr
 * drained by a short-lived thread instead; stdin, when a call has any, is fed by one.
 *
 * <p>This is the production {@link ToolTransport}.
 */
final class ToolRunner implements ToolTransport {
  private final Map<String, String> environment;
  private final String path;
  private final Map<String, Path> resolved = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> nanos = new ConcurrentHashMap<>();

  /** The scratch file stderr is redirected to, created on first use; null until then. */
  private File stderrFile;

  /** Whether creating {@link #stderrFile} failed: stderr is then drained by a thread. */
  private boolean noStderrFile;

  ToolRunner(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
    this.path = environment.getOrDefault("PATH", "");
  }

  /** Calls made so far, by tool name, including failed ones. */
  Map<String, Integer> callCounts() {
    Map<String, Integer> snapshot = new TreeMap<>();
    counts.forEach((tool, count) -> snapshot.put(tool, count.get()));
    return snapshot;
  }

  /**
   * Time spent in calls so far, by tool name, in nanoseconds: from before the process is started
   * until its exit code and both output streams are in, failed calls included.
   */
  Map<String, Long> callNanos() {
    Map<String, Long> snapshot = new TreeMap<>();
    nanos.forEach((tool, total) -> snapshot.put(tool, total.get()));
    return snapshot;
  }

  /**
   * The transport form of {@link #run(ToolCall)}: a tool that exits non-zero is returned with its
   * exit code and stderr (and mapped again by {@link ProcessHookTools}); one that cannot run at all
   * still throws.
   */
  @Override
  public ToolResult run(ToolRequest request) {
    try {
      return ToolResult.ok(run(ToolCall.from(request)));
    } catch (HookToolException e) {
      if (e.exitCode() > 0) {
        return new ToolResult(e.exitCode(), "", e.stderr());
      }
      throw e;
    }
  }

  /** Runs {@code call} and returns its stdout. */
  String run(ToolCall call) {
    String tool = call.tool();
    counts.computeIfAbsent(tool, t -> new AtomicInteger()).incrementAndGet();
    // Two clock reads per process spawn are noise next to the spawn; always on, so the figures
    // exist whenever someone asks for them.
    long start = System.nanoTime();
    try {
      return execute(call);
    } finally {
      nanos.computeIfAbsent(tool, t -> new AtomicLong()).addAndGet(System.nanoTime() - start);
    }
  }

  // Synchronized because calls share the stderr scratch file; a hook calls tools one at a time.
  private synchronized String execute(ToolCall call) {
    String tool = call.tool();
    Path executable = resolve(call);
    List<String> command = new ArrayList<>();
    command.add(executable.toString());
    command.addAll(call.args());
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().clear();
    builder.environment().putAll(environment);
    File errFile = stderrFile();
    if (errFile != null) {
      // Opened with truncation by each start: every call sees only its own stderr.
      builder.redirectError(ProcessBuilder.Redirect.to(errFile));
    }
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new HookToolException(
          "cannot start hook tool " + executable + ": " + e.getMessage(),
          tool,
          call.shownArgv(),
          -1,
          "");
    }
    FutureTask<String> stderr =
        errFile == null ? drain(process.getErrorStream(), tool + " stderr") : null;
    feed(process.getOutputStream(), call.stdinText(), tool);
    String stdout;
    int exitCode;
    try {
      stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      exitCode = process.waitFor();
    } catch (IOException e) {
      process.destroyForcibly();
      throw new HookToolException(
          "cannot read the output of " + tool + ": " + e.getMessage(),
          tool,
          call.shownArgv(),
          -1,
          "");
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new HookToolException(
          "interrupted while waiting for " + tool, tool, call.shownArgv(), -1, "");
    }
    String err = stderr == null ? readStderr(errFile, call) : await(stderr, call);
    if (exitCode != 0) {
      throw ToolErrors.map(tool, call.shownArgv(), exitCode, err);
    }
    return stdout;
  }

  /** The stderr scratch file, created on first use; null when it cannot be created. */
  private File stderrFile() {
    if (stderrFile == null && !noStderrFile) {
      try {
        // Not Files.createTempFile: its random name costs a SecureRandom, slow in a cold JVM.
        Path dir = Path.of(System.getProperty("java.io.tmpdir", "/tmp"));
        Path file = null;
        for (int i = 0; file == null && i < 100; i++) {
          Path candidate =
              dir.resolve("charmkit-" + ProcessHandle.current().pid() + "-" + i + ".stderr");
          try {
            // Owner-only: a tool's error output is nobody else's business. O_EXCL, so a link
            // planted under the name is never followed.
            file =
                Files.createFile(
                    candidate,
                    PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rw-------")));
          } catch (FileAlreadyExistsException taken) {
            // A previous hook with the same pid left it behind; try the next name.
          }
        }
        if (file == null) {
          noStderrFile = true;
          return null;
        }
        stderrFile = file.toFile();
        stderrFile.deleteOnExit();
      } catch (IOException | SecurityException | UnsupportedOperationException e) {
        // A read-only or missing temporary directory, or no POSIX permissions: fall back to a
        // draining thread.
        noStderrFile = true;
      }
    }
    return stderrFile;
  }

  private static String readStderr(File file, ToolCall call) {
    try {
      return new String(Files.readAllBytes(file.toPath()), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new HookToolException(
          "cannot read the stderr of " + call.tool() + ": " + e.getMessage(),
          call.tool(),
          call.shownArgv(),
          -1,
          "");
    }
  }

  private Path resolve(ToolCall call) {
    String tool = call.tool();
    Path cached = resolved.get(tool);
    if (cached != null) {
      return cached;
    }
    for (String dir : path.split(File.pathSeparator)) {
      // An empty PATH entry means the working directory to a shell; a charm's tools never live
      // there, so it is skipped rather than letting the charm directory shadow a tool.
      if (dir.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(dir, tool);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        resolved.put(tool, candidate);
        return candidate;
      }
    }
    throw new HookToolException(
        "hook tool "
            + tool
            + " is not on PATH ("
            + (path.isEmpty() ? "PATH is empty" : path)
            + "); is this process running under Juju?",
        tool,
        call.shownArgv(),
        -1,
        "");
  }

  private static FutureTask<String> drain(InputStream stream, String name) {
    FutureTask<String> task =
        new FutureTask<>(() -> new String(stream.readAllBytes(), StandardCharsets.UTF_8));
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    thread.start();
    return task;
  }

  private static void feed(OutputStream stdin, String text, String tool) {
    if (text == null) {
      closeQuietly(stdin);
      return;
    }
    Thread thread =
        new Thread(
            () -> {
              try (stdin) {
                stdin.write(text.getBytes(StandardCharsets.UTF_8));
              } catch (IOException ignored) {
                // The tool exited without reading all of its input; its exit code and stderr
                // say what went wrong, which is more useful than a broken pipe.
              }
            },
            tool + " stdin");
    thread.setDaemon(true);
    thread.start();
  }

  private static void closeQuietly(OutputStream stream) {
    try {
      stream.close();
    } catch (IOException ignored) {
      // Nothing was written; a tool that already exited is not an error here.
    }
  }

  private static String await(FutureTask<String> stderr, ToolCall call) {
    try {
      return stderr.get();
    } catch (ExecutionException e) {
      throw new HookToolException(
          "cannot read the stderr of " + call.tool() + ": " + e.getCause().getMessage(),
          call.tool(),
          call.shownArgv(),
          -1,
          "");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new HookToolException(
          "interrupted while reading the stderr of " + call.tool(),
          call.tool(),
          call.shownArgv(),
          -1,
          "");
    }
  }
}
