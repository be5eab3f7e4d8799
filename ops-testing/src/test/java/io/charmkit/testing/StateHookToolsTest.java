package io.charmkit.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.charmkit.ops.hooktools.PermissionDeniedException;
import io.charmkit.ops.hooktools.RelationNotFoundException;
import io.charmkit.ops.hooktools.SecretNotFoundException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Details of the in-memory hook tools that whole runs do not show directly. */
class StateHookToolsTest {

  @Test
  void stdinIsWhatPythonsJsonDumpsWritesSoRecordedCallsMatchProduction() {
    Map<String, String> changes = new LinkedHashMap<>();
    changes.put("b", "é\"\n");
    changes.put("a", "1");
    // In the map's order, as the production backend sends it.
    assertThat(StateHookTools.json(changes)).isEqualTo("{\"b\": \"\\u00e9\\\"\\n\", \"a\": \"1\"}");
  }

  @Test
  void failuresMapToTheSameExceptionTypesAsInProduction() {
    assertThat(
            StateHookTools.error(
                List.of("secret-grant", "--relation", "7", "secret:x"),
                "ERROR invalid value \"7\" for option --relation: relation not found"))
        .isInstanceOf(SecretNotFoundException.class);
    assertThat(
            StateHookTools.error(
                List.of("network-get", "-r", "7", "db"),
                "ERROR invalid value \"7\" for option -r: relation not found"))
        .isInstanceOf(RelationNotFoundException.class);
    assertThat(
            StateHookTools.error(
                List.of("status-set", "--application=True", "active"),
                "ERROR this unit is not the leader"))
        .isInstanceOf(PermissionDeniedException.class);
  }
}
