package io.charmkit.ops.inputs;

import com.fasterxml.jackson.databind.JsonNode;
import io.charmkit.ops.context.EventKind;
import io.charmkit.ops.context.JujuContext;
import io.charmkit.ops.framework.Component;
import io.charmkit.ops.framework.StoredState;
import io.charmkit.ops.model.Status;
import io.charmkit.ops.model.StatusName;
import io.charmkit.ops.state.StoredSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steady-state fast path of a reconciling charm: most hooks change nothing, and this tells,
 * before the charm decodes, validates or renders anything, whether this one can.
 *
 * <p><b>How.</b> A reconcile is a deterministic function of its inputs: the answers of the hook
 * tools and Pebble it reads (every databag as {@code relation-get} returned it, config, leadership,
 * relation ids and membership, secrets, opened ports, goal state, the plan, service and check
 * states, the files it pulls), plus what is not read through them: the event (which hook, which
 * relation, which remote application), the charm build ({@code dispatch}, which embeds the build
 * key of the jars, and the charm's metadata, config and version files), stored state, and the host
 * facts the charm supplies ({@code hostInputs}: FQDN, DNS server, proxy variables…). After a
 * dispatch that <em>committed</em> and wrote nothing (no relation, port, secret or Pebble change),
 * the digest of all of these and the list of reads are kept in stored state, with the statuses the
 * charm computed. The next dispatch of the same event issues those reads again ({@link
 * InputJournal#replay}) and, if the digest is the same, the reconcile would read the same, write
 * nothing and set the same statuses: {@link #unchanged()} is true and the charm skips it and sets
 * {@link #recordedStatuses()}. If anything differs, the charm runs in full; the reads the replay
 * made are remembered, so it costs no extra hook-tool call.
 *
 * <p><b>Why stored state.</b> It is written atomically and only when the dispatch succeeds (the
 * record is made in {@link io.charmkit.ops.framework.Framework#beforeCommit}, after the model's
 * relation writes, so a failed hook records nothing), it lives where the charm's other state does
 * (the charm directory, or the controller with the Juju backend), and clearing it, or a value this
 * code cannot parse, only costs one full reconcile. Records are kept per event (hook, relation,
 * remote application), the last {@value #MAX_RECORDS}, so that alternating events both skip.
 *
 * <p><b>Which events.</b> Only those whose every input is in the digest and that a reconciling base
 * treats like any other: {@code config-changed}, {@code update-status}, {@code start}, {@code
 * leader-elected}, {@code leader-settings-changed}, relation created/joined/changed and {@code
 * pebble-ready}. Never {@code install} (peer data is refused, the charm may be new), {@code
 * upgrade-charm} (new code; the start-up cache is trained), {@code stop}/{@code remove},
 * relation-departed/broken (the model leaves a relation or unit out on the event's word, not the
 * tools'), secret and storage events, actions, Pebble notices and checks, and no dispatch with
 * deferred events queued. Those always run in full and record nothing.
 */
public final class SteadyState extends Component {
  private static final Logger LOG = LoggerFactory.getLogger(SteadyState.class);

  /** How many events' records are kept. */
  static final int MAX_RECORDS = 8;

  private static final String FORMAT = "charmkit-steady-state-1";
  private static final Set<String> PLAIN_HOOKS =
      Set.of(
          "config-changed", "update-status", "start", "leader-elected", "leader-settings-changed");
  private static final List<String> BUILD_FILES =
      List.of(
          "dispatch",
          "version",
          "metadata.yaml",
          "config.yaml",
          "actions.yaml",
          "charmcraft.yaml",
          "manifest.yaml");

  private final StoredState<String> stored;
  private final String charmClass;
  private final Supplier<?> hostInputs;
  private InputJournal journal;
  private String key;
  private String prefix;
  private Boolean unchanged;
  private Record record;
  private List<Status> statuses;

  /**
   * Creates the fast path of {@code charm}.
   *
   * @param charm the charm (the records are kept under its handle)
   * @param hostInputs the inputs the charm reads that are neither hook tools, Pebble nor stored
   *     state (e.g. its FQDN, DNS server and proxy variables), as a value with a canonical form
   *     (strings, numbers, booleans, lists, maps, records, optionals)
   */
  public SteadyState(Component charm, Supplier<?> hostInputs) {
    super(charm, "steady-state");
    this.charmClass = charm.getClass().getName();
    this.hostInputs = Objects.requireNonNull(hostInputs, "hostInputs");
    this.stored = storedState("inputs", String.class, () -> "");
    framework().beforeCommit(this::recordIfQuiet);
  }

  /**
   * Whether every input hashes as it did after the last quiet dispatch of this event: the charm may
   * then skip decoding, validation, rendering and comparison, set {@link #recordedStatuses()}, and
   * write nothing. Decided once per dispatch (the first call replays the recorded reads).
   */
  public boolean unchanged() {
    if (unchanged == null) {
      unchanged = decide();
    }
    return unchanged;
  }

  /** The statuses recorded with the digest (those to set when {@link #unchanged()}). */
  public List<Status> recordedStatuses() {
    return record == null ? List.of() : record.statuses();
  }

  /**
   * Hands over the statuses the charm computed in this (full) dispatch, to be recorded with its
   * digest if the dispatch commits without writing.
   */
  public void statuses(List<Status> computed) {
    statuses = List.copyOf(computed);
  }

  private boolean decide() {
    Optional<InputJournal> found = model().journal();
    if (found.isEmpty()) {
      return false;
    }
    JujuContext context = found.get().context();
    StoredSnapshot start = framework().storedAtStart();
    if (!eligible(context) || !start.notices().isEmpty()) {
      return false;
    }
    journal = found.get();
    key =
        context.dispatchPath().juju()
            + "|"
            + context.relation().map(r -> r.argument()).orElse("")
            + "|"
            + context.remoteApp().orElse("");
    prefix = prefix(context, start);
    record = records().get(key);
    if (record == null) {
      LOG.debug("steady state: nothing recorded for {}; reconciling", key);
      return false;
    }
    boolean same =
        journal
            .replay(prefix, record.requests(), record.answers())
            .filter(record.digest()::equals)
            .isPresent();
    if (same) {
      LOG.debug("steady state: the {} inputs are unchanged; skipping the reconcile", key);
    } else {
      LOG.debug("steady state: an input changed since the last {}; reconciling", key);
      record = null;
    }
    return same;
  }

  static boolean eligible(JujuContext context) {
    if (context.dispatchPath().action() || context.restricted()) {
      return false;
    }
    EventKind kind = context.kind();
    return switch (kind) {
      case HOOK -> PLAIN_HOOKS.contains(context.dispatchPath().juju());
      case RELATION_CREATED, RELATION_JOINED, RELATION_CHANGED, PEBBLE_READY -> true;
      default -> false;
    };
  }

  /** Everything that is not a read: format, charm, event, build, stored state, host. */
  private String prefix(JujuContext context, StoredSnapshot start) {
    Map<String, Object> inputs = new LinkedHashMap<>();
    inputs.put("format", FORMAT);
    inputs.put("charm", charmClass);
    inputs.put("event", key);
    inputs.put("unit", context.unitName());
    inputs.put("model", context.modelUuid());
    Map<String, String> build = new TreeMap<>();
    for (String file : BUILD_FILES) {
      Path path = context.charmDir().resolve(file);
      try {
        if (Files.isRegularFile(path)) {
          build.put(
              file,
              new String(Files.readAllBytes(path), java.nio.charset.StandardCharsets.ISO_8859_1));
        }
      } catch (IOException e) {
        build.put(file, "!" + e);
      }
    }
    inputs.put("build", build);
    Map<String, String> state = new TreeMap<>();
    for (Map.Entry<String, JsonNode> e : start.values().entrySet()) {
      if (!e.getKey().equals(stored.key())) {
        state.put(e.getKey(), String.valueOf(e.getValue()));
      }
    }
    inputs.put("stored", state);
    inputs.put("host", hostInputs.get());
    return Canonical.of(inputs);
  }

  private void recordIfQuiet() {
    if (journal == null || Boolean.TRUE.equals(unchanged) || statuses == null) {
      return; // not an eligible event, nothing to update after a skip, or no statuses computed
    }
    if (!journal.writes().isEmpty()) {
      LOG.debug("steady state: {} wrote {}; not recorded", key, journal.writes());
      return;
    }
    if (journal.opaque().isPresent()) {
      LOG.debug(
          "steady state: {} cannot be replayed ({}); not recorded", key, journal.opaque().get());
      return;
    }
    Map<String, Record> records = records();
    records.remove(key);
    records.put(
        key, new Record(journal.digest(prefix), statuses, journal.requests(), journal.answers()));
    Iterator<String> oldest = records.keySet().iterator();
    while (records.size() > MAX_RECORDS) {
      oldest.next();
      oldest.remove();
    }
    stored.set(Records.write(records));
  }

  private Map<String, Record> records() {
    String text = stored.get();
    if (text.isEmpty()) {
      return new LinkedHashMap<>();
    }
    try {
      return Records.read(text);
    } catch (RuntimeException e) {
      LOG.warn("steady state: the stored records cannot be read ({}); starting over", e.toString());
      return new LinkedHashMap<>();
    }
  }

  /** What one quiet dispatch of an event read, and the statuses it set. */
  record Record(
      String digest, List<Status> statuses, List<List<String>> requests, List<String> answers) {}

  /** The text form of the records: length-prefixed tokens, so any string round-trips. */
  static final class Records {
    private Records() {}

    static String write(Map<String, Record> records) {
      StringBuilder out = new StringBuilder();
      token(out, FORMAT);
      token(out, "" + records.size());
      records.forEach(
          (key, r) -> {
            token(out, key);
            token(out, r.digest());
            token(out, "" + r.statuses().size());
            for (Status s : r.statuses()) {
              token(out, s.name().juju());
              token(out, s.message());
            }
            token(out, "" + r.requests().size());
            for (int i = 0; i < r.requests().size(); i++) {
              List<String> request = r.requests().get(i);
              token(out, r.answers().get(i));
              token(out, "" + request.size());
              request.forEach(part -> token(out, part));
            }
          });
      return out.toString();
    }

    static Map<String, Record> read(String text) {
      Reader in = new Reader(text);
      if (!in.next().equals(FORMAT)) {
        throw new IllegalArgumentException("unknown format");
      }
      Map<String, Record> out = new LinkedHashMap<>();
      int count = in.number();
      for (int i = 0; i < count; i++) {
        String key = in.next();
        String digest = in.next();
        List<Status> statuses = new ArrayList<>();
        int n = in.number();
        for (int j = 0; j < n; j++) {
          statuses.add(new Status(StatusName.parse(in.next()), in.next()));
        }
        List<List<String>> requests = new ArrayList<>();
        List<String> answers = new ArrayList<>();
        int m = in.number();
        for (int j = 0; j < m; j++) {
          answers.add(in.next());
          int parts = in.number();
          List<String> request = new ArrayList<>(parts);
          for (int k = 0; k < parts; k++) {
            request.add(in.next());
          }
          requests.add(List.copyOf(request));
        }
        out.put(
            key,
            new Record(digest, List.copyOf(statuses), List.copyOf(requests), List.copyOf(answers)));
      }
      if (!in.done()) {
        throw new IllegalArgumentException("trailing data");
      }
      return out;
    }

    private static void token(StringBuilder out, String text) {
      out.append(text.length()).append(':').append(text);
    }

    private static final class Reader {
      private final String text;
      private int at;

      Reader(String text) {
        this.text = text;
      }

      String next() {
        int colon = text.indexOf(':', at);
        if (colon < 0) {
          throw new IllegalArgumentException("truncated at " + at);
        }
        int length = Integer.parseInt(text.substring(at, colon));
        if (length < 0 || colon + 1 + length > text.length()) {
          throw new IllegalArgumentException("bad length at " + at);
        }
        at = colon + 1 + length;
        return text.substring(colon + 1, at);
      }

      int number() {
        int n = Integer.parseInt(next());
        if (n < 0) {
          throw new IllegalArgumentException("negative count");
        }
        return n;
      }

      boolean done() {
        return at == text.length();
      }
    }
  }
}
