package io.charmkit.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.charmkit.ops.state.JujuStateStore;
import io.charmkit.ops.state.Notice;
import io.charmkit.ops.state.StoredSnapshot;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JujuStateStoreTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void keepsTheSnapshotAsOneJsonValueInCharmStateAndWritesOnlyOnChange() {
    FakeTools tools = new FakeTools();
    JujuStateStore store = new JujuStateStore(tools);
    assertThat(store.load()).isEqualTo(StoredSnapshot.empty());

    StoredSnapshot snapshot =
        new StoredSnapshot(
            Map.of("C/StoredState[s]", JSON.valueToTree(Map.of("ready", true))),
            List.of(new Notice("C/on/start", "C#C/on/start#0", Map.of())));
    store.save(snapshot);
    assertThat(tools.state.get(JujuStateStore.KEY))
        .isEqualTo(
            "{\"version\":1,\"values\":{\"C/StoredState[s]\":{\"ready\":true}},"
                + "\"notices\":[{\"event\":\"C/on/start\",\"observer\":\"C#C/on/start#0\","
                + "\"snapshot\":{}}]}");

    JujuStateStore next = new JujuStateStore(tools);
    assertThat(next.load()).isEqualTo(snapshot);
    next.save(snapshot);
    assertThat(tools.callsOf("state-set")).as("unchanged state is not written again").hasSize(1);
  }

  @Test
  void storageIsListedWithLocations() {
    FakeTools tools = new FakeTools();
    var model =
        new io.charmkit.ops.model.Model(
            io.charmkit.ops.context.JujuContext.fromEnvironment(Fixture.env("hooks/start")),
            Fixture.META,
            tools,
            Fixture.NO_PEBBLE);
    tools.storageIds.add("data/0");
    assertThat(model.storages("data"))
        .containsExactly(
            Map.entry(
                "data/0", new io.charmkit.ops.hooktools.StorageInfo("filesystem", "/srv/data/0")));
    assertThat(tools.callsOf("storage-list")).hasSize(1);
  }
}
