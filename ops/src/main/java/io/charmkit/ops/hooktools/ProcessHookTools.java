package io.charmkit.ops.hooktools;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import io.charmkit.pythonjson.PythonJson;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The production {@link HookTools}: runs Juju's hook-tool executables with exactly the argv ops 3.9
 * uses (JUJU.md §7.1) and reads their {@code --format=json} output.
 *
 * <p>Tools are found on the {@code PATH} of the environment given to the constructor, and each
 * child process gets exactly that environment (production passes {@link System#getenv()}, which
 * under Juju has the tools directory first and the agent socket variables the tools need).
 *
 * <p>Errors follow JUJU.md §8, refined as {@link ToolErrors} documents: {@link
 * RelationNotFoundException} and {@link SecretNotFoundException} first, then {@link
 * PermissionDeniedException}, else {@link HookToolException}. A tool missing from {@code PATH} is a
 * {@link HookToolException} with exit code -1. Exceptions carry a redacted argv: values of {@code
 * leader-set} and {@code action-set} assignments are shown as {@code <redacted>} (both may carry
 * passwords), secret content only ever travels through owner-only temporary files named as {@code
 * <key>#file=<path>}, and stdin (databags, state) and stdout (which for {@code secret-get} is
 * secret content) never appear in a message. Invalid arguments a caller can detect before any
 * process runs (secret keys, action-result keys, statuses) are {@link IllegalArgumentException}s.
 *
 * <p>Nothing is cached here ({@link HookTools} callers cache per dispatch), but calls that would
 * change nothing are not made: an empty {@code relation-set}, {@code state-set}, {@code leader-set}
 * or {@code action-set}, and {@code juju-log} of an empty message (as ops). Instances are
 * thread-safe.
 */
public final class ProcessHookTools implements HookTools {
  /** The longest {@code juju-log} message ops passes in one call ({@code MAX_LOG_LINE_LEN}). */
  public static final int MAX_LOG_LINE_LEN = 131071;

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final TypeReference<Map<String, Object>> OBJECT_MAP = new TypeReference<>() {};

  private final ToolTransport transport;
  // The agent's tool set (JUJU_VERSION): a tool it lacks is refused before anything runs, with a
  // message naming what replaces it, on every transport.
  private final Optional<JujuToolSet> toolSet;

  /**
   * Creates the backend.
   *
   * @param environment the environment to find tools in ({@code PATH}) and to give every tool;
   *     production passes {@link System#getenv()}
   */
  public ProcessHookTools(Map<String, String> environment) {
    this(new ToolRunner(Objects.requireNonNull(environment, "environment")), environment);
  }

  /**
   * Creates the backend over another transport: the same argv, output reading and error mapping,
   * with the bytes carried by {@code transport} (the test harness answers from a simulated model).
   */
  public ProcessHookTools(ToolTransport transport) {
    this(transport, Map.of());
  }

  /**
   * Creates the backend over {@code transport} for an agent whose environment is {@code
   * environment}: its {@code JUJU_VERSION} decides which tools exist ({@link JujuToolSet}), and a
   * call of a tool that version lacks fails before the transport is used.
   */
  public ProcessHookTools(ToolTransport transport, Map<String, String> environment) {
    this.transport = Objects.requireNonNull(transport, "transport");
    this.toolSet = JujuToolSet.fromEnvironment(Objects.requireNonNull(environment, "environment"));
  }

  /**
   * How many times each tool has been called through this instance, sorted by tool name: failed
   * calls and calls of a tool missing from {@code PATH} included, a split {@code juju-log} counted
   * once per process. For hook-cost measurements; empty unless the tools run as processes.
   */
  public Map<String, Integer> callCounts() {
    return transport instanceof ToolRunner runner ? runner.callCounts() : Map.of();
  }

  /**
   * Wall time spent inside each tool's calls through this instance, sorted by tool name: from
   * before the process starts until its exit code and output are in (so process creation is
   * included), failed calls included. With {@link #callCounts()}, it splits a hook's time into the
   * hook tools' and the charm's own. Empty unless the tools run as processes.
   */
  public Map<String, Duration> callTimes() {
    Map<String, Duration> times = new TreeMap<>();
    if (!(transport instanceof ToolRunner runner)) {
      return times;
    }
    runner.callNanos().forEach((tool, nanos) -> times.put(tool, Duration.ofNanos(nanos)));
    return times;
  }

  // --- relations -------------------------------------------------------------------------

  @Override
  public List<Integer> relationIds(String endpoint) {
    ToolCall call = ToolCall.of("relation-ids", endpoint, "--format=json");
    JsonNode node = runJson(call);
    List<Integer> ids = new ArrayList<>();
    for (JsonNode item : elements(node, call, "a JSON list of relation ids")) {
      if (item.isInt()) {
        ids.add(item.intValue());
        continue;
      }
      try {
        ids.add(RelationRef.parse(item.asText()).id());
      } catch (IllegalArgumentException e) {
        throw unreadable(call, "a JSON list of relation ids such as \"db:3\"");
      }
    }
    return List.copyOf(ids);
  }

  @Override
  public List<String> relationList(RelationRef relation) {
    ToolCall call = ToolCall.of("relation-list", "--format=json", "-r", relation.argument());
    return strings(runJson(call), call);
  }

  /**
   * {@inheritDoc}
   *
   * @return the remote application's name, or an empty string when Juju printed none
   */
  @Override
  public String relationRemoteApp(RelationRef relation) {
    ToolCall call =
        ToolCall.of("relation-list", "--format=json", "--app", "-r", relation.argument());
    JsonNode node = runJson(call);
    if (node.isNull()) {
      return "";
    }
    if (!node.isTextual()) {
      throw unreadable(call, "a JSON string naming the remote application");
    }
    return node.textValue();
  }

  @Override
  public Map<String, String> relationGet(RelationRef relation, String owner, boolean app) {
    ToolCall call = ToolCall.of("relation-get", "--format=json", "-r", relation.argument());
    if (app) {
      call.arg("--app");
    }
    call.arg("-").arg(owner);
    return stringMap(runJson(call), call);
  }

  @Override
  public void relationSet(RelationRef relation, boolean app, Map<String, String> changes) {
    requireEntries(changes, "relation-set");
    if (changes.isEmpty()) {
      return;
    }
    ToolCall call = ToolCall.of("relation-set", "-r", relation.argument());
    if (app) {
      call.arg("--app");
    }
    call.arg("--file").arg("-").stdin(PythonJson.dumps(changes));
    run(call);
  }

  // --- config, leadership, status, logs ---------------------------------------------------

  @Override
  public Map<String, Object> configGet() {
    ToolCall call = ToolCall.of("config-get", "--format=json");
    return objectMap(runJson(call), call);
  }

  @Override
  public boolean isLeader() {
    ToolCall call = ToolCall.of("is-leader", "--format=json");
    JsonNode node = runJson(call);
    if (!node.isBoolean()) {
      throw unreadable(call, "true or false");
    }
    return node.booleanValue();
  }

  @Override
  public StatusReading statusGet(boolean app) {
    ToolCall call =
        ToolCall.of("status-get", "--include-data", "--format=json", "--application=" + app);
    JsonNode node = runJson(call);
    if (!node.isObject()) {
      throw unreadable(call, "a JSON object with a status");
    }
    // The application form nests the app's own status; read the unit form if Juju sent that.
    JsonNode status = app && node.has("application-status") ? node.get("application-status") : node;
    return new StatusReading(text(status, "status"), text(status, "message"));
  }

  /**
   * {@inheritDoc}
   *
   * <p>A {@code null} message omits {@code -- <message>}; an empty one passes {@code -- ""} (what
   * ops does, clearing the message).
   *
   * @throws IllegalArgumentException when {@code status} is not one a charm may set
   */
  @Override
  public void statusSet(String status, String message, boolean app) {
    if (!ToolArguments.SETTABLE_STATUSES.contains(status)) {
      throw new IllegalArgumentException(
          "status '" + status + "' cannot be set: use active, blocked, maintenance or waiting");
    }
    // Python's str(bool): Juju accepts True/False, and this is the exact ops argv.
    ToolCall call = ToolCall.of("status-set", "--application=" + (app ? "True" : "False"), status);
    if (message != null) {
      call.arg("--").arg(message);
    }
    run(call);
  }

  /**
   * {@inheritDoc}
   *
   * <p>A message longer than {@link #MAX_LOG_LINE_LEN} code points (or UTF-8 bytes, the kernel's
   * limit for one argument) is sent as a notice line followed by chunks, as ops does; an empty
   * message sends nothing.
   */
  @Override
  public void jujuLog(String level, String message) {
    Objects.requireNonNull(level, "level");
    if (message == null || message.isEmpty()) {
      return;
    }
    List<String> chunks = logChunks(message);
    if (chunks.size() > 1) {
      run(
          ToolCall.of(
              "juju-log",
              "--log-level",
              level,
              "--",
              "Log string greater than "
                  + MAX_LOG_LINE_LEN
                  + ". Splitting into multiple chunks: "));
    }
    for (String chunk : chunks) {
      run(ToolCall.of("juju-log", "--log-level", level, "--", chunk));
    }
  }

  /** Splits on code-point boundaries into chunks of at most MAX code points and MAX bytes. */
  static List<String> logChunks(String message) {
    List<String> chunks = new ArrayList<>();
    int start = 0;
    int points = 0;
    int bytes = 0;
    int i = 0;
    while (i < message.length()) {
      int cp = message.codePointAt(i);
      int width = utf8Width(cp);
      if (points == MAX_LOG_LINE_LEN || bytes + width > MAX_LOG_LINE_LEN) {
        chunks.add(message.substring(start, i));
        start = i;
        points = 0;
        bytes = 0;
      }
      points++;
      bytes += width;
      i += Character.charCount(cp);
    }
    chunks.add(message.substring(start));
    return chunks;
  }

  private static int utf8Width(int codePoint) {
    if (codePoint < 0x80) {
      return 1;
    }
    if (codePoint < 0x800) {
      return 2;
    }
    return codePoint < 0x10000 ? 3 : 4;
  }

  @Override
  public void applicationVersionSet(String version) {
    run(ToolCall.of("application-version-set", "--", version));
  }

  // --- network, goal state, resources ------------------------------------------------------

  @Override
  public NetworkInfo networkGet(String binding, Optional<Integer> relationId) {
    ToolCall call = ToolCall.of("network-get", "--format=json");
    relationId.ifPresent(id -> call.arg("-r").arg(Integer.toString(id)));
    call.arg(binding);
    JsonNode node = runJson(call);
    if (!node.isObject()) {
      throw unreadable(call, "a JSON object describing the binding");
    }
    List<NetworkInfo.BindAddress> binds = new ArrayList<>();
    for (JsonNode bind : elements(node.path("bind-addresses"), call, "a list of bind-addresses")) {
      List<NetworkInfo.Address> addresses = new ArrayList<>();
      for (JsonNode address : elements(bind.path("addresses"), call, "a list of addresses")) {
        // "address" is what Juju before 2.9 called "value".
        String value = address.has("value") ? text(address, "value") : text(address, "address");
        addresses.add(
            new NetworkInfo.Address(text(address, "hostname"), value, text(address, "cidr")));
      }
      binds.add(
          new NetworkInfo.BindAddress(
              text(bind, "mac-address"), text(bind, "interface-name"), List.copyOf(addresses)));
    }
    return new NetworkInfo(
        List.copyOf(binds),
        strings(node.path("egress-subnets"), call),
        strings(node.path("ingress-addresses"), call));
  }

  @Override
  public GoalState goalState() {
    ToolCall call = ToolCall.of("goal-state", "--format=json");
    JsonNode node = runJson(call);
    if (!node.isObject()) {
      throw unreadable(call, "a JSON object with units and relations");
    }
    Map<String, Map<String, GoalState.Entry>> relations = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = fields(node.path("relations"), call);
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> endpoint = it.next();
      relations.put(endpoint.getKey(), goals(endpoint.getValue(), call));
    }
    return new GoalState(goals(node.path("units"), call), relations);
  }

  private static Map<String, GoalState.Entry> goals(JsonNode node, ToolCall call) {
    Map<String, GoalState.Entry> goals = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = fields(node, call); it.hasNext(); ) {
      Map.Entry<String, JsonNode> member = it.next();
      goals.put(
          member.getKey(),
          new GoalState.Entry(text(member.getValue(), "status"), text(member.getValue(), "since")));
    }
    return goals;
  }

  @Override
  public Path resourceGet(String name) {
    ToolCall call = ToolCall.of("resource-get", name);
    String out = run(call).strip();
    if (out.isEmpty()) {
      throw unreadable(call, "the path of the resource file");
    }
    return Path.of(out);
  }

  // --- controller-side charm state ---------------------------------------------------------

  /**
   * {@inheritDoc}
   *
   * <p>Empty output and {@code null} (what Juju 4 prints when there is no state) both read as
   * empty.
   */
  @Override
  public Map<String, String> stateGet() {
    ToolCall call = ToolCall.of("state-get", "--format=json");
    return stringMap(runJson(call), call);
  }

  @Override
  public void stateSet(Map<String, String> entries) {
    requireEntries(entries, "state-set");
    if (entries.isEmpty()) {
      return;
    }
    run(ToolCall.of("state-set", "--file", "-").stdin(PythonJson.dumps(entries)));
  }

  @Override
  public void stateDelete(String key) {
    run(ToolCall.of("state-delete", key));
  }

  // --- legacy leadership settings: Juju 2.x only ---------------------------------------------

  /**
   * {@inheritDoc}
   *
   * @throws HookToolException on a Juju 3 agent, before any process runs: the message names the
   *     peer relation's application databag as the replacement
   */
  @Override
  public Optional<String> leaderGet(String key) {
    ToolCall call = ToolCall.of("leader-get", "--format=json", key);
    JsonNode node = runJson(call);
    if (node.isNull()) {
      return Optional.empty();
    }
    if (node.isContainerNode()) {
      throw unreadable(call, "a JSON string");
    }
    return Optional.of(node.asText());
  }

  /**
   * {@inheritDoc}
   *
   * <p>Values are redacted in exceptions: the pgsql library keeps requests here, and other charms
   * have kept passwords.
   *
   * @throws HookToolException on a Juju 3 agent, before any process runs (see {@link #leaderGet})
   */
  @Override
  public void leaderSet(Map<String, String> entries) {
    requireEntries(entries, "leader-set");
    if (entries.isEmpty()) {
      return;
    }
    ToolCall call = ToolCall.of("leader-set");
    entries.forEach(
        (key, value) -> {
          if (key.isEmpty() || key.indexOf('=') >= 0) {
            throw new IllegalArgumentException(
                "leader-set key '" + key + "' is invalid: it must be non-empty and contain no '='");
          }
          call.assignment(key, value, true);
        });
    run(call);
  }

  // --- secrets ------------------------------------------------------------------------------

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException when the content is empty or a key is not a valid secret key
   */
  @Override
  public String secretAdd(Map<String, String> content, SecretOptions options) {
    ToolArguments.checkSecretContent(content);
    if (content.isEmpty()) {
      throw new IllegalArgumentException("secret content must have at least one key");
    }
    ToolCall call = ToolCall.of("secret-add");
    secretOptions(call, options);
    try (SecretFiles files = SecretFiles.create()) {
      content.forEach((key, value) -> call.arg(files.write(key, value)));
      String uri = run(call).strip();
      if (uri.isEmpty()) {
        throw unreadable(call, "the new secret's URI");
      }
      return uri;
    }
  }

  @Override
  public Map<String, String> secretGet(
      Optional<String> id, Optional<String> label, boolean refresh, boolean peek) {
    if (id.isEmpty() && label.isEmpty()) {
      throw new IllegalArgumentException("secret-get needs a secret id, a label, or both");
    }
    if (refresh && peek) {
      throw new IllegalArgumentException("secret-get takes --refresh or --peek, not both");
    }
    ToolCall call = ToolCall.of("secret-get", "--format=json");
    id.ifPresent(call::arg);
    label.ifPresent(l -> call.arg("--label").arg(l));
    if (refresh) {
      call.arg("--refresh");
    }
    if (peek) {
      call.arg("--peek");
    }
    return stringMap(runJson(call), call);
  }

  @Override
  public SecretInfo secretInfoGet(Optional<String> id, Optional<String> label) {
    if (id.isPresent() == label.isPresent()) {
      throw new IllegalArgumentException(
          "secret-info-get takes either a secret id or a label, never both or neither");
    }
    ToolCall call = ToolCall.of("secret-info-get", "--format=json");
    id.ifPresent(call::arg);
    label.ifPresent(l -> call.arg("--label").arg(l));
    JsonNode node = runJson(call);
    Iterator<Map.Entry<String, JsonNode>> it = fields(node, call);
    if (!it.hasNext()) {
      throw unreadable(call, "a JSON object keyed by the secret id");
    }
    // Juju answers {"<id>": {...}}: the key is the secret's canonical id.
    Map.Entry<String, JsonNode> entry = it.next();
    JsonNode info = entry.getValue();
    if (!info.path("revision").canConvertToInt()) {
      throw unreadable(call, "secret info with an integer revision");
    }
    return new SecretInfo(
        entry.getKey(),
        info.path("revision").asInt(),
        optionalText(info, "label"),
        optionalText(info, "description"),
        optionalText(info, "expiry"),
        optionalText(info, "rotation"));
  }

  /**
   * {@inheritDoc}
   *
   * <p>An empty {@code content} changes only the metadata in {@code options}.
   *
   * @throws IllegalArgumentException when a key is not a valid secret key
   */
  @Override
  public void secretSet(String id, Map<String, String> content, SecretOptions options) {
    ToolArguments.checkSecretContent(content);
    ToolCall call = ToolCall.of("secret-set");
    secretOptions(call, options);
    call.arg(id);
    try (SecretFiles files = SecretFiles.create()) {
      content.forEach((key, value) -> call.arg(files.write(key, value)));
      run(call);
    }
  }

  @Override
  public void secretGrant(String id, int relationId, Optional<String> unit) {
    ToolCall call = ToolCall.of("secret-grant", "--relation", Integer.toString(relationId));
    unit.ifPresent(u -> call.arg("--unit").arg(u));
    run(call.arg(id));
  }

  @Override
  public void secretRevoke(String id, int relationId, Optional<String> app, Optional<String> unit) {
    ToolCall call = ToolCall.of("secret-revoke", "--relation", Integer.toString(relationId));
    app.ifPresent(a -> call.arg("--app").arg(a));
    unit.ifPresent(u -> call.arg("--unit").arg(u));
    run(call.arg(id));
  }

  @Override
  public void secretRemove(String id, Optional<Integer> revision) {
    ToolCall call = ToolCall.of("secret-remove", id);
    revision.ifPresent(r -> call.arg("--revision").arg(Integer.toString(r)));
    run(call);
  }

  @Override
  public List<String> secretIds() {
    ToolCall call = ToolCall.of("secret-ids", "--format=json");
    return strings(runJson(call), call);
  }

  private static void secretOptions(ToolCall call, SecretOptions options) {
    options.label().ifPresent(v -> call.arg("--label").arg(v));
    options.description().ifPresent(v -> call.arg("--description").arg(v));
    options.expire().ifPresent(v -> call.arg("--expire").arg(v));
    options.rotate().ifPresent(v -> call.arg("--rotate").arg(v));
    if (!ToolArguments.SECRET_OWNERS.contains(options.owner())) {
      throw new IllegalArgumentException(
          "secret owner '" + options.owner() + "' is invalid: use application or unit");
    }
    call.arg("--owner").arg(options.owner());
  }

  // --- ports --------------------------------------------------------------------------------

  @Override
  public void openPort(Port port) {
    run(ToolCall.of("open-port", port.argument()));
  }

  @Override
  public void closePort(Port port) {
    run(ToolCall.of("close-port", port.argument()));
  }

  @Override
  public List<Port> openedPorts() {
    ToolCall call = ToolCall.of("opened-ports", "--format=json");
    List<Port> ports = new ArrayList<>();
    for (String text : strings(runJson(call), call)) {
      try {
        ports.add(Port.parse(text));
      } catch (IllegalArgumentException e) {
        throw unreadable(call, "a JSON list of ports such as \"80/tcp\"");
      }
    }
    return List.copyOf(ports);
  }

  // --- actions ------------------------------------------------------------------------------

  @Override
  public Map<String, Object> actionGet() {
    ToolCall call = ToolCall.of("action-get", "--format=json");
    return objectMap(runJson(call), call);
  }

  /**
   * {@inheritDoc}
   *
   * <p>Values may be strings, numbers, booleans or nested maps; they are redacted in exceptions,
   * since actions commonly return credentials. Empty results make no call.
   *
   * @throws IllegalArgumentException on an invalid key, a duplicate key after flattening or an
   *     unsupported value, before any process runs
   */
  @Override
  public void actionSet(Map<String, Object> results) {
    Map<String, String> flat = ActionResults.flatten(results);
    if (flat.isEmpty()) {
      return;
    }
    ToolCall call = ToolCall.of("action-set");
    flat.forEach((key, value) -> call.assignment(key, value, true));
    run(call);
  }

  /**
   * {@inheritDoc}
   *
   * <p>A {@code null} message lets Juju use its default.
   */
  @Override
  public void actionFail(String message) {
    ToolCall call = ToolCall.of("action-fail");
    if (message != null) {
      call.arg("--").arg(message);
    }
    run(call);
  }

  @Override
  public void actionLog(String message) {
    run(ToolCall.of("action-log", "--", message));
  }

  // --- storage ------------------------------------------------------------------------------

  @Override
  public List<String> storageList(Optional<String> name) {
    ToolCall call = ToolCall.of("storage-list", "--format=json");
    name.ifPresent(call::arg);
    return strings(runJson(call), call);
  }

  @Override
  public StorageInfo storageGet(String storageId) {
    ToolCall call = ToolCall.of("storage-get", "--format=json", "-s", storageId);
    JsonNode node = runJson(call);
    if (!node.isObject()) {
      throw unreadable(call, "a JSON object with kind and location");
    }
    return new StorageInfo(text(node, "kind"), text(node, "location"));
  }

  // --- output reading -----------------------------------------------------------------------

  /** Runs {@code call} through the transport; a non-zero exit is mapped (JUJU.md §8). */
  private String run(ToolCall call) {
    if (toolSet.isPresent() && !toolSet.get().has(call.tool())) {
      throw new HookToolException(
          toolSet.get().refusal(call.tool()), call.tool(), call.shownArgv(), -1, "");
    }
    ToolResult result = transport.run(call.request());
    if (result.exitCode() != 0) {
      throw ToolErrors.map(call.tool(), call.shownArgv(), result.exitCode(), result.stderr());
    }
    return result.stdout();
  }

  /** Runs {@code call} and parses stdout; empty output reads as JSON {@code null}. */
  private JsonNode runJson(ToolCall call) {
    String out = run(call);
    if (out.isBlank()) {
      return NullNode.getInstance();
    }
    try {
      return MAPPER.readTree(out);
    } catch (JsonProcessingException e) {
      throw unreadable(call, "valid JSON");
    }
  }

  /**
   * The error for output we cannot read. The output itself is left out on purpose: for {@code
   * secret-get} it is secret content, for {@code relation-get} a remote databag.
   */
  private static HookToolException unreadable(ToolCall call, String expected) {
    List<String> argv = call.shownArgv();
    return new HookToolException(
        String.join(" ", argv) + " succeeded but its output is not " + expected,
        call.tool(),
        argv,
        0,
        "");
  }

  private static Iterable<JsonNode> elements(JsonNode node, ToolCall call, String expected) {
    if (node.isNull() || node.isMissingNode()) {
      return List.of();
    }
    if (!node.isArray()) {
      throw unreadable(call, expected);
    }
    return node;
  }

  private static Iterator<Map.Entry<String, JsonNode>> fields(JsonNode node, ToolCall call) {
    if (node.isNull() || node.isMissingNode()) {
      return Map.<String, JsonNode>of().entrySet().iterator();
    }
    if (!node.isObject()) {
      throw unreadable(call, "a JSON object");
    }
    return node.properties().iterator();
  }

  private static List<String> strings(JsonNode node, ToolCall call) {
    List<String> out = new ArrayList<>();
    for (JsonNode item : elements(node, call, "a JSON list of strings")) {
      if (!item.isTextual()) {
        throw unreadable(call, "a JSON list of strings");
      }
      out.add(item.textValue());
    }
    return List.copyOf(out);
  }

  /** A JSON object as strings; a non-string scalar keeps its JSON text, nulls are dropped. */
  private static Map<String, String> stringMap(JsonNode node, ToolCall call) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = fields(node, call); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      JsonNode value = entry.getValue();
      if (value.isNull()) {
        continue;
      }
      out.put(entry.getKey(), value.isTextual() ? value.textValue() : value.toString());
    }
    return out;
  }

  private static Map<String, Object> objectMap(JsonNode node, ToolCall call) {
    if (node.isNull()) {
      return new LinkedHashMap<>();
    }
    if (!node.isObject()) {
      throw unreadable(call, "a JSON object");
    }
    return MAPPER.convertValue(node, OBJECT_MAP);
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isNull() || value.isMissingNode() ? "" : value.asText();
  }

  private static Optional<String> optionalText(JsonNode node, String field) {
    String value = text(node, field);
    return value.isEmpty() ? Optional.empty() : Optional.of(value);
  }

  private static void requireEntries(Map<String, String> entries, String tool) {
    entries.forEach(
        (key, value) -> {
          if (key == null || value == null) {
            throw new IllegalArgumentException(
                tool + ": key '" + key + "' has a null key or value; use \"\" to delete a key");
          }
        });
  }
}
