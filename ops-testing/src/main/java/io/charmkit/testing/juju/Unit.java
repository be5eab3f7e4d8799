package io.charmkit.testing.juju;

import io.charmkit.ops.hooktools.NetworkInfo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** A unit: its directory, address, status, committed charm state, ports and log. */
final class Unit {
  final String name;
  final App app;
  final int number;
  final Path dir;
  final String address;
  final List<WorkloadContainers.Workload> workloads = new ArrayList<>();

  WorkloadStatus status = new WorkloadStatus("unknown", "");

  /** The hook that failed and holds the unit in error, or null. */
  PendingHook failedHook;

  boolean dying;
  Map<String, String> state = new TreeMap<>();
  TreeSet<String> ports = new TreeSet<>();
  final StringBuilder log = new StringBuilder();

  /** Bindings whose network a test spelled out; others get the default from the address. */
  final Map<String, NetworkInfo> networks = new TreeMap<>();

  /** Attached storage: id ({@code data/0}) to its mount location. */
  final Map<String, String> storages = new TreeMap<>();

  Unit(String name, App app, int number, Path dir, String address) {
    this.name = name;
    this.app = app;
    this.number = number;
    this.dir = dir;
    this.address = address;
  }

  Path charmDir() {
    return dir.resolve("charm");
  }

  Path containersDir() {
    return dir.resolve("containers");
  }

  /** Whether this unit leads its application. */
  boolean isLeader() {
    return name.equals(app.leader);
  }

  /** The unit's FQDN as a Kubernetes pod would have it. */
  String hostname(String model) {
    String app = this.app.name;
    return app + "-" + number + "." + app + "-endpoints." + model + ".svc.cluster.local";
  }

  /** What {@code juju status} shows: the error while a hook failure holds the unit. */
  WorkloadStatus displayedStatus() {
    if (failedHook != null) {
      return new WorkloadStatus("error", "hook failed: \"" + failedHook.hook() + "\"");
    }
    return status;
  }
}
