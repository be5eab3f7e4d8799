package io.charmkit.examples.temporal.pgsql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** libpq keyword/value connection strings, as pgsql providers write {@code master}. */
class ConnectionStringTest {

  @Test
  void keepsTheKeywordsInTheirOrder() {
    ConnectionString parsed =
        ConnectionString.parse("dbname=foo user=username host=prod1 connect_timeout=3");

    assertThat(parsed.keywords())
        .containsExactly(
            Map.entry("dbname", "foo"),
            Map.entry("user", "username"),
            Map.entry("host", "prod1"),
            Map.entry("connect_timeout", "3"));
  }

  @Test
  void allowsSpacesAroundTheEqualsSignAndQuotedValues() {
    ConnectionString parsed = ConnectionString.parse("  host = h   password = 'a b\\\\c\\'d'  ");

    assertThat(parsed.keywords())
        .containsExactly(Map.entry("host", "h"), Map.entry("password", "a b\\c'd"));
  }

  @Test
  void anEmptyQuotedValueIsEmpty() {
    assertThat(ConnectionString.parse("password=''").get("password")).contains("");
  }

  @Test
  void theLastOfARepeatedKeywordWins() {
    assertThat(ConnectionString.parse("host=a host=b").get("host")).contains("b");
  }

  @Test
  void rejectsAKeywordWithoutAValue() {
    assertThatThrownBy(() -> ConnectionString.parse("host=a dbname"))
        .isInstanceOf(ConnectionStringException.class)
        .hasMessage("not a libpq connection string: keyword 'dbname' has no '=' after it");
  }

  @Test
  void rejectsAnEmptyKeyword() {
    assertThatThrownBy(() -> ConnectionString.parse("=x"))
        .hasMessage("not a libpq connection string: an empty keyword at position 0");
  }

  @Test
  void rejectsAnEmptyString() {
    assertThatThrownBy(() -> ConnectionString.parse("  "))
        .hasMessage("not a libpq connection string: it is empty");
  }

  @Test
  void neverQuotesThePasswordInErrorsOrToString() {
    assertThatThrownBy(() -> ConnectionString.parse("password='hunter2"))
        .message()
        .doesNotContain("hunter2");
    assertThat(ConnectionString.parse("password=hunter2").toString()).doesNotContain("hunter2");
  }
}
