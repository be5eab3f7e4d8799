package io.charmkit.ops.model;

import io.charmkit.ops.hooktools.SecretInfo;
import io.charmkit.ops.hooktools.SecretOptions;
import java.util.Map;
import java.util.Optional;

/**
 * A Juju secret, seen by its owner or by a consumer it was granted to.
 *
 * <p>Content is read once and cached; {@link #refresh()} starts tracking the latest revision (a
 * consumer's answer to {@code secret-changed}) and {@link #peek()} reads the latest without
 * tracking it. Content never appears in argv or logs: the hook tools pass it through files.
 */
public final class Secret {
  private final Model model;
  private final Optional<String> id;
  private final Optional<String> label;
  private Map<String, String> content;

  Secret(Model model, Optional<String> id, Optional<String> label, Map<String, String> content) {
    this.model = model;
    this.id = id.map(Secret::normalise);
    this.label = label;
    this.content = content;
  }

  /**
   * Puts an id into the form Juju prints ({@code secret:<id>}); ids with a {@code secret:} or
   * {@code secret://} prefix are kept as they are.
   */
  public static String normalise(String id) {
    return id.startsWith("secret:") ? id : "secret:" + id;
  }

  /** The secret URI, if known (a secret looked up by label alone may not know it). */
  public Optional<String> id() {
    return id;
  }

  /** The label it was looked up or created with. */
  public Optional<String> label() {
    return label;
  }

  /** The content of the tracked revision. */
  public Map<String, String> content() {
    if (content == null) {
      content = model.tools().secretGet(id, label, false, false);
    }
    return content;
  }

  /** Starts tracking the latest revision and returns its content. */
  public Map<String, String> refresh() {
    content = model.tools().secretGet(id, label, true, false);
    return content;
  }

  /** The latest revision's content, without tracking it. */
  public Map<String, String> peek() {
    return model.tools().secretGet(id, label, false, true);
  }

  /** The owner's view: revision, label, expiry, rotation. */
  public SecretInfo info() {
    return id.isPresent()
        ? model.tools().secretInfoGet(id, Optional.empty())
        : model.tools().secretInfoGet(Optional.empty(), label);
  }

  /** Replaces the content with a new revision (owner only). */
  public void setContent(Map<String, String> newContent) {
    SecretOptions options = SecretOptions.application();
    model.tools().secretSet(requireId(), newContent, options);
    content = Map.copyOf(newContent);
  }

  /** Grants the remote application of {@code relation} read access. */
  public void grant(Relation relation) {
    model.tools().secretGrant(requireId(), relation.id(), Optional.empty());
  }

  /** Grants one remote unit of {@code relation} read access. */
  public void grant(Relation relation, Unit unit) {
    model.tools().secretGrant(requireId(), relation.id(), Optional.of(unit.name()));
  }

  /** Revokes what {@link #grant(Relation)} gave. */
  public void revoke(Relation relation) {
    model.tools().secretRevoke(requireId(), relation.id(), Optional.empty(), Optional.empty());
  }

  /** Removes one revision (owner only, typically in secret-remove). */
  public void removeRevision(int revision) {
    model.tools().secretRemove(requireId(), Optional.of(revision));
  }

  /** Removes the secret and every revision (owner only). */
  public void removeAll() {
    model.tools().secretRemove(requireId(), Optional.empty());
  }

  private String requireId() {
    if (id.isPresent()) {
      return id.get();
    }
    SecretInfo info = info();
    return normalise(info.id());
  }

  @Override
  public String toString() {
    return "secret " + id.orElse("labelled " + label.orElse("?"));
  }
}
