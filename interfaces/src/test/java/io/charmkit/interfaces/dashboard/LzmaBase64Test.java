package io.charmkit.interfaces.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

/** cosl's LZMABase64 and the SHAKE256 UIDs, against values Python computed. */
class LzmaBase64Test {
  /** base64.b64encode(lzma.compress(TEXT.encode())) in CPython 3.11. */
  private static final String PYTHON =
      "/Td6WFoAAATm1rRGAgAhARYAAAB0L+WjAQAgeyJ0aXRsZSI6ICJUw6ltcG8iLCAicGFuZWxzIjogW119AAAAAClJUJ1J"
          + "/GPTAAE5Ic8oa2IftvN9AQAAAAAEWVo=";

  private static final String TEXT = "{\"title\": \"T\u00e9mpo\", \"panels\": []}";

  @Test
  void readsWhatPythonWrites() {
    assertThat(LzmaBase64.decompress(PYTHON)).isEqualTo(TEXT);
  }

  @Test
  void writesTheContainerPythonWritesAndReadsItBack() {
    String ours = LzmaBase64.compress(TEXT);
    byte[] bytes = Base64.getDecoder().decode(ours);
    byte[] python = Base64.getDecoder().decode(PYTHON);

    assertThat(LzmaBase64.decompress(ours)).isEqualTo(TEXT);
    // Stream header: magic, flags with check type 4 (CRC64), and its CRC32: identical.
    assertThat(java.util.Arrays.copyOf(bytes, 12)).isEqualTo(java.util.Arrays.copyOf(python, 12));
    // Block header: size, flags, one filter, LZMA2 (0x21), one property byte.
    assertThat(java.util.Arrays.copyOfRange(bytes, 12, 16))
        .isEqualTo(new byte[] {0x02, 0x00, 0x21, 0x01});
    // The dictionary is sized to the text (4 KiB: property 0) instead of preset 6's 8 MiB (0x16).
    assertThat(bytes[16]).isEqualTo((byte) 0x00);
    assertThat(python[16]).isEqualTo((byte) 0x16);
    // Stream footer magic.
    assertThat(new String(bytes, bytes.length - 2, 2, java.nio.charset.StandardCharsets.US_ASCII))
        .isEqualTo("YZ");
  }

  @Test
  void aLargeTextGetsALargerDictionaryUpToPresetSix() {
    assertThat(LzmaBase64.options(100).getDictSize()).isEqualTo(4096);
    assertThat(LzmaBase64.options(90_000).getDictSize()).isEqualTo(128 * 1024);
    assertThat(LzmaBase64.options(50_000_000).getDictSize()).isEqualTo(8 * 1024 * 1024);
  }

  @Test
  void garbageIsAnErrorNotACrash() {
    assertThatThrownBy(() -> LzmaBase64.decompress("not base64!"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("is not base64");
    assertThatThrownBy(() -> LzmaBase64.decompress("aGVsbG8="))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("is not an xz stream");
  }

  @Test
  void shake256MatchesHashlib() {
    assertThat(Shake256.hexdigest("abc", 8)).isEqualTo("483366601360a877");
    assertThat(Shake256.hexdigest("", 8)).isEqualTo("46b9dd2b0ba88d13");
    assertThat(Shake256.hexdigest("tempo-coordinator-k8s-src/grafana_dashboards/tempo.json", 20))
        .isEqualTo("e90096d1534b03f9af3481059f5322d4637eeb9b");
    // A full block of input and more output than one block.
    assertThat(Shake256.hexdigest("a".repeat(136), 40))
        .isEqualTo(
            "8fcc5a08f0a1f6827c9cf64ee8d16e0443106359ca6c8efd230759256f44996a703c7fa566b8308f");
  }
}
