package io.charmkit.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.charmkit.ops.pebble.Check;
import io.charmkit.ops.pebble.ExecRequest;
import io.charmkit.ops.pebble.Layer;
import io.charmkit.ops.pebble.PathErrorException;
import io.charmkit.ops.pebble.PebbleClient;
import io.charmkit.ops.pebble.PushOptions;
import io.charmkit.testing.pebble.ExecHandler;
import io.charmkit.testing.pebble.InProcessTransport;
import io.charmkit.testing.pebble.PebbleEngine;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The simulated Pebble of one container of a {@link State}: a {@link PebbleEngine} laid out as the
 * state says, reached by the production client through an {@link InProcessTransport} (the same
 * request handling the unix-socket server uses), and read back into the output state.
 */
final class MemoryPebble {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Container initial;
  private final PebbleEngine engine;
  private final PebbleClient client;

  /** A Pebble for {@code container}, its files written under {@code root}. */
  MemoryPebble(Container container, Path root) {
    this.initial = container;
    this.engine = new PebbleEngine(root, "00000000-0000-4000-8000-000000000000");
    Optional<String> unreachable =
        container.canConnect()
            ? Optional.empty()
            : Optional.of(
                "the test state says container \"" + container.name() + "\" cannot connect");
    Path socket = Path.of(PebbleClient.DEFAULT_CONTAINERS_DIR, container.name(), "pebble.socket");
    this.client =
        PebbleClient.forTransport(
            container.name(), socket, new InProcessTransport(engine, socket, unreachable));
    engine.image(container.image());
    container.layers().forEach((label, layer) -> engine.addLayer(label, layer, false));
    container.serviceStatuses().forEach(engine::serviceStatus);
    Map<String, Check> checks = container.plan().checks();
    for (Map.Entry<String, String> status : container.checkStatuses().entrySet()) {
      Check check = checks.get(status.getKey());
      int threshold = check == null || check.threshold() == null ? 3 : check.threshold();
      engine.checkStatus(status.getKey(), status.getValue(), threshold);
    }
    for (Map.Entry<String, String> file : container.files().entrySet()) {
      byte[] content = file.getValue().getBytes(StandardCharsets.UTF_8);
      try {
        engine.files().write(file.getKey(), content, PushOptions.defaults().withMakeDirs());
      } catch (PathErrorException e) {
        throw new IllegalArgumentException(
            "cannot lay out " + file.getKey() + " in " + container.name() + ": " + e.apiMessage(),
            e);
      }
    }
    for (ExecResult scripted : container.execs()) {
      engine.onExec(
          scripted.command(),
          ExecHandler.output(scripted.exitCode(), scripted.stdout(), scripted.stderr()));
    }
  }

  /** The container as it is now: layers, service states and files. */
  Container snapshot() {
    Map<String, Layer> layers = new LinkedHashMap<>();
    for (Map.Entry<String, ObjectNode> layer : engine.layers().entrySet()) {
      try {
        layers.put(layer.getKey(), JSON.treeToValue(layer.getValue(), Layer.class));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(
            "cannot read back layer \"" + layer.getKey() + "\": " + e.getOriginalMessage(), e);
      }
    }
    Map<String, String> services = new TreeMap<>(initial.serviceStatuses());
    services.putAll(engine.serviceStatuses());
    return new Container(
        initial.name(),
        initial.canConnect(),
        layers,
        services,
        initial.checkStatuses(),
        engine.files().textFiles(),
        initial.execs(),
        initial.image());
  }

  /** Every command the charm ran, in order. */
  List<ExecRequest> execHistory() {
    return engine.execs();
  }

  /**
   * The production client over the in-process transport: what the charm's {@code
   * Container.pebble()} is. When the state says the container cannot connect, every call fails with
   * {@link io.charmkit.ops.pebble.PebbleConnectionException} and {@code canConnect()} is false, as
   * with a missing socket.
   */
  PebbleClient client() {
    return client;
  }
}
