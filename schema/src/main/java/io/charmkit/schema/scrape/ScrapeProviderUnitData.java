package io.charmkit.schema.scrape;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.charmkit.schema.codec.RawText;
import io.charmkit.schema.validation.DatabagValidationException;
import io.charmkit.schema.validation.ModelValidator;
import io.charmkit.schema.validation.Problem;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A provider unit's databag on a {@code prometheus_scrape} relation, as the library's {@code
 * _set_unit_ip} writes it: three raw strings (not JSON). The consumer scrapes {@code *:port}
 * targets at this address.
 *
 * @param address the unit's bind address on the relation (an IP), else its FQDN
 * @param path the path prefix of an external URL; {@code ""} (no key: Juju drops empty values)
 *     otherwise
 * @param name the unit's name
 */
@JsonPropertyOrder({
  "prometheus_scrape_unit_address",
  "prometheus_scrape_unit_path",
  "prometheus_scrape_unit_name"
})
public record ScrapeProviderUnitData(
    @JsonProperty("prometheus_scrape_unit_address") @RawText @NotBlank @Size(max = 255)
        String address,
    @JsonProperty("prometheus_scrape_unit_path") @RawText String path,
    @JsonProperty("prometheus_scrape_unit_name") @RawText @NotBlank String name) {

  /** The address key. */
  public static final String ADDRESS = "prometheus_scrape_unit_address";

  /** The path key. */
  public static final String PATH = "prometheus_scrape_unit_path";

  /** The unit-name key. */
  public static final String NAME = "prometheus_scrape_unit_name";

  /** Reads an absent path as {@code ""}, as the consumer does. */
  public ScrapeProviderUnitData {
    path = path == null ? "" : path;
  }

  /**
   * Returns the changes that write this bag: each value raw, the path deleted when empty.
   *
   * @return key to value ({@code ""} deletes)
   * @throws DatabagValidationException when a value breaks a constraint (a charm's bug)
   */
  public Map<String, String> toBag() {
    List<Problem> problems = ModelValidator.validate(this);
    if (!problems.isEmpty()) {
      throw new DatabagValidationException("cannot write ScrapeProviderUnitData", problems);
    }
    Map<String, String> bag = new LinkedHashMap<>();
    bag.put(ADDRESS, address);
    bag.put(PATH, path);
    bag.put(NAME, name);
    return bag;
  }

  /**
   * Reads and validates a unit bag.
   *
   * @param bag the unit's databag
   * @param location where the bag lives, for the message
   * @return the data
   * @throws DatabagValidationException naming every problem
   */
  public static ScrapeProviderUnitData read(Map<String, String> bag, String location) {
    ScrapeProviderUnitData data =
        new ScrapeProviderUnitData(bag.get(ADDRESS), bag.get(PATH), bag.get(NAME));
    List<Problem> problems = ModelValidator.validate(data);
    if (!problems.isEmpty()) {
      throw new DatabagValidationException(location, problems);
    }
    return data;
  }
}
