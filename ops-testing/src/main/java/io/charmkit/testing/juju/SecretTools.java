package io.charmkit.testing.juju;

import io.charmkit.ops.hooktools.ToolArguments;
import io.charmkit.ops.hooktools.ToolResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The secret tools ({@code secret-add}, {@code -get}, {@code -info-get}, {@code -set}, {@code
 * -grant}, {@code -revoke}, {@code -remove}, {@code -ids}): owners (the application's leader, or
 * the owning unit) manage, granted consumers read the revision they track until they refresh.
 * Changes go to the hook's working copy of the model's secrets.
 */
final class SecretTools {
  static void register(Map<String, ToolHandler> into) {
    into.put("secret-add", (ctx, argv, stdin) -> secretAdd(ctx, argv));
    into.put("secret-get", (ctx, argv, stdin) -> secretGet(ctx, argv));
    into.put("secret-info-get", (ctx, argv, stdin) -> secretInfoGet(ctx, argv));
    into.put("secret-set", (ctx, argv, stdin) -> secretSet(ctx, argv));
    into.put("secret-grant", (ctx, argv, stdin) -> secretGrant(ctx, argv, true));
    into.put("secret-revoke", (ctx, argv, stdin) -> secretGrant(ctx, argv, false));
    into.put("secret-remove", (ctx, argv, stdin) -> secretRemove(ctx, argv));
    into.put("secret-ids", (ctx, argv, stdin) -> secretIds(ctx, argv));
  }

  private static final Set<String> SECRET_META =
      Set.of("label", "description", "expire", "rotate", "owner", "file");

  private static ToolResult secretAdd(HookContext ctx, List<String> argv) {
    ToolArgs a = ToolArgs.parse(argv, SECRET_META, Set.of());
    String owner = a.value("owner") == null ? "application" : a.value("owner");
    if (!ToolArguments.SECRET_OWNERS.contains(owner)) {
      throw new ToolError("secret owner \"" + owner + "\" not valid");
    }
    boolean appOwned = owner.equals("application");
    if (appOwned && !ctx.unit.isLeader()) {
      throw new ToolError(
          "cannot create an application-owned secret: permission denied: this unit is not the"
              + " leader");
    }
    Map<String, String> content = secretContent(a.positionals(), a.value("file"));
    if (content.isEmpty()) {
      throw new ToolArgs.UsageException("missing secret value or filename");
    }
    Secret s =
        new Secret(ctx.model.newSecretId(), ctx.unit.app.name, appOwned ? null : ctx.unit.name);
    applyMeta(ctx, s, a);
    s.revisions.add(content);
    ctx.secrets().put(s.id, s);
    return ToolResult.ok(s.uri() + "\n");
  }

  private static ToolResult secretGet(HookContext ctx, List<String> argv) {
    ToolArgs a = ToolArgs.parse(argv, Set.of("label", "format"), Set.of("refresh", "peek"));
    String id = a.positionals().isEmpty() ? null : a.positionals().get(0);
    String label = a.value("label");
    if (id == null && label == null) {
      throw new ToolArgs.UsageException("require either a secret URI or label");
    }
    Secret s = id != null ? byId(ctx, id) : byLabel(ctx, label);
    Map<String, String> content;
    if (owns(ctx.unit, s)) {
      if (id != null && label != null) {
        s.label = label;
      }
      content = s.content(s.latestRevision());
    } else {
      if (!granted(ctx, s)) {
        throw new ToolError("permission denied");
      }
      Secret.Consumer c = s.consumers.get(ctx.unit.name);
      String newLabel = label != null ? label : (c == null ? null : c.label());
      // --refresh moves the tracked revision to the latest; --peek only reads the latest.
      boolean refresh = a.flag("refresh") && !a.flag("peek");
      int revision = c == null || refresh ? s.latestRevision() : c.revision();
      content = s.content(a.flag("peek") ? s.latestRevision() : revision);
      s.consumers.put(ctx.unit.name, new Secret.Consumer(newLabel, revision));
    }
    if (content == null) {
      throw new ToolError("secret \"" + s.id + "\" revision not found");
    }
    return ToolResult.ok(JujuJson.json(new TreeMap<>(content)));
  }

  private static ToolResult secretInfoGet(HookContext ctx, List<String> argv) {
    ToolArgs a = ToolArgs.parse(argv, Set.of("label", "format"), Set.of());
    String id = a.positionals().isEmpty() ? null : a.positionals().get(0);
    if ((id == null) == (a.value("label") == null)) {
      throw new ToolArgs.UsageException("specify either a secret URI or label but not both");
    }
    Secret s = id != null ? byId(ctx, id) : byLabel(ctx, a.value("label"));
    if (!owns(ctx.unit, s)) {
      throw new ToolError("secret \"" + s.id + "\" not found");
    }
    Map<String, Object> info = new TreeMap<>();
    info.put("revision", s.latestRevision());
    info.put("owner", s.ownerUnit == null ? "application" : "unit");
    info.put("rotation", s.rotate == null ? "never" : s.rotate);
    info.put("label", s.label);
    info.put("description", s.description);
    info.put("expiry", s.expire);
    // Juju leaves out what was never set.
    info.values().removeIf(Objects::isNull);
    return ToolResult.ok(JujuJson.json(Map.of(s.id, info)));
  }

  private static ToolResult secretSet(HookContext ctx, List<String> argv) {
    ToolArgs a = ToolArgs.parse(argv, SECRET_META, Set.of());
    Secret s = managed(ctx, a, true);
    applyMeta(ctx, s, a);
    Map<String, String> content =
        secretContent(a.positionals().subList(1, a.positionals().size()), a.value("file"));
    if (!content.isEmpty() && !content.equals(s.content(s.latestRevision()))) {
      s.revisions.add(content);
    }
    return ToolResult.ok("");
  }

  private static ToolResult secretGrant(HookContext ctx, List<String> argv, boolean grant) {
    ToolArgs a = ToolArgs.parse(argv, Set.of("relation", "r", "unit", "app"), Set.of());
    Secret s = managed(ctx, a, false);
    boolean named = a.value("relation") != null || a.value("r") != null;
    if (!named && grant) {
      throw new ToolArgs.UsageException("missing relation");
    }
    Relation r = named ? RelationTools.relation(ctx, a) : null;
    String unit = a.value("unit");
    if (grant) {
      String grantee = unit != null ? unit : r.remoteApp(ctx.unit.app.name);
      s.grants.computeIfAbsent(r.id, k -> new TreeSet<>()).add(grantee);
    } else {
      // Revoked from the grantee named (everyone without one), on the relation (every relation).
      String name = unit != null ? unit : a.value("app");
      Integer relationId = r == null ? null : r.id;
      s.grants.forEach(
          (id, grantees) -> {
            if (relationId == null || id.equals(relationId)) {
              grantees.removeIf(g -> name == null || g.equals(name));
            }
          });
      s.grants.values().removeIf(Set::isEmpty);
    }
    return ToolResult.ok("");
  }

  private static ToolResult secretRemove(HookContext ctx, List<String> argv) {
    ToolArgs a = ToolArgs.parse(argv, Set.of("revision"), Set.of());
    Secret s = managed(ctx, a, false);
    if (a.value("revision") == null) {
      ctx.secrets().remove(s.id);
    } else {
      int rev;
      try {
        rev = Integer.parseInt(a.value("revision"));
      } catch (NumberFormatException e) {
        throw new ToolError("invalid revision \"" + a.value("revision") + "\"");
      }
      if (rev < 1 || rev > s.latestRevision() || s.content(rev) == null) {
        throw new ToolError("secret revision " + rev + " not found");
      }
      s.revisions.set(rev - 1, null);
    }
    return ToolResult.ok("");
  }

  private static ToolResult secretIds(HookContext ctx, List<String> argv) {
    ToolArgs a = ToolArgs.parse(argv, Set.of("format"), Set.of());
    return ToolText.list(
        a,
        ctx.secrets().values().stream()
            .filter(s -> owns(ctx.unit, s))
            .map(Secret::uri)
            .sorted()
            .toList());
  }

  /**
   * The secret the first argument names, which this unit must manage; {@code more} when content may
   * follow it (secret-set), else it must stand alone.
   */
  private static Secret managed(HookContext ctx, ToolArgs a, boolean more) {
    if (more ? a.positionals().isEmpty() : a.positionals().size() != 1) {
      throw new ToolArgs.UsageException("missing secret URI");
    }
    Secret s = byId(ctx, a.positionals().get(0));
    if (!owns(ctx.unit, s)) {
      throw new ToolError("secret \"" + s.id + "\" not found");
    }
    if (s.ownerUnit == null && !ctx.unit.isLeader()) {
      throw new ToolError("permission denied: this unit is not the leader");
    }
    return s;
  }

  private static boolean owns(Unit unit, Secret s) {
    return s.ownerUnit == null ? s.ownerApp.equals(unit.app.name) : s.ownerUnit.equals(unit.name);
  }

  private static boolean granted(HookContext ctx, Secret s) {
    Unit unit = ctx.unit;
    if (!ctx.model.apps.containsKey(s.ownerApp)) {
      // Owned outside this model (a test's given secret, or another model's): Juju kept the
      // grant on the owner's side, so whoever consumes it was granted it.
      return s.consumers.containsKey(unit.name);
    }
    for (var e : s.grants.entrySet()) {
      Relation r = ctx.model.relationIfPresent(e.getKey());
      if (r == null || !r.involves(unit.app.name) || r.left.contains(unit.name)) {
        continue;
      }
      if (e.getValue().contains(unit.app.name) || e.getValue().contains(unit.name)) {
        return true;
      }
    }
    return false;
  }

  private static Secret byId(HookContext ctx, String ref) {
    String id = io.charmkit.testing.Secret.bare(ref);
    Secret s = ctx.secrets().get(id);
    if (s == null) {
      throw new ToolError("secret \"" + id + "\" not found");
    }
    return s;
  }

  private static Secret byLabel(HookContext ctx, String label) {
    for (Secret s : ctx.secrets().values()) {
      if (owns(ctx.unit, s) && label.equals(s.label)) {
        return s;
      }
      Secret.Consumer c = s.consumers.get(ctx.unit.name);
      if (c != null && label.equals(c.label())) {
        return s;
      }
    }
    throw new ToolError("secret with label \"" + label + "\" not found");
  }

  /** Sets the metadata options given; a new label must not be another owned secret's. */
  private static void applyMeta(HookContext ctx, Secret s, ToolArgs a) {
    String label = a.value("label");
    for (Secret other : ctx.secrets().values()) {
      if (label != null && other != s && owns(ctx.unit, other) && label.equals(other.label)) {
        throw new ToolError("secret with label \"" + label + "\" already exists");
      }
    }
    s.label = given(label, s.label);
    s.description = given(a.value("description"), s.description);
    s.expire = given(a.value("expire"), s.expire);
    s.rotate = given(a.value("rotate"), s.rotate);
  }

  private static String given(String option, String current) {
    return option != null ? option : current;
  }

  /** Content from {@code key=value}, {@code key#file=path} and {@code key#base64=…} arguments. */
  private static Map<String, String> secretContent(List<String> args, String file) {
    Map<String, String> content = new TreeMap<>();
    if (file != null) {
      content.putAll(ToolText.parseSettings(ToolText.read(file, "secret content file")));
    }
    for (String arg : args) {
      int eq = arg.indexOf('=');
      if (eq <= 0) {
        throw new ToolError("expected \"key=value\", got \"" + arg + "\"");
      }
      String key = arg.substring(0, eq);
      String value = arg.substring(eq + 1);
      if (key.endsWith("#file")) {
        key = key.substring(0, key.length() - "#file".length());
        try {
          value = Files.readString(Path.of(value));
        } catch (IOException e) {
          throw new ToolError("cannot read secret value file for key \"" + key + "\"");
        }
      } else if (key.endsWith("#base64")) {
        key = key.substring(0, key.length() - "#base64".length());
        try {
          value = new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
          throw new ToolError("value of secret key \"" + key + "\" is not valid base64");
        }
      }
      if (!ToolArguments.isSecretKey(key)) {
        throw new ToolError("secret key \"" + key + "\" not valid");
      }
      content.put(key, value);
    }
    return content;
  }
}
