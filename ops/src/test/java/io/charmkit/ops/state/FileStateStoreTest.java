package io.charmkit.ops.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileStateStoreTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path charmDir;

  private static StoredSnapshot sample(int n) {
    return new StoredSnapshot(
        Map.of("Charm/StoredState[s]", JSON.valueToTree(Map.of("n", n))),
        List.of(
            new Notice("Charm/on/config_changed", "Charm#Charm/on/config_changed#0", Map.of())));
  }

  @Test
  void anAbsentFileIsAnEmptySnapshot() {
    assertThat(new FileStateStore(charmDir).load()).isEqualTo(StoredSnapshot.empty());
  }

  @Test
  void roundTripsValuesAndNoticesInOrder() {
    FileStateStore store = new FileStateStore(charmDir);
    store.save(sample(1));
    assertThat(new FileStateStore(charmDir).load()).isEqualTo(sample(1));
  }

  @Test
  void writesAtomicallyWithOwnerOnlyPermissionsAndLeavesNoTemporaryFile() throws Exception {
    FileStateStore store = new FileStateStore(charmDir);
    store.save(sample(1));
    store.save(sample(2));
    try (var files = Files.list(charmDir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactly(FileStateStore.FILE_NAME);
    }
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file())))
        .isEqualTo("rw-------");
    assertThat(Files.readString(store.file()))
        .isEqualTo(
            "{\"version\":1,\"values\":{\"Charm/StoredState[s]\":{\"n\":2}},\"notices\":"
                + "[{\"event\":\"Charm/on/config_changed\",\"observer\":"
                + "\"Charm#Charm/on/config_changed#0\",\"snapshot\":{}}]}");
  }

  @Test
  void aCorruptFileIsAClearError() throws Exception {
    Files.writeString(charmDir.resolve(FileStateStore.FILE_NAME), "{not json");
    assertThatThrownBy(() -> new FileStateStore(charmDir).load())
        .isInstanceOf(StateStoreException.class)
        .hasMessageContaining(FileStateStore.FILE_NAME)
        .hasMessageContaining("not valid JSON");
  }
}
