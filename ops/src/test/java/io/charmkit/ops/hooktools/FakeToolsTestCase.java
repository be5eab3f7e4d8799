package io.charmkit.ops.hooktools;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fixture of the tests that run {@link ProcessHookTools} against real processes: before each
 * test, a fresh directory of {@link FakeTools} and the hook tools whose environment puts them first
 * on {@code PATH}.
 */
abstract class FakeToolsTestCase {
  /** A relation the relation-tool tests address. */
  static final RelationRef DB = RelationRef.of("db", 3);

  @TempDir Path dir;
  FakeTools fake;
  ProcessHookTools tools;

  @BeforeEach
  void setUpFakeTools() {
    fake = new FakeTools(dir);
    tools = new ProcessHookTools(fake.environment());
  }
}
