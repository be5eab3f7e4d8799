package io.charmkit.coordinator.s3;

import io.charmkit.coordinator.workload.WorkerFiles;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Object storage settings from a ready s3 relation (PRODUCTS.md §1.4).
 *
 * @param endpoint the endpoint as the relation gives it, with or without a scheme
 * @param bucket the bucket name
 * @param accessKey the access key ID
 * @param secretKey the secret access key
 * @param region the region, or {@code null} when the relation gives none
 * @param tlsCaChain the CA certificates (PEM) to trust for the endpoint; empty when none
 */
public record S3Config(
    String endpoint,
    String bucket,
    String accessKey,
    String secretKey,
    String region,
    List<String> tlsCaChain) {

  /** A URL scheme as Python's {@code urlparse} recognises one, followed by {@code ://}. */
  private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*)://");

  /** Copies the chain. */
  public S3Config {
    tlsCaChain = tlsCaChain == null ? List.of() : List.copyOf(tlsCaChain);
  }

  /**
   * Returns the endpoint's scheme, lower-cased.
   *
   * @return e.g. {@code https}; empty when the endpoint has none
   */
  public Optional<String> scheme() {
    Matcher m = SCHEME.matcher(endpoint);
    return m.find() ? Optional.of(m.group(1).toLowerCase(Locale.ROOT)) : Optional.empty();
  }

  /**
   * Returns the endpoint without its scheme, as every product wants it.
   *
   * @return e.g. {@code minio.example:9000}
   */
  public String host() {
    return SCHEME.matcher(endpoint).replaceFirst("");
  }

  /**
   * Tells whether the workload may talk to the endpoint without verifying TLS: true unless a CA
   * chain is given or the endpoint is {@code https} (cos-coordinated-workers #9, so that public CAs
   * work).
   *
   * @return {@code not (tls_ca_chain or scheme == "https")}
   */
  public boolean insecure() {
    return tlsCaChain.isEmpty() && !scheme().filter("https"::equals).isPresent();
  }

  /**
   * Returns where workers find the CA chain.
   *
   * @return {@link WorkerFiles#S3_CA_CHAIN} when a chain is given, else empty
   */
  public Optional<String> tlsCaPath() {
    return tlsCaChain.isEmpty() ? Optional.empty() : Optional.of(WorkerFiles.S3_CA_CHAIN);
  }

  /**
   * Returns the CA chain as sent to workers in {@code s3_tls_ca_chain}.
   *
   * @return the certificates joined by a blank line; empty when there are none
   */
  public Optional<String> caChainPem() {
    return tlsCaChain.isEmpty() ? Optional.empty() : Optional.of(String.join("\n\n", tlsCaChain));
  }

  /**
   * Returns the coordinator's drop-in dictionary, which each product maps onto its own keys: {@code
   * endpoint} (scheme stripped), {@code region}, {@code access_key_id}, {@code secret_access_key},
   * {@code bucket_name}, {@code insecure}, {@code tls_ca_path}. Absent values (no region, no CA
   * chain) are left out, as the products' dumps leave out nulls.
   *
   * @return the drop-in map, in that key order
   */
  public Map<String, Object> dropIn() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("endpoint", host());
    if (region != null) {
      out.put("region", region);
    }
    out.put("access_key_id", accessKey);
    out.put("secret_access_key", secretKey);
    out.put("bucket_name", bucket);
    out.put("insecure", insecure());
    tlsCaPath().ifPresent(path -> out.put("tls_ca_path", path));
    return out;
  }

  /** Keeps the secret key out of logs and exception messages. */
  @Override
  public String toString() {
    return "S3Config[endpoint="
        + endpoint
        + ", bucket="
        + bucket
        + ", accessKey="
        + accessKey
        + ", secretKey=***, region="
        + region
        + ", tlsCaChain="
        + tlsCaChain.size()
        + " certificate(s)]";
  }
}
