package io.charmkit.maven;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code manifest.yaml}: what the charm is written in and the bases it runs on, which Juju and
 * Charmhub read to decide where a charm may be deployed (JUJU.md §14).
 */
final class Manifest {
  private Manifest() {}

  /**
   * Renders the manifest. Bases sharing an OS and channel become one entry listing their
   * architectures, as charmcraft writes them.
   */
  static String render(List<Base> bases, String charmkitVersion) {
    Map<String, List<String>> grouped = new LinkedHashMap<>();
    for (Base b : bases) {
      List<String> archs =
          grouped.computeIfAbsent(b.name() + "\0" + b.channel(), k -> new ArrayList<>());
      if (!archs.contains(b.architecture())) {
        archs.add(b.architecture());
      }
    }
    StringBuilder out = new StringBuilder();
    out.append("analysis:\n")
        .append("  attributes:\n")
        .append("  - name: language\n")
        .append("    result: java\n")
        .append("  - name: framework\n")
        .append("    result: charmkit\n")
        .append("bases:\n");
    for (Map.Entry<String, List<String>> e : grouped.entrySet()) {
      String[] os = e.getKey().split("\0", 2);
      out.append("- name: ").append(os[0]).append('\n');
      out.append("  channel: '").append(os[1]).append("'\n");
      out.append("  architectures:\n");
      for (String arch : e.getValue()) {
        out.append("  - ").append(arch).append('\n');
      }
    }
    out.append("charmkit-version: ").append(charmkitVersion).append('\n');
    return out.toString();
  }
}
