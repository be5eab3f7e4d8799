package io.charmkit.tracingrequirer;

import io.charmkit.interfaces.RemoteDataProblem;
import io.charmkit.interfaces.tracing.TracingRequirer;
import io.charmkit.ops.Charm;
import io.charmkit.ops.Dispatcher;
import io.charmkit.ops.event.CollectStatusEvent;
import io.charmkit.ops.framework.Framework;
import io.charmkit.ops.model.Status;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A stand-in traced application: requests {@code otlp_http} and {@code otlp_grpc} on {@code
 * tracing} and shows in its status the URL it received for each (or why it has none).
 */
public final class TracingRequirerCharm extends Charm {
  private static final List<String> PROTOCOLS = List.of("otlp_http", "otlp_grpc");

  private final TracingRequirer tracing;

  /**
   * Registers the requirer and the status observer.
   *
   * @param framework the dispatch's framework
   */
  public TracingRequirerCharm(Framework framework) {
    super(framework);
    tracing = new TracingRequirer(this, "tracing", PROTOCOLS);
    observe(on().collectUnitStatus(), this::collectStatus);
  }

  private void collectStatus(CollectStatusEvent event) {
    List<RemoteDataProblem> problems = tracing.problems();
    if (!problems.isEmpty()) {
      event.addStatus(Status.blocked(problems.get(0).summary()));
    } else if (!tracing.ready()) {
      event.addStatus(Status.waiting("waiting for tracing receivers"));
    } else {
      event.addStatus(
          Status.active(
              PROTOCOLS.stream()
                  .map(p -> p + "=" + tracing.endpoint(p).orElse("none"))
                  .collect(Collectors.joining(" "))));
    }
  }

  /**
   * The entry point the charm's dispatch script runs.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    Dispatcher.main(TracingRequirerCharm::new);
  }
}
