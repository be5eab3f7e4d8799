package io.charmkit.schema.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.util.Map;

/**
 * Writes a string map in its own iteration order, where the codecs otherwise sort map keys. For
 * maps whose order a Python writer takes from a file (an alert rule's {@code labels}, which the
 * library extends by appending the topology labels): sorting them would change the bytes. Such maps
 * are read into insertion-ordered maps, so what is read is written back unchanged.
 */
public final class InsertionOrder extends StdSerializer<Map<String, String>> {
  private static final long serialVersionUID = 1L;

  /** Creates the serializer (Jackson instantiates it from {@code @JsonSerialize}). */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public InsertionOrder() {
    super((Class<Map<String, String>>) (Class) Map.class);
  }

  @Override
  public void serialize(Map<String, String> value, JsonGenerator gen, SerializerProvider provider)
      throws IOException {
    gen.writeStartObject();
    for (Map.Entry<String, String> entry : value.entrySet()) {
      gen.writeFieldName(entry.getKey());
      if (entry.getValue() == null) {
        gen.writeNull();
      } else {
        gen.writeString(entry.getValue());
      }
    }
    gen.writeEndObject();
  }
}
