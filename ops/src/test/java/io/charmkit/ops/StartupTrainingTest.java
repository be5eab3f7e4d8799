package io.charmkit.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Training runs load every class of the class path so that the start-up cache holds them. */
class StartupTrainingTest {
  @Test
  void everyLoadableClassOfAJarIsLoadedAndTheRestSkipped() throws Exception {
    // jackson-databind alone: its classes load, those needing jackson-core (absent) are skipped.
    Path databind =
        Path.of(ObjectMapper.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    try (URLClassLoader loader =
        new URLClassLoader(
            new URL[] {databind.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
      StartupTraining.Preloaded result =
          StartupTraining.preload(List.of(databind.toString()), loader);

      assertThat(result.loaded()).isGreaterThan(100);
      assertThat(result.skipped()).isPositive();
    }
  }

  @Test
  void anUnreadableJarIsSkipped() {
    StartupTraining.Preloaded result =
        StartupTraining.preload(List.of("/nonexistent/x.jar"), getClass().getClassLoader());

    assertThat(result).isEqualTo(new StartupTraining.Preloaded(0, 1));
  }

  @Test
  void onlyRunsThatDispatchMarksAreTraining() {
    assertThat(System.getProperty(StartupTraining.PROPERTY)).isNull();
    assertThat(StartupTraining.requested()).isFalse();
  }
}
