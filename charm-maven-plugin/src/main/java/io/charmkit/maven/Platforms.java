package io.charmkit.maven;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The systems a charm declares it runs on, read from {@code charmcraft.yaml} as charmcraft reads
 * them: {@code platforms} (each platform's {@code build-for}, or its name in the shorthand forms
 * {@code amd64:} and {@code ubuntu@24.04:amd64:}, with {@code base: ubuntu@24.04}), else the older
 * {@code bases} ({@code run-on}, or the short form {@code {name, channel, architectures}}).
 */
final class Platforms {
  private Platforms() {}

  /**
   * Every base and architecture declared, in order; empty when the file declares neither {@code
   * platforms} nor {@code bases}.
   *
   * @param defaultArch the architecture of a {@code bases} entry that lists none (charmcraft takes
   *     the build machine's)
   * @throws PackagingException when the declaration is malformed
   */
  static List<Base> declared(JsonNode charmcraft, String defaultArch) {
    if (charmcraft.hasNonNull("platforms")) {
      if (charmcraft.hasNonNull("bases")) {
        throw new PackagingException(
            "charmcraft.yaml declares both platforms and bases: keep platforms (with base), as"
                + " charmcraft 3 does");
      }
      return fromPlatforms(charmcraft.get("platforms"), charmcraft.get("base"));
    }
    if (charmcraft.hasNonNull("bases")) {
      return fromBases(charmcraft.get("bases"), defaultArch);
    }
    return List.of();
  }

  private static List<Base> fromPlatforms(JsonNode platforms, JsonNode base) {
    if (!platforms.isObject() || platforms.isEmpty()) {
      throw new PackagingException(
          "charmcraft.yaml platforms: expected a mapping of platform names, such as 'amd64:'");
    }
    List<Base> out = new ArrayList<>();
    for (Map.Entry<String, JsonNode> p : platforms.properties()) {
      String where = "charmcraft.yaml platforms." + p.getKey();
      JsonNode spec = p.getValue();
      // "amd64:" with nothing after it: Jackson reads the empty value as null or "".
      if (spec == null || spec.isNull() || (spec.isTextual() && spec.asText().isEmpty())) {
        out.add(target(p.getKey(), base, where));
        continue;
      }
      JsonNode buildFor = spec.get("build-for");
      if (buildFor == null || !buildFor.isArray() || buildFor.isEmpty()) {
        throw new PackagingException(where + ": 'build-for' must list what the charm runs on");
      }
      for (JsonNode target : buildFor) {
        out.add(target(target.asText(), base, where));
      }
    }
    return out;
  }

  /** {@code amd64} (with the top-level base) or {@code ubuntu@24.04:amd64}. */
  private static Base target(String spec, JsonNode base, String where) {
    int colon = spec.lastIndexOf(':');
    if (colon >= 0) {
      String[] os = nameAndChannel(spec.substring(0, colon), where);
      return new Base(os[0], os[1], spec.substring(colon + 1));
    }
    if (base == null || base.isNull()) {
      throw new PackagingException(
          where
              + ": names the architecture '"
              + spec
              + "' only, and charmcraft.yaml has no 'base' (say base: ubuntu@24.04, or name the"
              + " platform ubuntu@24.04:"
              + spec
              + ")");
    }
    String[] os = nameAndChannel(base.asText(), "charmcraft.yaml base");
    return new Base(os[0], os[1], spec);
  }

  private static String[] nameAndChannel(String spec, String where) {
    int at = spec.indexOf('@');
    if (at <= 0 || at == spec.length() - 1) {
      throw new PackagingException(
          where + ": '" + spec + "' is not a base; expected NAME@CHANNEL, such as ubuntu@24.04");
    }
    return new String[] {spec.substring(0, at), spec.substring(at + 1)};
  }

  private static List<Base> fromBases(JsonNode bases, String defaultArch) {
    if (!bases.isArray() || bases.isEmpty()) {
      throw new PackagingException("charmcraft.yaml bases: expected a list of bases");
    }
    List<Base> out = new ArrayList<>();
    int i = 0;
    for (JsonNode entry : bases) {
      String where = "charmcraft.yaml bases[" + i++ + "]";
      if (entry.has("run-on")) {
        for (JsonNode runOn : entry.get("run-on")) {
          out.addAll(legacyBase(runOn, defaultArch, where + ".run-on"));
        }
      } else {
        out.addAll(legacyBase(entry, defaultArch, where));
      }
    }
    return out;
  }

  private static List<Base> legacyBase(JsonNode b, String defaultArch, String where) {
    if (!b.hasNonNull("name") || !b.hasNonNull("channel")) {
      throw new PackagingException(where + ": needs 'name' and 'channel'");
    }
    List<Base> out = new ArrayList<>();
    JsonNode archs = b.get("architectures");
    if (archs == null || archs.isNull() || archs.isEmpty()) {
      out.add(new Base(b.get("name").asText(), b.get("channel").asText(), defaultArch));
    } else {
      for (JsonNode a : archs) {
        out.add(new Base(b.get("name").asText(), b.get("channel").asText(), a.asText()));
      }
    }
    return out;
  }
}
