package io.charmkit.certificatesstandin;

import io.charmkit.ops.Charm;
import io.charmkit.ops.Dispatcher;
import io.charmkit.ops.event.CollectStatusEvent;
import io.charmkit.ops.framework.Framework;
import io.charmkit.ops.hooktools.SecretNotFoundException;
import io.charmkit.ops.hooktools.SecretOptions;
import io.charmkit.ops.model.Databag;
import io.charmkit.ops.model.Relation;
import io.charmkit.ops.model.Status;
import io.charmkit.schema.certificates.CertificateSigningRequest;
import io.charmkit.schema.certificates.ProvidedCertificate;
import io.charmkit.schema.certificates.ProviderCertificatesData;
import io.charmkit.schema.certificates.RequirerCertificatesData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A stand-in {@code tls-certificates} provider (v4): the leader signs every request of every
 * related unit and application with a self-signed CA it creates once and keeps in an application
 * secret, and writes all answers into its application bag.
 */
public final class CertificatesStandinCharm extends Charm {
  private static final String ENDPOINT = "certificates";
  private static final String CA_LABEL = "certificates-standin-ca";

  private int issued;

  /**
   * Registers the observers.
   *
   * @param framework the dispatch's framework
   */
  public CertificatesStandinCharm(Framework framework) {
    super(framework);
    observe(on().relationJoined(ENDPOINT), e -> reconcile());
    observe(on().relationChanged(ENDPOINT), e -> reconcile());
    observe(on().relationDeparted(ENDPOINT), e -> reconcile());
    observe(on().leaderElected(), e -> reconcile());
    observe(on().updateStatus(), e -> reconcile());
    observe(on().collectUnitStatus(), this::collectStatus);
  }

  private void reconcile() {
    if (!model().isLeader()) {
      return;
    }
    CertificateAuthority ca = authority();
    for (Relation relation : model().relations(ENDPOINT)) {
      List<ProvidedCertificate> answers = new ArrayList<>();
      Set<String> seen = new TreeSet<>();
      Databag own = relation.localAppData();
      // A request already answered keeps its certificate: re-signing on every hook would change
      // the bag, and so the requirer's TLS files, on every update-status.
      Map<String, ProvidedCertificate> answered = new LinkedHashMap<>();
      for (ProvidedCertificate previous : previous(own)) {
        if (previous.ca().equals(ca.certificatePem())) {
          answered.put(previous.certificateSigningRequest(), previous);
        }
      }
      List<Databag> bags = new ArrayList<>();
      relation.remoteAppData().ifPresent(bags::add);
      relation.units().forEach(u -> bags.add(relation.data(u)));
      for (Databag bag : bags) {
        for (CertificateSigningRequest request : requests(bag)) {
          String pem = request.certificateSigningRequest();
          if (!seen.add(pem)) {
            continue;
          }
          if (answered.containsKey(pem)) {
            answers.add(answered.get(pem));
            continue;
          }
          Optional<String> certificate = ca.sign(pem);
          certificate.ifPresent(
              c ->
                  answers.add(
                      new ProvidedCertificate(
                          ca.certificatePem(), pem, c, List.of(c, ca.certificatePem()), null)));
        }
      }
      issued += answers.size();
      Map<String, String> wanted =
          ProviderCertificatesData.CODEC.write(
              new ProviderCertificatesData(answers.isEmpty() ? null : answers));
      if (wanted.isEmpty()) {
        own.remove("certificates");
      } else if (!wanted.equals(own.asMap())) {
        own.putAll(wanted);
      }
    }
  }

  /** Reads a requirer bag; malformed remote data answers nothing rather than failing the hook. */
  private static List<CertificateSigningRequest> requests(Databag bag) {
    try {
      return RequirerCertificatesData.CODEC.read(bag.asMap(), bag.owner()).requests();
    } catch (RuntimeException e) {
      return List.of();
    }
  }

  /** Reads our own bag; anything unreadable there is simply re-issued. */
  private static List<ProvidedCertificate> previous(Databag own) {
    try {
      return ProviderCertificatesData.CODEC.read(own.asMap(), own.owner()).issued();
    } catch (RuntimeException e) {
      return List.of();
    }
  }

  private CertificateAuthority authority() {
    try {
      Map<String, String> content = model().secretByLabel(CA_LABEL).content();
      return new CertificateAuthority(content.get("key"), content.get("certificate"));
    } catch (SecretNotFoundException e) {
      CertificateAuthority ca = CertificateAuthority.create("charmkit stand-in CA");
      Map<String, String> content = new LinkedHashMap<>();
      content.put("key", ca.keyPem());
      content.put("certificate", ca.certificatePem());
      model().app().addSecret(content, SecretOptions.application().withLabel(CA_LABEL));
      return ca;
    }
  }

  private void collectStatus(CollectStatusEvent event) {
    if (!model().isLeader()) {
      event.addStatus(Status.active("standby"));
      return;
    }
    event.addStatus(Status.active("answering " + issued + " request(s)"));
  }

  /**
   * The entry point the charm's dispatch script runs.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    Dispatcher.main(CertificatesStandinCharm::new);
  }
}
