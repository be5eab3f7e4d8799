package io.charmkit.maven;

/**
 * One system a charm runs on, as {@code manifest.yaml}'s {@code bases} lists it: an OS name, its
 * channel and one architecture (Juju's names: amd64, arm64, ppc64el, s390x, riscv64).
 *
 * @param name the OS, {@code ubuntu}
 * @param channel its release, {@code 24.04}
 * @param architecture the architecture, or {@code all} for an architecture-independent charm
 */
record Base(String name, String channel, String architecture) {

  /** The default when a charm declares no platforms: what the framework has always packed for. */
  static final String DEFAULT_NAME = "ubuntu";

  /** The default channel: Ubuntu 24.04, the base of the Kubernetes charms the examples port. */
  static final String DEFAULT_CHANNEL = "24.04";

  /** Whether a runtime for {@code arch} runs here. */
  boolean runs(String arch) {
    return architecture.equals(arch) || architecture.equals("all");
  }

  /** {@code ubuntu@24.04:amd64}, charmcraft's spelling. */
  @Override
  public String toString() {
    return name + "@" + channel + ":" + architecture;
  }
}
