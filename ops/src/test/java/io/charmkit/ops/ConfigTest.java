package io.charmkit.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.charmkit.ops.context.JujuContext;
import io.charmkit.ops.model.ConfigException;
import io.charmkit.ops.model.Model;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConfigTest {
  private FakeTools tools;
  private Model model;

  /** Config mapped onto a record. */
  public record Typed(String name, long port, @JsonProperty("debug") Boolean debug) {}

  @BeforeEach
  void setUp() {
    tools = new FakeTools();
    model =
        new Model(
            JujuContext.fromEnvironment(Fixture.env("hooks/config-changed")),
            Fixture.META,
            tools,
            Fixture.NO_PEBBLE);
  }

  @Test
  void defaultsApplyAndValuesAreTyped() {
    tools.config.put("port", 9090);
    assertThat(model.config().string("name")).contains("demo");
    assertThat(model.config().integer("port")).contains(9090L);
    assertThat(model.config().number("ratio")).contains(0.5);
    assertThat(model.config().bool("debug")).isEmpty();
    assertThat(model.config().flag("debug")).isFalse();
    assertThat(model.config().as(Typed.class)).isEqualTo(new Typed("demo", 9090, null));
  }

  @Test
  void readsConfigOnce() {
    model.config().string("name");
    model.config().integer("port");
    assertThat(tools.callsOf("config-get")).hasSize(1);
  }

  @Test
  void anUndeclaredOptionIsAClearError() {
    assertThatThrownBy(() -> model.config().string("nope"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'nope' is not declared in config.yaml");
  }

  @Test
  void readingAsTheWrongTypeIsAClearError() {
    assertThatThrownBy(() -> model.config().integer("name"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'name' is declared as string, not int");
  }

  @Test
  void aValueOfTheWrongTypeFromJujuIsAClearError() {
    tools.config.put("port", "eighty");
    assertThatThrownBy(() -> model.config())
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'port' is declared as int but its value is the string 'eighty'");
  }
}
