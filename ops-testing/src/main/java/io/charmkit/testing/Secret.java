package io.charmkit.testing;

import io.charmkit.ops.hooktools.ToolArguments;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A Juju secret in a {@link State}, seen from this unit: one it owns (for the application or for
 * itself) or one granted to it.
 *
 * <p>An owner always reads the latest revision. A consumer reads the revision it tracks until it
 * refreshes; {@link #withNewRevision} models the owner publishing a new one (what precedes {@code
 * secret-changed}).
 *
 * @param id the secret URI, {@code secret:<20 characters>}
 * @param owner {@code application} or {@code unit} when this unit's side owns it; empty when
 *     granted
 * @param label the label (the owner's, or the one this consumer gave it)
 * @param description the owner's description
 * @param expire the expiry (RFC 3339 time or duration) the owner set
 * @param rotate the rotation policy the owner set
 * @param revision the latest revision number
 * @param trackedContent the content of the revision this unit tracks
 * @param latestContent the content of the latest revision
 * @param grants who the owner granted it to: relation id to application or unit names
 */
public record Secret(
    String id,
    Optional<String> owner,
    Optional<String> label,
    Optional<String> description,
    Optional<String> expire,
    Optional<String> rotate,
    int revision,
    Map<String, String> trackedContent,
    Map<String, String> latestContent,
    Map<Integer, Set<String>> grants) {

  private static final AtomicLong NEXT = new AtomicLong(1);

  /** Copies the collections and checks the owner. */
  public Secret {
    Objects.requireNonNull(id, "id");
    if (!id.startsWith("secret:")) {
      throw new IllegalArgumentException("a secret id starts with 'secret:', not: " + id);
    }
    if (owner.filter(o -> !ToolArguments.SECRET_OWNERS.contains(o)).isPresent()) {
      throw new IllegalArgumentException(
          "a secret's owner is 'application' or 'unit', not '" + owner.get() + "'");
    }
    trackedContent = Collections.unmodifiableMap(new TreeMap<>(trackedContent));
    latestContent = Collections.unmodifiableMap(new TreeMap<>(latestContent));
    Map<Integer, Set<String>> g = new TreeMap<>();
    grants.forEach((rel, who) -> g.put(rel, Collections.unmodifiableSet(new TreeSet<>(who))));
    grants = Collections.unmodifiableMap(g);
  }

  /** A new secret id in Juju's form (deterministic within a JVM). */
  static String newId() {
    // Juju ids are 20 base-32 characters; these are too, and count up so runs are reproducible.
    String n = Long.toString(NEXT.getAndIncrement(), 32);
    return "secret:" + "c".repeat(20 - n.length()) + n;
  }

  /** A secret owned by this application, revision 1. */
  public static Secret ownedByApp(Map<String, String> content) {
    return revisionOne(Optional.of("application"), content);
  }

  /** A secret owned by this unit, revision 1. */
  public static Secret ownedByUnit(Map<String, String> content) {
    return revisionOne(Optional.of("unit"), content);
  }

  /** A secret another application owns and granted to this one, revision 1, tracked. */
  public static Secret granted(Map<String, String> content) {
    return revisionOne(Optional.empty(), content);
  }

  private static Secret revisionOne(Optional<String> owner, Map<String, String> content) {
    return new Secret(
        newId(),
        owner,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        1,
        content,
        content,
        Map.of());
  }

  /** Whether this unit's side owns it. */
  public boolean isOwned() {
    return owner.isPresent();
  }

  /** This secret with a label. */
  public Secret withLabel(String newLabel) {
    return with(id, Optional.of(newLabel), revision, trackedContent, latestContent);
  }

  /** This secret with another id (e.g. one a test wants to spell out). */
  public Secret withId(String newId) {
    return with(newId, label, revision, trackedContent, latestContent);
  }

  /**
   * This secret after its owner published {@code content} as a new revision. An owner tracks it at
   * once; a consumer keeps its tracked content until it refreshes.
   */
  public Secret withNewRevision(Map<String, String> content) {
    return with(id, label, revision + 1, isOwned() ? content : trackedContent, content);
  }

  private Secret with(
      String newId,
      Optional<String> newLabel,
      int newRevision,
      Map<String, String> tracked,
      Map<String, String> latest) {
    return new Secret(
        newId, owner, newLabel, description, expire, rotate, newRevision, tracked, latest, grants);
  }

  /** The id without its {@code secret:} or {@code secret://<model>/} prefix. */
  public static String bare(String id) {
    // "secret:", then for the long form "//" and the model up to its slash when there is one.
    return id.replaceFirst("^secret:(//([^/]*/)?)?", "");
  }
}
