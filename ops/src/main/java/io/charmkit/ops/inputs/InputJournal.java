package io.charmkit.ops.inputs;

import io.charmkit.ops.context.JujuContext;
import io.charmkit.ops.hooktools.GoalState;
import io.charmkit.ops.hooktools.HookTools;
import io.charmkit.ops.hooktools.NetworkInfo;
import io.charmkit.ops.hooktools.Port;
import io.charmkit.ops.hooktools.RelationRef;
import io.charmkit.ops.hooktools.SecretInfo;
import io.charmkit.ops.hooktools.SecretOptions;
import io.charmkit.ops.hooktools.StatusReading;
import io.charmkit.ops.hooktools.StorageInfo;
import io.charmkit.ops.model.PebbleConnector;
import io.charmkit.ops.pebble.PebbleClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The hook tools and Pebble of one dispatch, with every read journaled: the request (tool and
 * arguments) and a hash of the raw answer, in the order the charm made them. The runtime puts it
 * between the model and the real backends, so it sees every read whoever makes it.
 *
 * <p>It also tells whether the dispatch wrote anything (a relation, a port, a secret, a Pebble
 * change; status and logs do not count) and whether it read something it cannot replay, and it can
 * issue a recorded list of reads again ({@link #replay}). That is what {@link SteadyState} needs: a
 * reconcile is a deterministic function of its reads, so when every read of the last quiet dispatch
 * answers the same again, running the reconcile would read the same, write nothing and set the same
 * statuses.
 *
 * <p>Hook-tool answers are remembered until the next hook-tool write, so that a reconcile that runs
 * after a replay (because something changed) pays no second tool call for the same read: Juju's
 * hook context answers a read the same way for the whole hook, except for the unit's own writes.
 * Pebble answers are not remembered (a workload changes by itself).
 */
public final class InputJournal implements HookTools {
  private final JujuContext context;
  private final HookTools tools;
  private final PebbleConnector pebble;
  private final Map<String, PebbleClient> clients = new HashMap<>();
  private final Map<List<String>, Object> answers = new HashMap<>();
  private final List<List<String>> requests = new ArrayList<>();
  private final List<byte[]> answerHashes = new ArrayList<>();
  private final List<String> writes = new ArrayList<>();
  private String opaque;
  private boolean replaying;
  private byte[] replayed;

  /**
   * Journals the reads of one dispatch.
   *
   * @param context the dispatch's Juju context (the fast path keys its records by the event)
   * @param tools the real hook tools
   * @param pebble the real Pebble connector
   */
  public InputJournal(JujuContext context, HookTools tools, PebbleConnector pebble) {
    this.context = Objects.requireNonNull(context, "context");
    this.tools = Objects.requireNonNull(tools, "tools");
    this.pebble = Objects.requireNonNull(pebble, "pebble");
  }

  /** The dispatch's Juju context. */
  public JujuContext context() {
    return context;
  }

  /** The connector the model reaches Pebble through: journaled clients. */
  public PebbleConnector pebble() {
    return container ->
        clients.computeIfAbsent(container, c -> new JournaledPebble(this, c, pebble.connect(c)));
  }

  /** The reads made so far (outside replays), in order: tool and arguments. */
  public List<List<String>> requests() {
    return List.copyOf(requests);
  }

  /** The writing calls made so far ({@code relation-set}, {@code pebble push}, …), in order. */
  public List<String> writes() {
    return List.copyOf(writes);
  }

  /**
   * A short hash of each answer of {@link #requests()}, in order: what a replay compares as it
   * goes, so that it stops at the first answer that differs.
   */
  public List<String> answers() {
    List<String> out = new ArrayList<>(answerHashes.size());
    answerHashes.forEach(h -> out.add(shortHash(h)));
    return out;
  }

  /**
   * Why this dispatch's reads cannot be replayed (a {@code resource-get}, an {@code action-get}, an
   * answer with no canonical form), if one of them cannot.
   */
  public Optional<String> opaque() {
    return Optional.ofNullable(opaque);
  }

  /**
   * The digest of {@code prefix} (the inputs that are not reads) and every read made so far outside
   * replays, with its answer.
   */
  public String digest(String prefix) {
    MessageDigest digest = sha256();
    digest.update(prefix.getBytes(StandardCharsets.UTF_8));
    for (int i = 0; i < requests.size(); i++) {
      digest.update(Canonical.of(requests.get(i)).getBytes(StandardCharsets.UTF_8));
      digest.update(answerHashes.get(i));
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /**
   * Issues {@code recorded} again, in order, comparing each answer with the recorded one, and stops
   * at the first that differs: a read is issued only when every read before it answered as
   * recorded, which is when the charm itself would issue it (so a {@code secret-get --refresh} is
   * replayed only when the charm would make it anyway). The answers are remembered (hook tools) for
   * the reads that follow; the replayed reads are not added to {@link #requests()}.
   *
   * @param prefix the inputs that are not reads
   * @param recorded the reads of an earlier dispatch
   * @param expected their answers' short hashes ({@link #answers()} of that dispatch)
   * @return the digest {@link #digest} gave that dispatch if every answer is the same; empty at the
   *     first difference (or an unknown request)
   */
  public Optional<String> replay(
      String prefix, List<List<String>> recorded, List<String> expected) {
    if (recorded.size() != expected.size()) {
      return Optional.empty();
    }
    MessageDigest digest = sha256();
    digest.update(prefix.getBytes(StandardCharsets.UTF_8));
    replaying = true;
    try {
      for (int i = 0; i < recorded.size(); i++) {
        List<String> request = recorded.get(i);
        replayed = null;
        try {
          issue(request);
        } catch (UnknownRequestException e) {
          return Optional.empty();
        } catch (RuntimeException e) {
          // A failure is an answer too (a file that is not there): read() hashed it.
        }
        if (replayed == null || !shortHash(replayed).equals(expected.get(i))) {
          return Optional.empty();
        }
        digest.update(Canonical.of(request).getBytes(StandardCharsets.UTF_8));
        digest.update(replayed);
      }
    } finally {
      replaying = false;
    }
    return Optional.of(HexFormat.of().formatHex(digest.digest()));
  }

  // --- plumbing shared with JournaledPebble -------------------------------------------------

  <T> T read(List<String> request, boolean remember, Supplier<T> call) {
    if (remember && answers.containsKey(request)) {
      @SuppressWarnings("unchecked")
      T known = (T) answers.get(request);
      answered(request, known, null);
      return known;
    }
    T answer;
    try {
      answer = call.get();
    } catch (RuntimeException e) {
      answered(request, null, e);
      throw e;
    }
    if (remember) {
      answers.put(request, answer);
    }
    answered(request, answer, null);
    return answer;
  }

  void wrote(String what, boolean hookTool) {
    writes.add(what);
    if (hookTool) {
      answers.clear();
    }
  }

  void unreplayable(String why) {
    if (opaque == null) {
      opaque = why;
    }
  }

  private void answered(List<String> request, Object answer, RuntimeException failure) {
    String form;
    try {
      form =
          failure == null
              ? "=" + Canonical.of(answer)
              : "!" + failure.getClass().getName() + ":" + failure.getMessage();
    } catch (IllegalArgumentException e) {
      form = null;
    }
    if (replaying) {
      // A form-less answer can never match: it leaves replayed null.
      replayed = form == null ? null : sha256().digest(form.getBytes(StandardCharsets.UTF_8));
      return;
    }
    if (form == null) {
      unreplayable("no canonical form for the answer to " + request);
      form = "";
    }
    requests.add(List.copyOf(request));
    answerHashes.add(sha256().digest(form.getBytes(StandardCharsets.UTF_8)));
  }

  private static String shortHash(byte[] hash) {
    return HexFormat.of().formatHex(hash, 0, 8);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private static String opt(Optional<?> value) {
    return value.map(v -> "=" + v).orElse("-");
  }

  private static Optional<String> unopt(String text) {
    return text.equals("-") ? Optional.empty() : Optional.of(text.substring(1));
  }

  private static RelationRef ref(String endpoint, String id) {
    return new RelationRef(unopt(endpoint).orElse(null), Integer.parseInt(id));
  }

  private static List<String> req(String... parts) {
    return List.of(parts);
  }

  /** Issues one recorded read again. */
  private void issue(List<String> r) {
    String tool = r.get(0);
    switch (tool) {
      case "relation-ids" -> relationIds(r.get(1));
      case "relation-list" -> relationList(ref(r.get(1), r.get(2)));
      case "relation-list-app" -> relationRemoteApp(ref(r.get(1), r.get(2)));
      case "relation-get" ->
          relationGet(ref(r.get(1), r.get(2)), r.get(3), Boolean.parseBoolean(r.get(4)));
      case "config-get" -> configGet();
      case "is-leader" -> isLeader();
      case "status-get" -> statusGet(Boolean.parseBoolean(r.get(1)));
      case "network-get" -> networkGet(r.get(1), unopt(r.get(2)).map(Integer::valueOf));
      case "goal-state" -> goalState();
      case "leader-get" -> leaderGet(r.get(1));
      case "secret-get" ->
          secretGet(
              unopt(r.get(1)),
              unopt(r.get(2)),
              Boolean.parseBoolean(r.get(3)),
              Boolean.parseBoolean(r.get(4)));
      case "secret-info-get" -> secretInfoGet(unopt(r.get(1)), unopt(r.get(2)));
      case "secret-ids" -> secretIds();
      case "opened-ports" -> openedPorts();
      case "storage-list" -> storageList(unopt(r.get(1)));
      case "storage-get" -> storageGet(r.get(1));
      case "pebble" -> ((JournaledPebble) pebble().connect(r.get(1))).issue(r.subList(2, r.size()));
      default -> throw new UnknownRequestException(tool);
    }
  }

  /** A recorded request this version does not know (a record from another charm build). */
  static final class UnknownRequestException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UnknownRequestException(String what) {
      super(what, null, false, false);
    }
  }

  // --- reads --------------------------------------------------------------------------------

  @Override
  public List<Integer> relationIds(String endpoint) {
    return read(req("relation-ids", endpoint), true, () -> tools.relationIds(endpoint));
  }

  @Override
  public List<String> relationList(RelationRef relation) {
    return read(
        req("relation-list", opt(Optional.ofNullable(relation.endpoint())), "" + relation.id()),
        true,
        () -> tools.relationList(relation));
  }

  @Override
  public String relationRemoteApp(RelationRef relation) {
    return read(
        req("relation-list-app", opt(Optional.ofNullable(relation.endpoint())), "" + relation.id()),
        true,
        () -> tools.relationRemoteApp(relation));
  }

  @Override
  public Map<String, String> relationGet(RelationRef relation, String owner, boolean app) {
    return read(
        req(
            "relation-get",
            opt(Optional.ofNullable(relation.endpoint())),
            "" + relation.id(),
            owner,
            "" + app),
        true,
        () -> tools.relationGet(relation, owner, app));
  }

  @Override
  public Map<String, Object> configGet() {
    return read(req("config-get"), true, tools::configGet);
  }

  @Override
  public boolean isLeader() {
    return read(req("is-leader"), true, tools::isLeader);
  }

  @Override
  public StatusReading statusGet(boolean app) {
    return read(req("status-get", "" + app), true, () -> tools.statusGet(app));
  }

  @Override
  public NetworkInfo networkGet(String binding, Optional<Integer> relationId) {
    return read(
        req("network-get", binding, opt(relationId)),
        true,
        () -> tools.networkGet(binding, relationId));
  }

  @Override
  public GoalState goalState() {
    return read(req("goal-state"), true, tools::goalState);
  }

  @Override
  public Optional<String> leaderGet(String key) {
    return read(req("leader-get", key), true, () -> tools.leaderGet(key));
  }

  @Override
  public Map<String, String> secretGet(
      Optional<String> id, Optional<String> label, boolean refresh, boolean peek) {
    // --refresh moves this unit's tracked revision; a replay issues it only where the charm would
    // (see replay), and the answer is remembered so that the charm does not refresh twice.
    return read(
        req("secret-get", opt(id), opt(label), "" + refresh, "" + peek),
        true,
        () -> tools.secretGet(id, label, refresh, peek));
  }

  @Override
  public SecretInfo secretInfoGet(Optional<String> id, Optional<String> label) {
    return read(
        req("secret-info-get", opt(id), opt(label)), true, () -> tools.secretInfoGet(id, label));
  }

  @Override
  public List<String> secretIds() {
    return read(req("secret-ids"), true, tools::secretIds);
  }

  @Override
  public List<Port> openedPorts() {
    return read(req("opened-ports"), true, tools::openedPorts);
  }

  @Override
  public List<String> storageList(Optional<String> name) {
    return read(req("storage-list", opt(name)), true, () -> tools.storageList(name));
  }

  @Override
  public StorageInfo storageGet(String storageId) {
    return read(req("storage-get", storageId), true, () -> tools.storageGet(storageId));
  }

  /** Not journaled: stored state is hashed as such by the fast path, which keeps its own there. */
  @Override
  public Map<String, String> stateGet() {
    return tools.stateGet();
  }

  @Override
  public Path resourceGet(String name) {
    unreplayable("resource-get " + name);
    return tools.resourceGet(name);
  }

  @Override
  public Map<String, Object> actionGet() {
    unreplayable("action-get");
    return tools.actionGet();
  }

  // --- writes -------------------------------------------------------------------------------

  @Override
  public void relationSet(RelationRef relation, boolean app, Map<String, String> changes) {
    wrote("relation-set -r " + relation.argument() + (app ? " --app" : ""), true);
    tools.relationSet(relation, app, changes);
  }

  @Override
  public void statusSet(String status, String message, boolean app) {
    tools.statusSet(status, message, app); // statuses are re-set by the fast path: not a write
  }

  @Override
  public void jujuLog(String level, String message) {
    tools.jujuLog(level, message);
  }

  @Override
  public void applicationVersionSet(String version) {
    wrote("application-version-set", true);
    tools.applicationVersionSet(version);
  }

  @Override
  public void stateSet(Map<String, String> entries) {
    wrote("state-set", true);
    tools.stateSet(entries);
  }

  @Override
  public void stateDelete(String key) {
    wrote("state-delete", true);
    tools.stateDelete(key);
  }

  @Override
  public void leaderSet(Map<String, String> entries) {
    wrote("leader-set", true);
    tools.leaderSet(entries);
  }

  @Override
  public String secretAdd(Map<String, String> content, SecretOptions options) {
    wrote("secret-add", true);
    return tools.secretAdd(content, options);
  }

  @Override
  public void secretSet(String id, Map<String, String> content, SecretOptions options) {
    wrote("secret-set", true);
    tools.secretSet(id, content, options);
  }

  @Override
  public void secretGrant(String id, int relationId, Optional<String> unit) {
    wrote("secret-grant", true);
    tools.secretGrant(id, relationId, unit);
  }

  @Override
  public void secretRevoke(String id, int relationId, Optional<String> app, Optional<String> unit) {
    wrote("secret-revoke", true);
    tools.secretRevoke(id, relationId, app, unit);
  }

  @Override
  public void secretRemove(String id, Optional<Integer> revision) {
    wrote("secret-remove", true);
    tools.secretRemove(id, revision);
  }

  @Override
  public void openPort(Port port) {
    wrote("open-port", true);
    tools.openPort(port);
  }

  @Override
  public void closePort(Port port) {
    wrote("close-port", true);
    tools.closePort(port);
  }

  @Override
  public void actionSet(Map<String, Object> results) {
    wrote("action-set", true);
    tools.actionSet(results);
  }

  @Override
  public void actionFail(String message) {
    wrote("action-fail", true);
    tools.actionFail(message);
  }

  @Override
  public void actionLog(String message) {
    tools.actionLog(message);
  }
}
