package io.charmkit.testing;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One relation in a {@link State}: an endpoint of this charm, its id, the remote application and
 * units, and every databag as this unit sees it.
 *
 * <p>For a peer relation ({@link #peer(String)}) the remote application is this charm's own, the
 * application bag is {@link #localAppData()} (readable by every unit, written by the leader) and
 * {@link #remoteUnitsData()} holds the other units of this application.
 *
 * <p>Juju puts {@code private-address}, {@code ingress-address} and {@code egress-subnets} into
 * every unit bag; they are filled in here too unless a test sets them.
 *
 * @param endpoint the local endpoint name, as in {@code metadata.yaml}
 * @param id the relation id
 * @param isPeer whether this is a peer relation
 * @param remoteApp the remote application's name (ignored for peers)
 * @param localAppData this application's bag
 * @param localUnitData this unit's bag
 * @param remoteAppData the remote application's bag (unused for peers)
 * @param remoteUnitsData the remote units' bags by unit number (for peers: the other units)
 */
public record Relation(
    String endpoint,
    int id,
    boolean isPeer,
    String remoteApp,
    Map<String, String> localAppData,
    Map<String, String> localUnitData,
    Map<String, String> remoteAppData,
    Map<Integer, Map<String, String>> remoteUnitsData) {

  private static final AtomicInteger NEXT_ID = new AtomicInteger(1);

  /** The keys Juju writes into every unit bag, with the default test network's address. */
  public static final Map<String, String> JUJU_UNIT_DATA =
      Map.of(
          "egress-subnets", Network.DEFAULT_CIDR,
          "ingress-address", Network.DEFAULT_ADDRESS,
          "private-address", Network.DEFAULT_ADDRESS);

  /** Copies every bag (sorted by key) and fills in Juju's unit keys. */
  public Relation {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(remoteApp, "remoteApp");
    localAppData = bag(localAppData);
    localUnitData = unitBag(localUnitData);
    remoteAppData = bag(remoteAppData);
    Map<Integer, Map<String, String>> units = new TreeMap<>();
    remoteUnitsData.forEach((n, data) -> units.put(n, unitBag(data)));
    remoteUnitsData = Collections.unmodifiableMap(units);
  }

  /**
   * A regular relation on {@code endpoint} with a fresh id, the remote application {@code remote}
   * and one remote unit, {@code remote/0}, with empty bags.
   */
  public static Relation of(String endpoint) {
    return new Relation(
        endpoint,
        NEXT_ID.getAndIncrement(),
        false,
        "remote",
        Map.of(),
        Map.of(),
        Map.of(),
        Map.of(0, Map.of()));
  }

  /** A peer relation on {@code endpoint} with a fresh id and no other units. */
  public static Relation peer(String endpoint) {
    return new Relation(
        endpoint, NEXT_ID.getAndIncrement(), true, "", Map.of(), Map.of(), Map.of(), Map.of());
  }

  /** This relation with another id. */
  public Relation withId(int newId) {
    return new Relation(
        endpoint,
        newId,
        isPeer,
        remoteApp,
        localAppData,
        localUnitData,
        remoteAppData,
        remoteUnitsData);
  }

  /** This relation with another remote application name. */
  public Relation withRemoteApp(String name) {
    return new Relation(
        endpoint, id, isPeer, name, localAppData, localUnitData, remoteAppData, remoteUnitsData);
  }

  /** This relation with this application's bag replaced. */
  public Relation withLocalAppData(Map<String, String> data) {
    return new Relation(
        endpoint, id, isPeer, remoteApp, data, localUnitData, remoteAppData, remoteUnitsData);
  }

  /** This relation with this unit's bag replaced (Juju's address keys are kept unless given). */
  public Relation withLocalUnitData(Map<String, String> data) {
    return new Relation(
        endpoint, id, isPeer, remoteApp, localAppData, data, remoteAppData, remoteUnitsData);
  }

  /** This relation with the remote application's bag replaced. */
  public Relation withRemoteAppData(Map<String, String> data) {
    return new Relation(
        endpoint, id, isPeer, remoteApp, localAppData, localUnitData, data, remoteUnitsData);
  }

  /** This relation with the remote units (by number) and their bags replaced. */
  public Relation withRemoteUnitsData(Map<Integer, Map<String, String>> data) {
    return new Relation(
        endpoint, id, isPeer, remoteApp, localAppData, localUnitData, remoteAppData, data);
  }

  /** This relation with one more remote unit (or one replaced), number {@code unit}. */
  public Relation withRemoteUnit(int unit, Map<String, String> data) {
    Map<Integer, Map<String, String>> units = new LinkedHashMap<>(remoteUnitsData);
    units.put(unit, data);
    return withRemoteUnitsData(units);
  }

  /** The reference the hook tools use: {@code <endpoint>:<id>}. */
  public String ref() {
    return endpoint + ":" + id;
  }

  private static Map<String, String> bag(Map<String, String> data) {
    Objects.requireNonNull(data, "databag");
    data.forEach(
        (k, v) -> {
          if (k == null || v == null) {
            throw new IllegalArgumentException(
                "databag keys and values must be non-null strings, got " + k + "=" + v);
          }
        });
    return Collections.unmodifiableMap(new TreeMap<>(data));
  }

  private static Map<String, String> unitBag(Map<String, String> data) {
    Map<String, String> merged = new TreeMap<>(JUJU_UNIT_DATA);
    merged.putAll(bag(data));
    return Collections.unmodifiableMap(merged);
  }
}
