package io.charmkit.ops.pebble;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A command to run in a workload container through Pebble ({@link PebbleClient#exec}). Start from
 * {@link #of} and add what the command needs; every option is {@code null} (Pebble's default) until
 * set.
 *
 * <pre>{@code
 * ExecOutput out = pebble.exec(ExecRequest.of("tempo", "-version").withTimeout(Duration.ofSeconds(10)));
 * }</pre>
 *
 * @param command the program and its arguments; the program is looked up on Pebble's {@code PATH}
 * @param environment variables added to Pebble's own environment (and the service context's)
 * @param workingDir the directory to run in, or {@code null} for the user's home (else {@code /})
 * @param timeout after this long Pebble kills the command, or {@code null} for no limit
 * @param userId the uid to run as, or {@code null}
 * @param user the user name to run as, or {@code null}
 * @param groupId the gid to run as (needs a user too), or {@code null}
 * @param group the group name to run as (needs a user too), or {@code null}
 * @param serviceContext a service whose environment, user, group and working directory are the
 *     defaults for this command, or {@code null}
 * @param stdin the bytes the command reads on its standard input, or {@code null} for none
 */
public record ExecRequest(
    List<String> command,
    Map<String, String> environment,
    String workingDir,
    Duration timeout,
    Integer userId,
    String user,
    Integer groupId,
    String group,
    String serviceContext,
    byte[] stdin) {

  /** Validates the command and timeout, and copies the collections. */
  public ExecRequest {
    Objects.requireNonNull(command, "command");
    if (command.isEmpty()) {
      throw new IllegalArgumentException("an exec request needs a command");
    }
    for (String word : command) {
      Objects.requireNonNull(word, "command words must not be null");
    }
    command = List.copyOf(command);
    environment =
        environment == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(environment));
    if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
      throw new IllegalArgumentException("an exec timeout must be positive, not " + timeout);
    }
    stdin = stdin == null ? null : stdin.clone();
  }

  /** A request to run {@code command} with Pebble's defaults and no standard input. */
  public static ExecRequest of(String... command) {
    return of(Arrays.asList(command));
  }

  /** A request to run {@code command} with Pebble's defaults and no standard input. */
  public static ExecRequest of(List<String> command) {
    return new ExecRequest(command, null, null, null, null, null, null, null, null, null);
  }

  /** This request with {@code env} added to the command's environment. */
  public ExecRequest withEnvironment(Map<String, String> env) {
    Map<String, String> next = new TreeMap<>(environment);
    next.putAll(env);
    return new ExecRequest(
        command, next, workingDir, timeout, userId, user, groupId, group, serviceContext, stdin);
  }

  /** This request run in {@code dir} (an absolute path in the container). */
  public ExecRequest withWorkingDir(String dir) {
    return new ExecRequest(
        command, environment, dir, timeout, userId, user, groupId, group, serviceContext, stdin);
  }

  /** This request killed by Pebble after {@code limit}. */
  public ExecRequest withTimeout(Duration limit) {
    return new ExecRequest(
        command,
        environment,
        workingDir,
        limit,
        userId,
        user,
        groupId,
        group,
        serviceContext,
        stdin);
  }

  /** This request run as the named user and group ({@code group} may be {@code null}). */
  public ExecRequest withUser(String userName, String groupName) {
    return new ExecRequest(
        command,
        environment,
        workingDir,
        timeout,
        userId,
        userName,
        groupId,
        groupName,
        serviceContext,
        stdin);
  }

  /** This request run as the given uid and gid ({@code gid} may be {@code null}). */
  public ExecRequest withUserId(Integer uid, Integer gid) {
    return new ExecRequest(
        command, environment, workingDir, timeout, uid, user, gid, group, serviceContext, stdin);
  }

  /** This request with {@code service}'s environment, user and working directory as defaults. */
  public ExecRequest withServiceContext(String service) {
    return new ExecRequest(
        command, environment, workingDir, timeout, userId, user, groupId, group, service, stdin);
  }

  /** This request with {@code input} on the command's standard input. */
  public ExecRequest withStdin(byte[] input) {
    return new ExecRequest(
        command,
        environment,
        workingDir,
        timeout,
        userId,
        user,
        groupId,
        group,
        serviceContext,
        input);
  }

  /** This request with {@code input}, UTF-8 encoded, on the command's standard input. */
  public ExecRequest withStdin(String input) {
    return withStdin(input.getBytes(StandardCharsets.UTF_8));
  }

  /** The standard input (a copy), or {@code null} for none. */
  @Override
  public byte[] stdin() {
    return stdin == null ? null : stdin.clone();
  }

  /** The standard input decoded as UTF-8, or {@code ""} for none. */
  public String stdinText() {
    return stdin == null ? "" : new String(stdin, StandardCharsets.UTF_8);
  }

  /** Compares the standard input by content, as the other components are. */
  @Override
  public boolean equals(Object other) {
    return other instanceof ExecRequest r
        && command.equals(r.command)
        && environment.equals(r.environment)
        && Objects.equals(workingDir, r.workingDir)
        && Objects.equals(timeout, r.timeout)
        && Objects.equals(userId, r.userId)
        && Objects.equals(user, r.user)
        && Objects.equals(groupId, r.groupId)
        && Objects.equals(group, r.group)
        && Objects.equals(serviceContext, r.serviceContext)
        && Arrays.equals(stdin, r.stdin);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
                command,
                environment,
                workingDir,
                timeout,
                userId,
                user,
                groupId,
                group,
                serviceContext)
            * 31
        + Arrays.hashCode(stdin);
  }

  /**
   * The command and options, naming only the environment's keys and the size of the input: either
   * may carry a secret, and requests end up in logs and exception messages.
   */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("ExecRequest").append(command);
    if (!environment.isEmpty()) {
      sb.append(" environment ").append(environment.keySet());
    }
    append(sb, "working-dir", workingDir);
    append(sb, "timeout", timeout);
    append(sb, "user-id", userId);
    append(sb, "user", user);
    append(sb, "group-id", groupId);
    append(sb, "group", group);
    append(sb, "service-context", serviceContext);
    if (stdin != null) {
      sb.append(" stdin ").append(stdin.length).append(" bytes");
    }
    return sb.toString();
  }

  private static void append(StringBuilder sb, String name, Object value) {
    if (value != null) {
      sb.append(' ').append(name).append(' ').append(value);
    }
  }
}
