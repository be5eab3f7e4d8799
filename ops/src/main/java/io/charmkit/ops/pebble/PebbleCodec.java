package io.charmkit.ops.pebble;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * The JSON and YAML mappers the client uses. Held in a lazily initialised class so that creating a
 * client loads no Jackson machinery.
 */
final class PebbleCodec {
  /** JSON for envelopes and request bodies; tolerant of fields newer Pebble versions add. */
  static final ObjectMapper JSON =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  /** YAML for layers (sent) and plans (received), written the way Python's yaml.safe_dump does. */
  static final YAMLMapper YAML =
      YAMLMapper.builder()
          .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
          .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
          // "1.10" or "8080" must reach Pebble as strings, not as numbers that YAML may reshape.
          .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  private PebbleCodec() {}
}
