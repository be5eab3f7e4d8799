package io.charmkit.interfaces.certificates;

import io.charmkit.interfaces.RemoteDataProblem;
import io.charmkit.ops.hooktools.SecretNotFoundException;
import io.charmkit.ops.hooktools.SecretOptions;
import io.charmkit.ops.model.Application;
import io.charmkit.ops.model.Databag;
import io.charmkit.ops.model.Model;
import io.charmkit.ops.model.Relation;
import io.charmkit.ops.model.Secret;
import io.charmkit.schema.certificates.CertificateSigningRequest;
import io.charmkit.schema.certificates.ProvidedCertificate;
import io.charmkit.schema.certificates.ProviderCertificatesData;
import io.charmkit.schema.certificates.RequirerCertificatesData;
import io.charmkit.schema.validation.DatabagValidationException;
import io.charmkit.schema.validation.Problem;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The requirer side of {@code tls-certificates}, as the charm library {@code tls_certificates} v4
 * behaves in unit mode: each unit has its own key, request and certificate.
 *
 * <p><b>Key.</b> An RSA 2048 key, generated on the unit the first time a certificates relation
 * exists, kept in a Juju secret owned by the unit, content key {@code private-key}, label {@code
 * afd8c2bccf834997afce12c2706d2ede-private-key-<unit number>-<endpoint>} (the library's label,
 * which the cluster interface relies on to hand the key to workers, WIRE.md §3.5). It never enters
 * a databag or a log.
 *
 * <p><b>Request.</b> The unit's bag holds {@code certificate_signing_requests}: a PKCS#10 request
 * for the {@link CertificateRequest} the charm supplies (common name, DNS names, a random unique
 * identifier as the library adds). When the wanted names change, a new request is sent; the
 * certificate of the old one is served until the new one is signed, then the old request is
 * dropped.
 *
 * <p><b>Renewal and revocation.</b> Once 90% of a certificate's validity has passed (the library's
 * default {@code renewal_relative_time}), a new request is sent beside the current one; the current
 * certificate is served until its successor arrives. Dates are compared on every dispatch that
 * asks, so {@code update-status} suffices; the new request is a write, so the steady-state fast
 * path never records such a dispatch as quiet. A certificate the provider marks {@code revoked} is
 * no longer served and its request is replaced by a new one. An expired certificate is not served.
 *
 * <p><b>Bad remote data</b> (a bag that does not decode, a certificate, CA or chain entry that is
 * not PEM, a certificate for another key) is reported through {@link #problems()}, naming the
 * relation, the provider application and the field; that certificate is not served, and nothing
 * fails the hook.
 *
 * <p>Everything is decided once, on the first call of {@link #assigned()} or {@link #problems()},
 * and read through the model (hook tools), so a steady-state fast path sees every input.
 */
public final class CertificatesRequirer {
  private static final Logger LOG = LoggerFactory.getLogger(CertificatesRequirer.class);

  /** The v4 library's identifier, the prefix of its secret labels. */
  public static final String LIBRARY_ID = "afd8c2bccf834997afce12c2706d2ede";

  /** The key secret's content key. */
  public static final String PRIVATE_KEY = "private-key";

  /** The fraction of a certificate's validity after which it is renewed. */
  static final double RENEWAL_FRACTION = 0.9;

  private final Model model;
  private final String endpoint;
  private final Supplier<CertificateRequest> request;
  private final Clock clock;
  private Outcome outcome;

  /** What one dispatch decided. */
  private record Outcome(
      Optional<AssignedCertificate> assigned, List<RemoteDataProblem> problems) {}

  /** One of this unit's requests that the provider answered with a usable certificate. */
  private record Answered(
      String request, boolean wanted, AssignedCertificate assigned, Instant renewAt) {}

  /**
   * Creates the requirer of one endpoint.
   *
   * @param model the dispatch's model
   * @param endpoint the endpoint, e.g. {@code certificates}; an endpoint the charm does not declare
   *     is treated as one without a relation
   * @param request what to request; asked only when a relation exists
   * @param clock the time renewal and expiry are judged by
   */
  public CertificatesRequirer(
      Model model, String endpoint, Supplier<CertificateRequest> request, Clock clock) {
    this.model = Objects.requireNonNull(model, "model");
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    this.request = Objects.requireNonNull(request, "request");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Returns the label of this unit's key secret.
   *
   * @param unitNumber the unit's number
   * @param endpoint the certificates endpoint
   * @return {@code afd8c2bccf834997afce12c2706d2ede-private-key-<unit number>-<endpoint>}
   */
  public static String keySecretLabel(int unitNumber, String endpoint) {
    return LIBRARY_ID + "-private-key-" + unitNumber + "-" + endpoint;
  }

  /**
   * Returns the certificate signed for this unit, after syncing the key and the request.
   *
   * @return the certificate; empty without a relation, while the provider has not answered, or when
   *     its answer is unusable (see {@link #problems()})
   */
  public Optional<AssignedCertificate> assigned() {
    return outcome().assigned();
  }

  /**
   * Returns what is wrong with the provider's data, for a status.
   *
   * @return the problems, each naming the relation, the provider and the field; empty when none
   */
  public List<RemoteDataProblem> problems() {
    return outcome().problems();
  }

  private Outcome outcome() {
    if (outcome == null) {
      outcome = sync();
    }
    return outcome;
  }

  private Outcome sync() {
    if (model.metadata().endpoint(endpoint).isEmpty()) {
      return new Outcome(Optional.empty(), List.of());
    }
    Optional<Relation> found = model.relation(endpoint);
    if (found.isEmpty()) {
      return new Outcome(Optional.empty(), List.of());
    }
    Relation relation = found.get();
    Key key = ensureKey();
    CertificateRequest wanted = request.get();
    Databag own = relation.localUnitData();
    List<String> requested = ownRequests(own);
    List<RemoteDataProblem> problems = new ArrayList<>();
    List<ProvidedCertificate> issued = issued(relation, problems);
    Instant now = clock.instant();

    List<Answered> answered = new ArrayList<>();
    List<String> pending = new ArrayList<>();
    for (String pem : requested) {
      Optional<Pkix.RequestFacts> facts = Pkix.readRequest(pem);
      if (facts.isEmpty() || !facts.get().sameKey(key.pair())) {
        continue; // not made with the current key: dropped
      }
      boolean isWanted = facts.get().asks(wanted);
      int index = indexOf(issued, pem);
      if (index < 0) {
        if (isWanted) {
          pending.add(pem);
        }
        continue;
      }
      ProvidedCertificate entry = issued.get(index);
      if (entry.wasRevoked()) {
        LOG.info("the provider revoked the certificate of {}; requesting a new one", endpoint);
        continue;
      }
      int known = problems.size();
      Optional<Answered> usable = usable(relation, index, entry, pem, isWanted, key, now, problems);
      if (usable.isPresent()) {
        answered.add(usable.get());
      } else if (isWanted && problems.size() > known) {
        pending.add(pem); // a bad answer: wait for a better one rather than asking again
      }
    }

    Comparator<Answered> newest = Comparator.comparing(a -> a.assigned().notAfter());
    Optional<Answered> chosen =
        answered.stream()
            .filter(Answered::wanted)
            .max(newest)
            .or(() -> answered.stream().max(newest));
    List<String> keep = new ArrayList<>();
    chosen.ifPresent(a -> keep.add(a.request()));
    boolean settled =
        chosen.isPresent() && chosen.get().wanted() && now.isBefore(chosen.get().renewAt());
    if (!settled) {
      pending.stream().filter(p -> !keep.contains(p)).forEach(keep::add);
      if (pending.isEmpty()) {
        keep.add(Pkix.request(key.pair(), wanted));
        LOG.info("requested a certificate for {} on {}", wanted.commonName(), endpoint);
      }
    }
    if (!keep.equals(requested)) {
      own.putAll(
          RequirerCertificatesData.CODEC.write(
              new RequirerCertificatesData(
                  keep.stream().map(p -> new CertificateSigningRequest(p, false)).toList())));
    }
    return new Outcome(chosen.map(a -> a.assigned().withKey(key.pem())), List.copyOf(problems));
  }

  /** The unit's key, as PEM and as a pair. */
  private record Key(String pem, KeyPair pair) {}

  private Key ensureKey() {
    String label = keySecretLabel(model.unit().number(), endpoint);
    Secret secret;
    try {
      secret = model.secretByLabel(label);
    } catch (SecretNotFoundException e) {
      String pem = Pkix.generateKey();
      model
          .unit()
          .addSecret(Map.of(PRIVATE_KEY, pem), SecretOptions.application().withLabel(label));
      LOG.info("generated this unit's private key for {}", endpoint);
      return new Key(pem, Pkix.readKey(pem).orElseThrow());
    }
    String pem = secret.content().get(PRIVATE_KEY);
    Optional<KeyPair> pair = Pkix.readKey(pem);
    if (pair.isPresent()) {
      return new Key(pem, pair.get());
    }
    // Only this unit writes the secret; a key it cannot read is replaced, not trusted.
    LOG.warn("the key secret of {} holds no readable key; generating a new one", endpoint);
    String fresh = Pkix.generateKey();
    secret.setContent(Map.of(PRIVATE_KEY, fresh));
    return new Key(fresh, Pkix.readKey(fresh).orElseThrow());
  }

  private static List<String> ownRequests(Databag own) {
    try {
      return RequirerCertificatesData.CODEC.read(own.asMap(), "").requests().stream()
          .map(CertificateSigningRequest::certificateSigningRequest)
          .toList();
    } catch (DatabagValidationException e) {
      // Our own bag: whatever is there is replaced by what we request now.
      LOG.warn("this unit's certificate requests could not be read; sending them again");
      return List.of();
    }
  }

  private List<ProvidedCertificate> issued(Relation relation, List<RemoteDataProblem> problems) {
    Optional<Application> provider = relation.app();
    if (provider.isEmpty()) {
      return List.of();
    }
    String owner = provider.get().name();
    try {
      return ProviderCertificatesData.CODEC
          .read(
              relation.data(provider.get()).asMap(),
              RemoteDataProblem.location(relation, owner, true))
          .issued();
    } catch (DatabagValidationException e) {
      LOG.warn("{}", e.getMessage());
      problems.add(new RemoteDataProblem(endpoint, relation.id(), owner, true, e.problems()));
      return List.of();
    }
  }

  private static int indexOf(List<ProvidedCertificate> issued, String request) {
    String wanted = request.strip();
    for (int i = 0; i < issued.size(); i++) {
      if (issued.get(i).certificateSigningRequest().strip().equals(wanted)) {
        return i;
      }
    }
    return -1;
  }

  private Optional<Answered> usable(
      Relation relation,
      int index,
      ProvidedCertificate entry,
      String request,
      boolean wanted,
      Key key,
      Instant now,
      List<RemoteDataProblem> problems) {
    String path = "certificates[" + index + "]";
    List<Problem> found = new ArrayList<>();
    X509Certificate certificate = read(entry.certificate(), path + ".certificate", found);
    read(entry.ca(), path + ".ca", found);
    List<String> chain = entry.chain() == null ? List.of() : entry.chain();
    for (int i = 0; i < chain.size(); i++) {
      read(chain.get(i), path + ".chain[" + i + "]", found);
    }
    if (certificate != null
        && !Arrays.equals(
            certificate.getPublicKey().getEncoded(), key.pair().getPublic().getEncoded())) {
      found.add(new Problem(path + ".certificate", "is not for the key of the request it answers"));
    }
    if (!found.isEmpty()) {
      String owner = relation.app().map(Application::name).orElse("?");
      RemoteDataProblem problem =
          new RemoteDataProblem(endpoint, relation.id(), owner, true, found);
      LOG.warn("{}", problem.message());
      problems.add(problem);
      return Optional.empty();
    }
    Instant notBefore = certificate.getNotBefore().toInstant();
    Instant notAfter = certificate.getNotAfter().toInstant();
    if (!now.isBefore(notAfter)) {
      LOG.info("the certificate of {} expired at {}", endpoint, notAfter);
      return Optional.empty();
    }
    long validity = Duration.between(notBefore, notAfter).toMillis();
    Instant renewAt = notBefore.plusMillis((long) (validity * RENEWAL_FRACTION));
    return Optional.of(
        new Answered(
            request,
            wanted,
            new AssignedCertificate(entry.certificate(), entry.ca(), chain, "-", notAfter),
            renewAt));
  }

  private static X509Certificate read(String pem, String path, List<Problem> found) {
    try {
      return Pkix.readCertificate(pem);
    } catch (IllegalArgumentException e) {
      found.add(new Problem(path, e.getMessage()));
      return null;
    }
  }
}
