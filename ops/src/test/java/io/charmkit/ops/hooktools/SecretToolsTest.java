package io.charmkit.ops.hooktools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The secret tools: argv, content through private files only, and output reading. */
class SecretToolsTest extends FakeToolsTestCase {

  private static Map<String, String> content() {
    Map<String, String> content = new LinkedHashMap<>();
    content.put("private-key", "-----BEGIN PRIVATE KEY-----\nMIIE\n");
    content.put("password", "hunter2");
    return content;
  }

  @Test
  void secretAddPassesMetadataThenOwnerThenOneFileArgumentPerKey() {
    fake.stdout("secret-add", "secret:cq3ul1fmp25c7fb5bn3g\n");
    SecretOptions options =
        new SecretOptions(
            Optional.of("tls"),
            Optional.of("the key"),
            Optional.of("2030-01-01T00:00:00Z"),
            Optional.of("monthly"),
            "unit");

    String uri = tools.secretAdd(content(), options);

    assertThat(uri).isEqualTo("secret:cq3ul1fmp25c7fb5bn3g");
    FakeTools.Call call = fake.onlyCall();
    List<Path> files = call.secretPaths();
    assertThat(files).hasSize(2);
    assertThat(call.args())
        .containsExactly(
            "--label",
            "tls",
            "--description",
            "the key",
            "--expire",
            "2030-01-01T00:00:00Z",
            "--rotate",
            "monthly",
            "--owner",
            "unit",
            "private-key#file=" + files.get(0),
            "password#file=" + files.get(1));
  }

  @Test
  void secretValuesTravelOnlyThroughOwnerOnlyFilesThatAreDeletedAfterwards() {
    fake.stdout("secret-add", "secret:abc");

    tools.secretAdd(content(), SecretOptions.application());

    FakeTools.Call call = fake.onlyCall();
    assertThat(call.secretContents())
        .containsExactly("-----BEGIN PRIVATE KEY-----\nMIIE\n", "hunter2");
    assertThat(call.secretModes()).containsOnly("600");
    assertThat(call.secretDirModes()).containsOnly("700");
    assertThat(String.join(" ", call.args())).doesNotContain("hunter2").doesNotContain("MIIE");
    assertThat(call.stdin()).isEmpty();
    assertThat(call.secretPaths()).allSatisfy(p -> assertThat(p).doesNotExist());
    assertThat(call.secretPaths().get(0).getParent()).doesNotExist();
  }

  @Test
  void secretFilesAreDeletedWhenTheToolFails() {
    fake.respond("secret-add", "", "ERROR quota exceeded", 1);

    assertThatThrownBy(() -> tools.secretAdd(content(), SecretOptions.application()))
        .isInstanceOf(HookToolException.class)
        .hasMessageNotContaining("hunter2");

    assertThat(fake.onlyCall().secretPaths()).allSatisfy(p -> assertThat(p).doesNotExist());
  }

  @Test
  void invalidSecretKeysAreRejectedBeforeAnyProcessRuns() {
    for (String key : List.of("ab", "Password", "1key", "double--dash", "trailing-", "a_b")) {
      assertThatThrownBy(() -> tools.secretAdd(Map.of(key, "v"), SecretOptions.application()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("secret key '" + key + "' is invalid");
    }
    assertThatThrownBy(
            () -> tools.secretSet("secret:x", Map.of("../etc", "v"), SecretOptions.application()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(fake.calls()).isEmpty();
  }

  @Test
  void validSecretKeysIncludeSingleHyphensAndDigits() {
    fake.stdout("secret-add", "secret:x");

    tools.secretAdd(Map.of("tls-key2", "v"), SecretOptions.application());

    assertThat(fake.onlyCall().secretContents()).containsExactly("v");
  }

  @Test
  void secretAddOfNothingIsRejected() {
    assertThatThrownBy(() -> tools.secretAdd(Map.of(), SecretOptions.application()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one key");
    assertThat(fake.calls()).isEmpty();
  }

  @Test
  void secretSetPutsOwnerThenIdThenFiles() {
    tools.secretSet(
        "secret:abc", Map.of("password", "new"), SecretOptions.application().withLabel("db"));

    FakeTools.Call call = fake.onlyCall();
    assertThat(call.args())
        .containsExactly(
            "--label",
            "db",
            "--owner",
            "application",
            "secret:abc",
            "password#file=" + call.secretPaths().get(0));
    assertThat(call.secretContents()).containsExactly("new");
    assertThat(call.secretPaths()).allSatisfy(p -> assertThat(p).doesNotExist());
  }

  @Test
  void secretSetWithoutContentChangesOnlyMetadata() {
    tools.secretSet("secret:abc", Map.of(), SecretOptions.application().withLabel("db"));

    assertThat(fake.onlyCall().args())
        .containsExactly("--label", "db", "--owner", "application", "secret:abc");
  }

  @Test
  void secretGetByIdLabelRefreshAndPeek() {
    fake.stdout("secret-get", "{\"password\": \"hunter2\"}");

    assertThat(tools.secretGet(Optional.of("secret:abc"), Optional.empty(), false, false))
        .containsExactly(Map.entry("password", "hunter2"));
    tools.secretGet(Optional.of("secret:abc"), Optional.of("db"), true, false);
    tools.secretGet(Optional.empty(), Optional.of("db"), false, true);

    assertThat(fake.argvs())
        .containsExactly(
            List.of("secret-get", "--format=json", "secret:abc"),
            List.of("secret-get", "--format=json", "secret:abc", "--label", "db", "--refresh"),
            List.of("secret-get", "--format=json", "--label", "db", "--peek"));
  }

  @Test
  void secretGetNeedsAnIdOrLabelAndNotBothRefreshAndPeek() {
    assertThatThrownBy(() -> tools.secretGet(Optional.empty(), Optional.empty(), false, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("id, a label");
    assertThatThrownBy(() -> tools.secretGet(Optional.of("secret:x"), Optional.empty(), true, true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--refresh or --peek");
    assertThat(fake.calls()).isEmpty();
  }

  @Test
  void secretInfoGetReadsTheEntryKeyedByTheId() {
    fake.stdout(
        "secret-info-get",
        "{\"cq3ul1fmp25c7fb5bn3g\": {\"revision\": 3, \"label\": \"tls\", \"owner\":"
            + " \"application\", \"rotation\": \"monthly\", \"expiry\":"
            + " \"2030-01-01T00:00:00Z\"}}");

    SecretInfo info = tools.secretInfoGet(Optional.empty(), Optional.of("tls"));

    assertThat(fake.onlyCall().args()).containsExactly("--format=json", "--label", "tls");
    assertThat(info)
        .isEqualTo(
            new SecretInfo(
                "cq3ul1fmp25c7fb5bn3g",
                3,
                Optional.of("tls"),
                Optional.empty(),
                Optional.of("2030-01-01T00:00:00Z"),
                Optional.of("monthly")));
  }

  @Test
  void secretInfoGetById() {
    fake.stdout("secret-info-get", "{\"secret:abc\": {\"revision\": 1}}");

    assertThat(tools.secretInfoGet(Optional.of("secret:abc"), Optional.empty()).revision())
        .isEqualTo(1);
    assertThat(fake.onlyCall().args()).containsExactly("--format=json", "secret:abc");
  }

  @Test
  void secretInfoGetTakesExactlyOneOfIdAndLabel() {
    assertThatThrownBy(() -> tools.secretInfoGet(Optional.of("secret:x"), Optional.of("l")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("never both");
    assertThatThrownBy(() -> tools.secretInfoGet(Optional.empty(), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(fake.calls()).isEmpty();
  }

  @Test
  void grantRevokeRemoveAndIds() {
    fake.stdout("secret-ids", "[\"secret:a\", \"secret:b\"]");

    tools.secretGrant("secret:a", 5, Optional.empty());
    tools.secretGrant("secret:a", 5, Optional.of("w/1"));
    tools.secretRevoke("secret:a", 5, Optional.empty(), Optional.empty());
    tools.secretRevoke("secret:a", 5, Optional.of("w"), Optional.of("w/1"));
    tools.secretRemove("secret:a", Optional.empty());
    tools.secretRemove("secret:a", Optional.of(2));
    assertThat(tools.secretIds()).containsExactly("secret:a", "secret:b");

    assertThat(fake.argvs())
        .containsExactly(
            List.of("secret-grant", "--relation", "5", "secret:a"),
            List.of("secret-grant", "--relation", "5", "--unit", "w/1", "secret:a"),
            List.of("secret-revoke", "--relation", "5", "secret:a"),
            List.of("secret-revoke", "--relation", "5", "--app", "w", "--unit", "w/1", "secret:a"),
            List.of("secret-remove", "secret:a"),
            List.of("secret-remove", "secret:a", "--revision", "2"),
            List.of("secret-ids", "--format=json"));
  }

  @Test
  void secretContentIsNeverInAnErrorEvenWhenOutputIsUnreadable() {
    fake.stdout("secret-get", "password: hunter2 (not json)");

    assertThatThrownBy(
            () -> tools.secretGet(Optional.of("secret:a"), Optional.empty(), false, false))
        .isInstanceOf(HookToolException.class)
        .hasMessage("secret-get --format=json secret:a succeeded but its output is not valid JSON");
  }

  @Test
  void noSecretFilesAreLeftInTheTemporaryDirectory() throws Exception {
    fake.stdout("secret-add", "secret:x");
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));

    tools.secretAdd(content(), SecretOptions.application());

    Path used = fake.onlyCall().secretPaths().get(0).getParent();
    assertThat(used.getParent()).isEqualTo(tmp);
    assertThat(Files.exists(used)).isFalse();
  }
}
