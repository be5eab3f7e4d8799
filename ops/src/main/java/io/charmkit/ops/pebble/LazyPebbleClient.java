package io.charmkit.ops.pebble;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What {@link PebbleClient#forContainer} returns: a handle that refers to no HTTP or JSON class, so
 * creating it loads nothing; the real client is created on the first call. Most hooks of a charm
 * never touch the workload, and class loading is the bulk of a cold JVM's cost.
 */
final class LazyPebbleClient implements PebbleClient {
  private final String container;
  private final Path socketPath;
  private HttpPebbleClient delegate;

  LazyPebbleClient(String container, Path socketPath) {
    this.container = container;
    this.socketPath = socketPath;
  }

  private synchronized HttpPebbleClient delegate() {
    if (delegate == null) {
      delegate = new HttpPebbleClient(container, socketPath);
    }
    return delegate;
  }

  @Override
  public boolean canConnect() {
    return delegate().canConnect();
  }

  @Override
  public SystemInfo systemInfo() {
    return delegate().systemInfo();
  }

  @Override
  public Plan plan() {
    return delegate().plan();
  }

  @Override
  public void addLayer(String label, Layer layer, boolean combine) {
    delegate().addLayer(label, layer, combine);
  }

  @Override
  public List<ServiceInfo> services(List<String> names) {
    return delegate().services(names);
  }

  @Override
  public Change start(List<String> names) {
    return delegate().start(names);
  }

  @Override
  public Change stop(List<String> names) {
    return delegate().stop(names);
  }

  @Override
  public Change restart(List<String> names) {
    return delegate().restart(names);
  }

  @Override
  public Change replan() {
    return delegate().replan();
  }

  @Override
  public Change change(String id) {
    return delegate().change(id);
  }

  @Override
  public List<Change> changes(ChangeSelect select) {
    return delegate().changes(select);
  }

  @Override
  public Change waitChange(String id, Duration timeout) {
    return delegate().waitChange(id, timeout);
  }

  @Override
  public void push(String path, byte[] content, PushOptions options) {
    delegate().push(path, content, options);
  }

  @Override
  public byte[] pull(String path) {
    return delegate().pull(path);
  }

  @Override
  public List<FileInfo> listFiles(String path, String pattern, boolean itself) {
    return delegate().listFiles(path, pattern, itself);
  }

  @Override
  public void makeDir(String path, boolean makeParents, String permissions) {
    delegate().makeDir(path, makeParents, permissions);
  }

  @Override
  public void remove(String path, boolean recursive) {
    delegate().remove(path, recursive);
  }

  @Override
  public List<CheckInfo> checks(String level, List<String> names) {
    return delegate().checks(level, names);
  }

  @Override
  public ExecOutput exec(ExecRequest request) {
    return delegate().exec(request);
  }

  @Override
  public synchronized void close() {
    if (delegate != null) {
      delegate.close();
    }
  }

  @Override
  public String toString() {
    return "PebbleClient[" + container + " at " + socketPath + "]";
  }
}
