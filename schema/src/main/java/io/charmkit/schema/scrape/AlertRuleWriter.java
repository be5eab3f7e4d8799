package io.charmkit.schema.scrape;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes an {@link AlertRule} in its wire order (see there): the codecs sort map keys, which would
 * reorder a rule's labels, so the rule writes itself.
 */
public final class AlertRuleWriter extends StdSerializer<AlertRule> {
  private static final long serialVersionUID = 1L;

  /** Creates the writer (Jackson instantiates it from {@code @JsonSerialize}). */
  public AlertRuleWriter() {
    super(AlertRule.class);
  }

  @Override
  public void serialize(AlertRule rule, JsonGenerator gen, SerializerProvider provider)
      throws IOException {
    List<Object[]> fields = new ArrayList<>();
    fields.add(new Object[] {"alert", rule.alert()});
    fields.add(new Object[] {"record", rule.record()});
    fields.add(new Object[] {"expr", rule.expr()});
    fields.add(new Object[] {"for", rule.forDuration()});
    fields.add(new Object[] {"keep_firing_for", rule.keepFiringFor()});
    fields.add(new Object[] {"labels", rule.labels()});
    fields.add(new Object[] {"annotations", rule.annotations()});
    if (rule.sortedKeys()) {
      fields.sort((a, b) -> ((String) a[0]).compareTo((String) b[0]));
    }
    gen.writeStartObject();
    for (Object[] field : fields) {
      if (field[1] == null) {
        continue;
      }
      gen.writeFieldName((String) field[0]);
      if (field[1] instanceof Map<?, ?> map) {
        gen.writeStartObject();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
          gen.writeStringField((String) entry.getKey(), (String) entry.getValue());
        }
        gen.writeEndObject();
      } else {
        gen.writeString((String) field[1]);
      }
    }
    gen.writeEndObject();
  }
}
