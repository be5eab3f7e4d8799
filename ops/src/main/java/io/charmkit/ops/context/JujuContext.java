package io.charmkit.ops.context;

import io.charmkit.ops.hooktools.RelationRef;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything Juju tells a charm process through its environment (JUJU.md §2), parsed and checked.
 *
 * <p>Built once per dispatch by {@link #fromEnvironment(Map)}, which fails with a {@link
 * MissingContextException} naming the first variable that the event's kind requires but the
 * environment lacks. Optional variables become {@link Optional#empty()} rather than empty strings.
 *
 * @param dispatchPath the parsed {@code JUJU_DISPATCH_PATH}
 * @param unitName {@code JUJU_UNIT_NAME}, e.g. {@code myapp/0}
 * @param modelName {@code JUJU_MODEL_NAME}
 * @param modelUuid {@code JUJU_MODEL_UUID}
 * @param charmDir {@code JUJU_CHARM_DIR} (or legacy {@code CHARM_DIR}, or the working directory)
 * @param jujuVersion {@code JUJU_VERSION}, {@code 0.0.0} when unset
 * @param relation the relation of a relation event ({@code JUJU_RELATION} and {@code
 *     JUJU_RELATION_ID})
 * @param remoteApp {@code JUJU_REMOTE_APP}
 * @param remoteUnit {@code JUJU_REMOTE_UNIT} (empty for created, broken and app-level changes)
 * @param departingUnit {@code JUJU_DEPARTING_UNIT}
 * @param workloadName {@code JUJU_WORKLOAD_NAME}: the container of a Pebble event
 * @param noticeId {@code JUJU_NOTICE_ID}
 * @param noticeType {@code JUJU_NOTICE_TYPE}
 * @param noticeKey {@code JUJU_NOTICE_KEY}
 * @param pebbleCheckName {@code JUJU_PEBBLE_CHECK_NAME}
 * @param secretId {@code JUJU_SECRET_ID}
 * @param secretLabel {@code JUJU_SECRET_LABEL}
 * @param secretRevision {@code JUJU_SECRET_REVISION}
 * @param storageId {@code JUJU_STORAGE_ID}, e.g. {@code data/0}
 * @param storageLocation {@code JUJU_STORAGE_LOCATION}
 * @param actionName {@code JUJU_ACTION_NAME}
 * @param actionUuid {@code JUJU_ACTION_UUID}
 * @param debug whether {@code JUJU_DEBUG} is present
 * @param debugAt {@code JUJU_DEBUG_AT}, split at commas
 * @param availabilityZone {@code JUJU_AVAILABILITY_ZONE}
 * @param principalUnit {@code JUJU_PRINCIPAL_UNIT}
 * @param machineId {@code JUJU_MACHINE_ID}
 */
public record JujuContext(
    DispatchPath dispatchPath,
    String unitName,
    String modelName,
    String modelUuid,
    Path charmDir,
    String jujuVersion,
    Optional<RelationRef> relation,
    Optional<String> remoteApp,
    Optional<String> remoteUnit,
    Optional<String> departingUnit,
    Optional<String> workloadName,
    Optional<String> noticeId,
    Optional<String> noticeType,
    Optional<String> noticeKey,
    Optional<String> pebbleCheckName,
    Optional<String> secretId,
    Optional<String> secretLabel,
    Optional<Integer> secretRevision,
    Optional<String> storageId,
    Optional<String> storageLocation,
    Optional<String> actionName,
    Optional<String> actionUuid,
    boolean debug,
    List<String> debugAt,
    Optional<String> availabilityZone,
    Optional<String> principalUnit,
    Optional<String> machineId) {

  /** The application name: the part of the unit name before {@code /}. */
  public String appName() {
    int slash = unitName.indexOf('/');
    return slash < 0 ? unitName : unitName.substring(0, slash);
  }

  /** The event family. */
  public EventKind kind() {
    return dispatchPath.kind();
  }

  /**
   * Whether this dispatch runs in one of Juju's restricted contexts ({@code collect-metrics},
   * {@code meter-status-changed}), where deferred events are not re-emitted and status is not
   * collected.
   */
  public boolean restricted() {
    String name = dispatchPath.juju();
    return !dispatchPath.action()
        && (name.equals("collect-metrics") || name.equals("meter-status-changed"));
  }

  /**
   * Parses the environment Juju built for this process.
   *
   * <p>{@code JUJU_DISPATCH_PATH}, {@code JUJU_UNIT_NAME}, {@code JUJU_MODEL_NAME} and {@code
   * JUJU_MODEL_UUID} are always required. Relation events also need {@code JUJU_RELATION}, {@code
   * JUJU_RELATION_ID} and {@code JUJU_REMOTE_APP}; joined, changed and departed need {@code
   * JUJU_REMOTE_UNIT}, except that an application-level relation-changed has none; departed needs
   * {@code JUJU_DEPARTING_UNIT}. Pebble events need {@code JUJU_WORKLOAD_NAME} (and the notice or
   * check variables), secret events {@code JUJU_SECRET_ID}, storage events {@code JUJU_STORAGE_ID},
   * actions {@code JUJU_ACTION_NAME}.
   *
   * @throws MissingContextException naming the first missing variable
   * @throws IllegalArgumentException when a variable is present but malformed
   */
  public static JujuContext fromEnvironment(Map<String, String> env) {
    Reader r = new Reader(env);
    String path = r.required("JUJU_DISPATCH_PATH", "every hook and action");
    DispatchPath dispatch = DispatchPath.parse(path);
    EventKind kind = dispatch.kind();
    String what = "the " + dispatch.juju() + (dispatch.action() ? " action" : " hook");

    String unit = r.required("JUJU_UNIT_NAME", "every hook and action");
    String model = r.required("JUJU_MODEL_NAME", "every hook and action");
    String uuid = r.required("JUJU_MODEL_UUID", "every hook and action");
    Path charmDir =
        Path.of(
            r.optional("JUJU_CHARM_DIR")
                .or(() -> r.optional("CHARM_DIR"))
                .orElse(System.getProperty("user.dir")));

    Optional<RelationRef> relation = Optional.empty();
    Optional<String> remoteApp = r.optional("JUJU_REMOTE_APP");
    Optional<String> remoteUnit = r.optional("JUJU_REMOTE_UNIT");
    Optional<String> departing = r.optional("JUJU_DEPARTING_UNIT");
    if (kind.isRelation()) {
      String endpoint = r.required("JUJU_RELATION", what);
      String idText = r.required("JUJU_RELATION_ID", what);
      RelationRef parsed;
      try {
        parsed = RelationRef.parse(idText);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "JUJU_RELATION_ID is '" + idText + "', which names no relation id", e);
      }
      relation = Optional.of(RelationRef.of(endpoint, parsed.id()));
      remoteApp = Optional.of(r.required("JUJU_REMOTE_APP", what));
      if (kind == EventKind.RELATION_JOINED || kind == EventKind.RELATION_DEPARTED) {
        remoteUnit = Optional.of(r.required("JUJU_REMOTE_UNIT", what));
      }
      if (kind == EventKind.RELATION_DEPARTED) {
        departing = Optional.of(r.required("JUJU_DEPARTING_UNIT", what));
      }
    }

    Optional<String> workload = r.optional("JUJU_WORKLOAD_NAME");
    Optional<String> noticeId = r.optional("JUJU_NOTICE_ID");
    Optional<String> noticeType = r.optional("JUJU_NOTICE_TYPE");
    Optional<String> noticeKey = r.optional("JUJU_NOTICE_KEY");
    Optional<String> checkName = r.optional("JUJU_PEBBLE_CHECK_NAME");
    if (kind.isWorkload()) {
      workload = Optional.of(r.required("JUJU_WORKLOAD_NAME", what));
    }
    if (kind == EventKind.PEBBLE_CUSTOM_NOTICE) {
      noticeId = Optional.of(r.required("JUJU_NOTICE_ID", what));
      noticeType = Optional.of(r.required("JUJU_NOTICE_TYPE", what));
      noticeKey = Optional.of(r.required("JUJU_NOTICE_KEY", what));
    }
    if (kind == EventKind.PEBBLE_CHECK_FAILED || kind == EventKind.PEBBLE_CHECK_RECOVERED) {
      checkName = Optional.of(r.required("JUJU_PEBBLE_CHECK_NAME", what));
    }

    Optional<String> secretId = r.optional("JUJU_SECRET_ID");
    if (kind.isSecret()) {
      secretId = Optional.of(r.required("JUJU_SECRET_ID", what));
    }
    Optional<Integer> secretRevision = r.integer("JUJU_SECRET_REVISION");

    Optional<String> storageId = r.optional("JUJU_STORAGE_ID");
    if (kind.isStorage()) {
      storageId = Optional.of(r.required("JUJU_STORAGE_ID", what));
    }

    Optional<String> actionName = r.optional("JUJU_ACTION_NAME");
    if (kind == EventKind.ACTION) {
      actionName = Optional.of(r.required("JUJU_ACTION_NAME", what));
    }

    List<String> debugAt =
        r.optional("JUJU_DEBUG_AT")
            .map(v -> Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()))
            .map(s -> s.toList())
            .orElse(List.of());

    return new JujuContext(
        dispatch,
        unit,
        model,
        uuid,
        charmDir,
        r.optional("JUJU_VERSION").orElse("0.0.0"),
        relation,
        remoteApp,
        remoteUnit,
        departing,
        workload,
        noticeId,
        noticeType,
        noticeKey,
        checkName,
        secretId,
        r.optional("JUJU_SECRET_LABEL"),
        secretRevision,
        storageId,
        r.optional("JUJU_STORAGE_LOCATION"),
        actionName,
        r.optional("JUJU_ACTION_UUID"),
        env.containsKey("JUJU_DEBUG"),
        debugAt,
        r.optional("JUJU_AVAILABILITY_ZONE"),
        r.optional("JUJU_PRINCIPAL_UNIT"),
        r.optional("JUJU_MACHINE_ID"));
  }

  /** Reads variables, treating empty values as absent (Juju sets some to empty strings). */
  private record Reader(Map<String, String> env) {
    Optional<String> optional(String name) {
      String value = env.get(name);
      return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    String required(String name, String what) {
      return optional(name).orElseThrow(() -> new MissingContextException(name, what));
    }

    Optional<Integer> integer(String name) {
      return optional(name)
          .map(
              v -> {
                try {
                  return Integer.valueOf(v.trim());
                } catch (NumberFormatException e) {
                  throw new IllegalArgumentException(
                      name + " is '" + v + "', which is not a number", e);
                }
              });
    }
  }
}
