package io.charmkit.interfaces.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.charmkit.schema.codec.JsonStyle;
import io.charmkit.schema.codec.JsonWriter;
import io.charmkit.schema.dashboard.DashboardTemplate;
import io.charmkit.schema.dashboard.DashboardTopology;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a charm's packaged dashboards as the {@code grafana_dashboard} library's {@code
 * load_dashboards_from_dir} does: every file of the directory (not its sub-directories) whose name
 * ends in {@code .json}, {@code .json.tmpl} or {@code .tmpl}, keyed {@code file:<stem>}. Each
 * dashboard's {@code uid} is replaced by a 40-hex-digit one derived from the charm's name and the
 * file's path in the charm (unless it already has that form), a {@code charm: <name>} tag is added
 * when it has none, and the dashboard is re-serialised as Python's {@code json.dumps} writes it
 * before being compressed. A file that is not a JSON object is logged and skipped.
 */
public final class DashboardFiles {
  private static final Logger LOG = LoggerFactory.getLogger(DashboardFiles.class);
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
  private static final Pattern PATH40 = Pattern.compile("[0-9a-fA-F]{40}");
  private static final List<String> SUFFIXES = List.of(".json", ".json.tmpl", ".tmpl");

  private DashboardFiles() {}

  /**
   * One dashboard, before compression.
   *
   * @param id {@code file:<stem>}
   * @param json the dashboard as Python's {@code json.dumps} writes it, UID and tag set
   */
  public record Dashboard(String id, String json) {}

  /**
   * Reads the dashboards of a directory.
   *
   * @param charmDir the charm's root, which the UIDs' paths are relative to
   * @param dir the dashboards directory; a missing one holds none
   * @param charmName the charm's metadata name
   * @return the dashboards by id
   */
  public static SortedMap<String, Dashboard> read(Path charmDir, Path dir, String charmName) {
    SortedMap<String, Dashboard> out = new TreeMap<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    List<Path> files;
    try (Stream<Path> list = Files.list(dir)) {
      files =
          list.filter(Files::isRegularFile)
              .filter(p -> SUFFIXES.stream().anyMatch(s -> p.getFileName().toString().endsWith(s)))
              .sorted()
              .toList();
    } catch (IOException e) {
      LOG.error("cannot list the dashboards in {}: {}", dir, e.getMessage());
      return out;
    }
    for (Path file : files) {
      String name = file.getFileName().toString();
      JsonNode dashboard;
      try {
        dashboard = JSON.readTree(Files.readString(file));
      } catch (IOException e) {
        LOG.error("Failed to load dashboard '{}': {}", file, firstLine(e));
        continue;
      }
      if (!(dashboard instanceof ObjectNode object)) {
        LOG.error("Invalid dashboard '{}': expected an object", file);
        continue;
      }
      String relative = file.isAbsolute() ? charmDir.relativize(file).toString() : file.toString();
      JsonNode uid = object.get("uid");
      if (uid == null || !uid.isTextual() || !PATH40.matcher(uid.textValue()).matches()) {
        object.put("uid", Shake256.hexdigest(charmName + "-" + relative, 20));
      }
      tag(object, charmName);
      String stem = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
      String id = "file:" + stem;
      out.put(id, new Dashboard(id, JsonWriter.write(object, JsonStyle.PYTHON)));
    }
    return out;
  }

  /**
   * Returns the template the library sends for a dashboard.
   *
   * @param dashboard the dashboard
   * @param charmName the charm's metadata name
   * @param topology the provider's topology (the library's {@code _juju_topology})
   * @param content the dashboard, compressed and encoded
   * @return the template, with topology dropdowns on
   */
  public static DashboardTemplate template(
      Dashboard dashboard, String charmName, DashboardTopology topology, String content) {
    return new DashboardTemplate(
        charmName, content, topology, true, altUid(charmName, dashboard.id()));
  }

  /**
   * Returns the library's {@code dashboard_alt_uid}: 16 hex digits of SHAKE256 of {@code
   * <charm>-<id>}.
   *
   * @param charmName the charm's metadata name
   * @param id the dashboard's id
   * @return the alternative UID
   */
  public static String altUid(String charmName, String id) {
    return Shake256.hexdigest(charmName + "-" + id, 8);
  }

  private static void tag(ObjectNode dashboard, String charmName) {
    JsonNode tags = dashboard.get("tags");
    ArrayNode list;
    if (tags instanceof ArrayNode array) {
      list = array;
    } else {
      list = dashboard.putArray("tags");
    }
    for (JsonNode tag : list) {
      if (tag.isTextual() && tag.textValue().startsWith("charm: ")) {
        return;
      }
    }
    list.add("charm: " + charmName);
  }

  private static String firstLine(Exception e) {
    String message =
        e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
    if (message == null) {
      return "unreadable";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
