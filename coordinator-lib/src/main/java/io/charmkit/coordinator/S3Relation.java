package io.charmkit.coordinator;

import io.charmkit.coordinator.s3.S3Readiness;
import io.charmkit.ops.model.Databag;
import io.charmkit.ops.model.Model;
import io.charmkit.ops.model.Relation;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The requirer side of the {@code s3} interface (PRODUCTS.md §1.4): the leader asks for a bucket in
 * its application bag, and the provider's application bag is read into an {@link S3Readiness}. The
 * s3 interface writes plain strings (not JSON), except {@code tls-ca-chain}, a JSON list.
 */
final class S3Relation {

  private S3Relation() {}

  /** Reads the (first) s3 relation: missing, not ready, or ready. */
  static S3Readiness read(Model model, String endpoint) {
    Optional<Relation> relation = first(model, endpoint);
    if (relation.isEmpty()) {
      return S3Readiness.MISSING;
    }
    Map<String, String> data = relation.get().remoteAppData().map(Databag::asMap).orElse(Map.of());
    return S3Readiness.read(data);
  }

  /**
   * Writes the {@code bucket} request, on the leader only, as the s3 library's requirer does on
   * relation-joined; {@code relation-<id>} when the charm names no bucket.
   */
  static void requestBucket(Model model, String endpoint, Optional<String> bucket) {
    if (!model.isLeader()) {
      return;
    }
    first(model, endpoint)
        .ifPresent(
            r -> r.localAppData().put("bucket", bucket.orElseGet(() -> "relation-" + r.id())));
  }

  private static Optional<Relation> first(Model model, String endpoint) {
    List<Relation> relations = model.relations(endpoint);
    return relations.isEmpty() ? Optional.empty() : Optional.of(relations.get(0));
  }
}
