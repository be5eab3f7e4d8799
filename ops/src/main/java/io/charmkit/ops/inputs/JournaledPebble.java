package io.charmkit.ops.inputs;

import io.charmkit.ops.pebble.Change;
import io.charmkit.ops.pebble.ChangeSelect;
import io.charmkit.ops.pebble.CheckInfo;
import io.charmkit.ops.pebble.ExecOutput;
import io.charmkit.ops.pebble.ExecRequest;
import io.charmkit.ops.pebble.FileInfo;
import io.charmkit.ops.pebble.Layer;
import io.charmkit.ops.pebble.PebbleClient;
import io.charmkit.ops.pebble.Plan;
import io.charmkit.ops.pebble.PushOptions;
import io.charmkit.ops.pebble.ServiceInfo;
import io.charmkit.ops.pebble.SystemInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One container's Pebble with its reads journaled in an {@link InputJournal} (the plan, service and
 * check states, the files the charm pulls): the workload state a reconcile compares against is as
 * much an input as a databag. Every change (layer, start, stop, push, remove, exec) is a write.
 */
final class JournaledPebble implements PebbleClient {
  private final InputJournal journal;
  private final String container;
  private final PebbleClient pebble;

  JournaledPebble(InputJournal journal, String container, PebbleClient pebble) {
    this.journal = journal;
    this.container = container;
    this.pebble = pebble;
  }

  private List<String> req(String op, String... args) {
    List<String> out = new ArrayList<>();
    out.add("pebble");
    out.add(container);
    out.add(op);
    out.addAll(List.of(args));
    return out;
  }

  private static String names(List<String> names) {
    return names == null ? "-" : "=" + Canonical.of(names);
  }

  private static List<String> unnames(String text) {
    if (text.equals("-")) {
      return null;
    }
    // The form is l<n>:(s<len>:<text>)*, written by names().
    List<String> out = new ArrayList<>();
    int i = text.indexOf(':', 2) + 1;
    while (i < text.length()) {
      int colon = text.indexOf(':', i);
      int length = Integer.parseInt(text.substring(i + 1, colon));
      out.add(text.substring(colon + 1, colon + 1 + length));
      i = colon + 1 + length;
    }
    return out;
  }

  private static String opt(String value) {
    return value == null ? "-" : "=" + value;
  }

  private static String unopt(String text) {
    return text.equals("-") ? null : text.substring(1);
  }

  /** Issues one recorded read again (the request without its {@code pebble <container>}). */
  void issue(List<String> r) {
    switch (r.get(0)) {
      case "can-connect" -> canConnect();
      case "system-info" -> systemInfo();
      case "plan" -> plan();
      case "services" -> services(unnames(r.get(1)));
      case "change" -> change(r.get(1));
      case "changes" -> changes(ChangeSelect.valueOf(r.get(1)));
      case "list-files" -> listFiles(r.get(1), unopt(r.get(2)), Boolean.parseBoolean(r.get(3)));
      case "pull" -> pull(r.get(1));
      case "checks" -> checks(unopt(r.get(1)), unnames(r.get(2)));
      default -> throw new InputJournal.UnknownRequestException("pebble " + r.get(0));
    }
  }

  // --- reads --------------------------------------------------------------------------------

  @Override
  public boolean canConnect() {
    return journal.read(req("can-connect"), false, pebble::canConnect);
  }

  @Override
  public SystemInfo systemInfo() {
    return journal.read(req("system-info"), false, pebble::systemInfo);
  }

  @Override
  public Plan plan() {
    return journal.read(req("plan"), false, pebble::plan);
  }

  @Override
  public List<ServiceInfo> services(List<String> names) {
    return journal.read(req("services", names(names)), false, () -> pebble.services(names));
  }

  @Override
  public Change change(String id) {
    return journal.read(req("change", id), false, () -> pebble.change(id));
  }

  @Override
  public List<Change> changes(ChangeSelect select) {
    return journal.read(req("changes", select.name()), false, () -> pebble.changes(select));
  }

  @Override
  public byte[] pull(String path) {
    return journal.read(req("pull", path), false, () -> pebble.pull(path));
  }

  @Override
  public List<FileInfo> listFiles(String path, String pattern, boolean itself) {
    return journal.read(
        req("list-files", path, opt(pattern), "" + itself),
        false,
        () -> pebble.listFiles(path, pattern, itself));
  }

  @Override
  public List<CheckInfo> checks(String level, List<String> names) {
    return journal.read(
        req("checks", opt(level), names(names)), false, () -> pebble.checks(level, names));
  }

  // --- writes -------------------------------------------------------------------------------

  private void wrote(String op) {
    journal.wrote("pebble " + container + " " + op, false);
  }

  @Override
  public void addLayer(String label, Layer layer, boolean combine) {
    wrote("add-layer " + label);
    pebble.addLayer(label, layer, combine);
  }

  @Override
  public Change start(List<String> names) {
    wrote("start");
    return pebble.start(names);
  }

  @Override
  public Change stop(List<String> names) {
    wrote("stop");
    return pebble.stop(names);
  }

  @Override
  public Change restart(List<String> names) {
    wrote("restart");
    return pebble.restart(names);
  }

  @Override
  public Change replan() {
    wrote("replan");
    return pebble.replan();
  }

  @Override
  public Change waitChange(String id, Duration timeout) {
    wrote("wait-change");
    return pebble.waitChange(id, timeout);
  }

  @Override
  public void push(String path, byte[] content, PushOptions options) {
    wrote("push " + path);
    pebble.push(path, content, options);
  }

  @Override
  public void makeDir(String path, boolean makeParents, String permissions) {
    wrote("make-dir " + path);
    pebble.makeDir(path, makeParents, permissions);
  }

  @Override
  public void remove(String path, boolean recursive) {
    wrote("remove " + path);
    pebble.remove(path, recursive);
  }

  @Override
  public ExecOutput exec(ExecRequest request) {
    wrote("exec");
    return pebble.exec(request);
  }

  @Override
  public void close() {
    pebble.close();
  }

  @Override
  public String toString() {
    return Optional.ofNullable(pebble.toString()).orElse(container);
  }
}
