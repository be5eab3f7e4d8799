package io.charmkit.interfaces.certificates;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.charmkit.interfaces.RemoteDataProblem;
import io.charmkit.interfaces.support.TestModel;
import io.charmkit.ops.Charm;
import io.charmkit.ops.framework.Framework;
import io.charmkit.schema.certificates.ProvidedCertificate;
import io.charmkit.schema.certificates.ProviderCertificatesData;
import io.charmkit.testing.Event;
import io.charmkit.testing.Outcome;
import io.charmkit.testing.Relation;
import io.charmkit.testing.Secret;
import io.charmkit.testing.State;
import java.io.StringReader;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** State-transition tests of the tls-certificates requirer: state in, one hook, state out. */
class CertificatesRequirerTest {
  private static final String METADATA =
      """
      name: tempo-coordinator-k8s
      requires:
        certificates:
          interface: tls-certificates
          limit: 1
      """;
  private static final String LABEL = "afd8c2bccf834997afce12c2706d2ede-private-key-0-certificates";
  private static final int ID = 7;
  private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
  private static final Instant ISSUED = Instant.parse("2026-05-01T00:00:00Z");
  private static final Instant EXPIRES = Instant.parse("2026-08-01T00:00:00Z");
  private static final List<String> SANS =
      List.of("tempo-0.tempo-endpoints.cos.svc.cluster.local", "tempo.cos.svc.cluster.local");
  private static final ObjectMapper JSON = new ObjectMapper();

  private static TestCa ca;

  @BeforeAll
  static void createCa() throws Exception {
    ca = new TestCa("test-ca");
  }

  /** One hook's result: the outcome and what the requirer decided. */
  private record Run(Outcome outcome, CertificatesRequirer requirer) {
    Map<String, String> unitBag() {
      return outcome.state().relation(ID).orElseThrow().localUnitData();
    }

    List<String> requests() throws Exception {
      List<String> out = new ArrayList<>();
      for (JsonNode n : JSON.readTree(unitBag().get("certificate_signing_requests"))) {
        out.add(n.get("certificate_signing_request").asText());
      }
      return out;
    }

    String key() {
      return outcome.state().secret(LABEL).orElseThrow().latestContent().get("private-key");
    }
  }

  private static Run run(Event event, State state, List<String> sans, Instant now) {
    AtomicReference<CertificatesRequirer> seen = new AtomicReference<>();
    Outcome outcome =
        TestModel.unit(
                METADATA,
                "tempo/0",
                (Framework fw) -> {
                  Requiring charm = new Requiring(fw, sans, now);
                  seen.set(charm.requirer);
                  return charm;
                })
            .run(event, state);
    return new Run(outcome, seen.get());
  }

  /** A charm that syncs its certificate on every hook. */
  private static final class Requiring extends Charm {
    final CertificatesRequirer requirer;

    Requiring(Framework framework, List<String> sans, Instant now) {
      super(framework);
      requirer =
          new CertificatesRequirer(
              model(),
              "certificates",
              () -> CertificateRequest.of("tempo", sans),
              Clock.fixed(now, ZoneOffset.UTC));
      on().everyHook().forEach(s -> observe(s, e -> requirer.assigned()));
    }
  }

  private static Relation relation() {
    return TestModel.relation("certificates", ID, "ca", 0);
  }

  private static State state(Relation relation) {
    return TestModel.state().relation(relation).build();
  }

  /** The state after the first hook, with the provider's bag replaced by {@code provider}. */
  private static State answered(Run before, Map<String, String> provider) {
    Relation r = before.outcome().state().relation(ID).orElseThrow().withRemoteAppData(provider);
    return before.outcome().state().toBuilder().relation(r).build();
  }

  private static Map<String, String> provider(ProvidedCertificate... certificates) {
    return ProviderCertificatesData.CODEC.write(
        new ProviderCertificatesData(List.of(certificates)));
  }

  private static ProvidedCertificate signed(String csr, Instant from, Instant to) throws Exception {
    String certificate = ca.sign(csr, from, to);
    return new ProvidedCertificate(
        ca.pem(), csr, certificate, List.of(certificate, ca.pem()), null);
  }

  private static PKCS10CertificationRequest parse(String pem) throws Exception {
    try (PEMParser parser = new PEMParser(new StringReader(pem))) {
      return (PKCS10CertificationRequest) parser.readObject();
    }
  }

  private static Set<String> sans(PKCS10CertificationRequest csr) {
    Set<String> out = new TreeSet<>();
    var attributes = csr.getAttributes(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest);
    GeneralNames names =
        GeneralNames.fromExtensions(
            Extensions.getInstance(attributes[0].getAttributeValues()[0]),
            Extension.subjectAlternativeName);
    for (GeneralName name : names.getNames()) {
      out.add(name.getName().toString());
    }
    return out;
  }

  @Test
  void theFirstHookWithARelationKeepsANewKeyInAUnitSecretAndRequestsACertificateForIt()
      throws Exception {
    Run first = run(Event.relationCreated(relation()), state(relation()), SANS, NOW);

    Secret secret = first.outcome().state().secret(LABEL).orElseThrow();
    assertThat(secret.owner()).contains("unit");
    String key = first.key();
    assertThat(key).startsWith("-----BEGIN RSA PRIVATE KEY-----\n");
    KeyPair pair = Pkix.readKey(key).orElseThrow();
    assertThat(first.unitBag().toString()).doesNotContain("PRIVATE KEY");

    String value = first.unitBag().get("certificate_signing_requests");
    assertThat(value)
        .startsWith("[{\"certificate_signing_request\": \"-----BEGIN CERTIFICATE REQUEST-----\\n")
        .endsWith("\\n-----END CERTIFICATE REQUEST-----\", \"ca\": false}]");
    PKCS10CertificationRequest csr = parse(first.requests().get(0));
    assertThat(
            IETFUtils.valueToString(csr.getSubject().getRDNs(BCStyle.CN)[0].getFirst().getValue()))
        .isEqualTo("tempo");
    assertThat(csr.getSubject().getRDNs(BCStyle.UNIQUE_IDENTIFIER)).hasSize(1);
    assertThat(sans(csr)).containsExactlyElementsOf(SANS);
    assertThat(new JcaPKCS10CertificationRequest(csr).getPublicKey()).isEqualTo(pair.getPublic());
    assertThat(
            csr.isSignatureValid(new JcaContentVerifierProviderBuilder().build(pair.getPublic())))
        .isTrue();
    assertThat(first.requirer().assigned()).isEmpty();
    assertThat(first.requirer().problems()).isEmpty();
  }

  @Test
  void withoutARelationNothingIsGeneratedOrWritten() {
    Run run = run(Event.updateStatus(), TestModel.state().build(), SANS, NOW);

    assertThat(run.requirer().assigned()).isEmpty();
    assertThat(run.outcome().callsOf("secret-add")).isEmpty();
    assertThat(run.outcome().callsOf("secret-get")).isEmpty();
    assertThat(run.outcome().state().secret(LABEL)).isEmpty();
  }

  @Test
  void theCertificateSignedForOurRequestIsServedWithTheKeyAndNothingIsRewritten() throws Exception {
    Run first = run(Event.relationCreated(relation()), state(relation()), SANS, NOW);
    String csr = first.requests().get(0);
    ProvidedCertificate other = signed(otherRequest(), ISSUED, EXPIRES);
    ProvidedCertificate ours = signed(csr, ISSUED, EXPIRES);

    Run second =
        run(Event.relationChanged(relation()), answered(first, provider(other, ours)), SANS, NOW);

    AssignedCertificate assigned = second.requirer().assigned().orElseThrow();
    assertThat(assigned.certificate()).isEqualTo(ours.certificate());
    assertThat(assigned.ca()).isEqualTo(ca.pem());
    assertThat(assigned.chain()).containsExactly(ours.certificate(), ca.pem());
    assertThat(assigned.privateKey()).isEqualTo(first.key());
    assertThat(assigned.toString()).doesNotContain("PRIVATE");
    assertThat(second.outcome().callsOf("relation-set")).isEmpty();
    assertThat(second.outcome().callsOf("secret-add")).isEmpty();
    assertThat(second.outcome().callsOf("secret-set")).isEmpty();
  }

  @Test
  void newNamesAskForANewCertificateWhileTheOldOneIsServedUntilItArrives() throws Exception {
    Run first = run(Event.relationCreated(relation()), state(relation()), SANS, NOW);
    String oldCsr = first.requests().get(0);
    ProvidedCertificate old = signed(oldCsr, ISSUED, EXPIRES);
    Run served = run(Event.relationChanged(relation()), answered(first, provider(old)), SANS, NOW);
    List<String> grown = new ArrayList<>(SANS);
    grown.add("tempo-worker-0.tempo-worker-endpoints.cos.svc.cluster.local");

    Run refreshed = run(Event.updateStatus(), served.outcome().state(), grown, NOW);

    assertThat(refreshed.requests()).hasSize(2).startsWith(oldCsr);
    String newCsr = refreshed.requests().get(1);
    assertThat(sans(parse(newCsr))).containsExactlyInAnyOrderElementsOf(grown);
    assertThat(refreshed.requirer().assigned().orElseThrow().certificate())
        .isEqualTo(old.certificate());

    ProvidedCertificate renewed = signed(newCsr, NOW, EXPIRES.plusSeconds(86400));
    Run done =
        run(
            Event.relationChanged(relation()),
            answered(refreshed, provider(old, renewed)),
            grown,
            NOW);
    assertThat(done.requests()).containsExactly(newCsr);
    assertThat(done.requirer().assigned().orElseThrow().certificate())
        .isEqualTo(renewed.certificate());
    assertThat(done.key()).isEqualTo(first.key());
  }

  @Test
  void pastNinetyPercentOfItsValidityTheCertificateIsRenewedAndServedMeanwhile() throws Exception {
    Run first = run(Event.relationCreated(relation()), state(relation()), SANS, NOW);
    String csr = first.requests().get(0);
    ProvidedCertificate ours = signed(csr, ISSUED, EXPIRES);
    State state = answered(first, provider(ours));
    // 92 days of validity: 90% is reached 82.8 days after 2026-05-01.
    Instant before = Instant.parse("2026-07-22T00:00:00Z");
    Instant after = Instant.parse("2026-07-23T00:00:00Z");

    Run early = run(Event.updateStatus(), state, SANS, before);
    assertThat(early.requests()).containsExactly(csr);
    assertThat(early.outcome().callsOf("relation-set")).isEmpty();

    Run due = run(Event.updateStatus(), state, SANS, after);
    assertThat(due.requests()).hasSize(2).startsWith(csr);
    assertThat(due.requirer().assigned().orElseThrow().certificate()).isEqualTo(ours.certificate());

    Run again = run(Event.updateStatus(), due.outcome().state(), SANS, after);
    assertThat(again.requests()).isEqualTo(due.requests());
    assertThat(again.outcome().callsOf("relation-set")).isEmpty();
  }

  @Test
  void anExpiredCertificateIsNotServedAndANewOneIsRequested() throws Exception {
    Run first = run(Event.relationCreated(relation()), state(relation()), SANS, NOW);
    String csr = first.requests().get(0);
    State state = answered(first, provider(signed(csr, ISSUED, EXPIRES)));

    Run late = run(Event.updateStatus(), state, SANS, EXPIRES.plusSeconds(1));

    assertThat(late.requirer().assigned()).isEmpty();
    assertThat(late.requests()).hasSize(1).doesNotContain(csr);
  }

  @Test
  void aRevokedCertificateIsDroppedAndItsRequestReplaced() throws Exception {
    Run first = run(Event.relationCreated(relation()), state(relation()), SANS, NOW);
    String csr = first.requests().get(0);
    ProvidedCertificate ours = signed(csr, ISSUED, EXPIRES);
    ProvidedCertificate revoked =
        new ProvidedCertificate(ours.ca(), csr, ours.certificate(), ours.chain(), true);

    Run run = run(Event.relationChanged(relation()), answered(first, provider(revoked)), SANS, NOW);

    assertThat(run.requirer().assigned()).isEmpty();
    assertThat(run.requests()).hasSize(1).doesNotContain(csr);
    assertThat(sans(parse(run.requests().get(0)))).containsExactlyElementsOf(SANS);
    assertThat(run.requirer().problems()).isEmpty();
  }

  @Test
  void aCertificateThatIsNotPemIsReportedWithItsFieldAndTlsStaysOff() throws Exception {
    Run first = run(Event.relationCreated(relation()), state(relation()), SANS, NOW);
    String csr = first.requests().get(0);
    ProvidedCertificate bad =
        new ProvidedCertificate(ca.pem(), csr, "not a certificate", null, null);

    Run run = run(Event.relationChanged(relation()), answered(first, provider(bad)), SANS, NOW);

    assertThat(run.outcome().unitStatus().name().juju()).isNotEqualTo("error");
    assertThat(run.requirer().assigned()).isEmpty();
    assertThat(run.requirer().problems())
        .extracting(RemoteDataProblem::summary)
        .containsExactly(
            "relation certificates:7, application ca, certificates[0].certificate: is not a PEM"
                + " certificate");
    // A bad answer is waited on, not asked again: no request churn.
    assertThat(run.outcome().callsOf("relation-set")).isEmpty();
  }

  @Test
  void aCertificateForAnotherKeyIsReported() throws Exception {
    Run first = run(Event.relationCreated(relation()), state(relation()), SANS, NOW);
    String csr = first.requests().get(0);
    KeyPair stranger = Pkix.readKey(Pkix.generateKey()).orElseThrow();
    String certificate = ca.sign(csr, stranger.getPublic(), ISSUED, EXPIRES);
    ProvidedCertificate wrong = new ProvidedCertificate(ca.pem(), csr, certificate, null, null);

    Run run = run(Event.relationChanged(relation()), answered(first, provider(wrong)), SANS, NOW);

    assertThat(run.requirer().assigned()).isEmpty();
    assertThat(run.requirer().problems())
        .extracting(RemoteDataProblem::summary)
        .containsExactly(
            "relation certificates:7, application ca, certificates[0].certificate: is not for the"
                + " key of the request it answers");
  }

  @Test
  void aProviderBagThatIsNotJsonIsReportedAndSkipped() throws Exception {
    Run first = run(Event.relationCreated(relation()), state(relation()), SANS, NOW);

    Run run =
        run(
            Event.relationChanged(relation()),
            answered(first, Map.of("certificates", "[{")),
            SANS,
            NOW);

    assertThat(run.requirer().assigned()).isEmpty();
    assertThat(run.requirer().problems())
        .extracting(RemoteDataProblem::summary)
        .singleElement()
        .asString()
        .startsWith("relation certificates:7, application ca, certificates: is not valid JSON");
    assertThat(run.outcome().callsOf("relation-set")).isEmpty();
  }

  private static String otherRequest() {
    KeyPair other = Pkix.readKey(Pkix.generateKey()).orElseThrow();
    return Pkix.request(other, CertificateRequest.of("other", List.of("other.example")));
  }
}
