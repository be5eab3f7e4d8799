package io.charmkit.clustertesting;

import io.charmkit.testing.Relation;
import java.util.Map;

/**
 * A bucket an S3 provider (s3-integrator or the S3 stand-in) hands a coordinator under test: the
 * four fields of the {@code s3} interface's provider application databag that a coordinator needs.
 *
 * @param endpoint the S3 endpoint URL, e.g. {@code http://minio.cos.svc.cluster.local:9000}
 * @param bucket the bucket name
 * @param accessKey the access key
 * @param secretKey the secret key
 */
public record S3Bucket(String endpoint, String bucket, String accessKey, String secretKey) {

  /**
   * Returns the provider's application databag, keys as the provider writes them.
   *
   * @return the bag
   */
  public Map<String, String> providerData() {
    return Map.of(
        "endpoint", endpoint, "bucket", bucket, "access-key", accessKey, "secret-key", secretKey);
  }

  /**
   * Returns the coordinator's {@code s3} relation, id {@code id}, on which {@code provider} sent
   * this bucket.
   *
   * @param id the relation id
   * @param provider the provider application's name
   * @return the relation
   */
  public Relation relation(int id, String provider) {
    return Relation.of("s3").withId(id).withRemoteApp(provider).withRemoteAppData(providerData());
  }
}
