package io.charmkit.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.charmkit.ops.pebble.ChangeErrorException;
import io.charmkit.ops.pebble.Layer;
import io.charmkit.ops.pebble.Service;
import io.charmkit.ops.pebble.ServiceInfo;
import io.charmkit.ops.pebble.Task;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A container whose image lacks an executable answers as Pebble v1.14.1 does (PEBBLE.md, "Workload
 * faults"): the change fails with Pebble's {@code err}, later tasks are held, services inactive.
 */
class MissingExecutableTest {
  @TempDir Path root;

  private MemoryPebble pebble(Container container, Map<String, Service> services) {
    MemoryPebble pebble = new MemoryPebble(container, root);
    pebble.addLayer("base", Layer.of("base", services), false);
    return pebble;
  }

  @Test
  void anAbsolutePathThatIsMissingFailsTheStartAsPebbleDoes() {
    MemoryPebble pebble =
        pebble(
            Container.connected("w").withoutExecutable("/usr/bin/no-such-binary"),
            Map.of("missing", Service.builder("/usr/bin/no-such-binary --flag").build()));

    ChangeErrorException e =
        catchThrowableOfType(ChangeErrorException.class, () -> pebble.start(List.of("missing")));

    assertThat(e.err())
        .isEqualTo(
            "cannot perform the following tasks:\n- Start service \"missing\" (cannot start"
                + " service: fork/exec /usr/bin/no-such-binary: no such file or directory)");
    assertThat(e.change().status()).isEqualTo("Error");
    assertThat(pebble.services(List.of("missing")))
        .extracting(ServiceInfo::current)
        .containsExactly("inactive");
  }

  @Test
  void aNameMissingFromPathFailsTheReplanAndHoldsTheOtherServices() {
    MemoryPebble pebble =
        pebble(
            Container.connected("w").withoutExecutable("nginx"),
            Map.of(
                "nginx", Service.builder("nginx -g \"daemon off;\"").enabled().build(),
                "sleeper", Service.builder("/bin/sleep 300").enabled().build()));

    ChangeErrorException e = catchThrowableOfType(ChangeErrorException.class, pebble::replan);

    assertThat(e.change().summary()).isEqualTo("Replan service \"nginx\" and 1 more");
    assertThat(e.err())
        .isEqualTo(
            "cannot perform the following tasks:\n- Start service \"nginx\" (cannot start"
                + " service: exec: \"nginx\": executable file not found in $PATH)");
    assertThat(e.change().tasks()).extracting(Task::status).containsExactly("Error", "Hold");
    assertThat(pebble.services(List.of()))
        .extracting(ServiceInfo::current)
        .containsExactly("inactive", "inactive");
  }

  @Test
  void servicesWhoseExecutablesArePresentStillStart() {
    MemoryPebble pebble =
        pebble(
            Container.connected("w").withoutExecutable("nginx"),
            Map.of("sleeper", Service.builder("/bin/sleep 300").enabled().build()));

    pebble.replan();

    assertThat(pebble.services(List.of("sleeper")))
        .extracting(ServiceInfo::current)
        .containsExactly("active");
  }
}
