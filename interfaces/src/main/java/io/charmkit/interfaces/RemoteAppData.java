package io.charmkit.interfaces;

import io.charmkit.ops.model.Application;
import io.charmkit.ops.model.Relation;
import io.charmkit.schema.codec.DatabagCodec;
import io.charmkit.schema.validation.DatabagValidationException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads the remote application's bag of a relation into a model, at the boundary: data that is not
 * there yet is "not sent", data that does not validate is rejected with a {@link RemoteDataProblem}
 * and treated as not sent. Nothing a remote application writes makes this throw.
 */
public final class RemoteAppData {

  private RemoteAppData() {}

  /**
   * Reads the remote application's bag.
   *
   * @param relation the relation
   * @param codec the bag's model
   * @param rejected told of a bag that holds some of the model's keys but does not validate
   * @param <T> the model type
   * @return the model; empty when the relation has no remote application yet, the bag holds none of
   *     the model's keys, or it was rejected
   */
  public static <T extends Record> Optional<T> read(
      Relation relation, DatabagCodec<T> codec, Consumer<RemoteDataProblem> rejected) {
    Optional<Application> app = relation.app();
    if (app.isEmpty()) {
      return Optional.empty();
    }
    Map<String, String> bag = relation.data(app.get()).asMap();
    if (codec.keys().stream().noneMatch(bag::containsKey)) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          codec.read(bag, RemoteDataProblem.location(relation, app.get().name(), true)));
    } catch (DatabagValidationException e) {
      rejected.accept(
          new RemoteDataProblem(
              relation.name(), relation.id(), app.get().name(), true, e.problems()));
      return Optional.empty();
    }
  }
}
