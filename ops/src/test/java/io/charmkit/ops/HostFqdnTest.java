package io.charmkit.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.charmkit.ops.context.HostFqdn;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HostFqdnTest {
  @Test
  void theOverrideWinsOverTheHostLookup() {
    assertThat(HostFqdn.resolve(Map.of(HostFqdn.OVERRIDE, " w-0.w-endpoints.m.svc.cluster.local ")))
        .isEqualTo("w-0.w-endpoints.m.svc.cluster.local");
  }

  @Test
  void withoutItTheLocalHostsNameIsUsed() {
    assertThat(HostFqdn.resolve(Map.of())).isNotBlank().doesNotContain(" ");
  }
}
