package io.charmkit.coordinator.tls;

import io.charmkit.interfaces.RemoteDataProblem;
import io.charmkit.interfaces.certificates.AssignedCertificate;
import io.charmkit.interfaces.certificates.CertificateRequest;
import io.charmkit.interfaces.certificates.CertificatesRequirer;
import io.charmkit.ops.context.HostEnvironment;
import io.charmkit.ops.framework.Framework;
import io.charmkit.ops.model.Model;
import io.charmkit.ops.model.Relation;
import io.charmkit.ops.model.Unit;
import io.charmkit.schema.cluster.WorkerUnitData;
import io.charmkit.schema.validation.DatabagValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The coordinator's certificate from its {@code tls-certificates} relation (PRODUCTS.md §1.5): one
 * request with the application name as common name and, as DNS names, this unit's FQDN, the
 * application's service FQDN and every worker's address, so the request is renewed whenever the set
 * of workers changes. No relation: TLS off.
 *
 * <p>The key stays in the requirer's unit-owned secret, whose label is the one the coordinator base
 * grants to the workers (WIRE.md §3.5). What is wrong with the provider's data is in {@link
 * #problems()}. Every input is read through the model's hook tools, and the whole sync runs inside
 * {@link #current()}, which the steady-state fast path always asks.
 */
public final class CertificatesTls implements TlsSource {
  private final CertificatesRequirer requirer;

  /**
   * Creates the source for a coordinator.
   *
   * @param framework the dispatch's framework
   * @param certificatesEndpoint the tls-certificates endpoint, e.g. {@code certificates}
   * @param clusterEndpoint the cluster endpoint whose workers' addresses go into the request
   * @param host the host's FQDN and clock
   */
  public CertificatesTls(
      Framework framework,
      String certificatesEndpoint,
      String clusterEndpoint,
      HostEnvironment host) {
    Model model = framework.model();
    this.requirer =
        new CertificatesRequirer(
            model,
            certificatesEndpoint,
            () -> request(model, clusterEndpoint, host.fqdn().get()),
            host.clock());
  }

  @Override
  public Optional<ServerTls> current() {
    return requirer.assigned().map(CertificatesTls::serverTls);
  }

  @Override
  public List<String> problems() {
    return requirer.problems().stream().map(RemoteDataProblem::summary).toList();
  }

  private static ServerTls serverTls(AssignedCertificate assigned) {
    return new ServerTls(assigned.ca(), assigned.certificate(), assigned.privateKey());
  }

  /** The request of PRODUCTS.md §1.5. */
  static CertificateRequest request(Model model, String clusterEndpoint, String fqdn) {
    String app = model.app().name();
    List<String> names = new ArrayList<>();
    names.add(fqdn);
    names.add(serviceFqdn(app, fqdn));
    if (model.metadata().endpoint(clusterEndpoint).isPresent()) {
      for (Relation relation : model.relations(clusterEndpoint)) {
        for (Unit unit : relation.units()) {
          try {
            names.add(WorkerUnitData.CODEC.read(relation.data(unit).asMap(), "").address());
          } catch (DatabagValidationException e) {
            // The cluster provider reports this unit's bad data; it gets no name here.
          }
        }
      }
    }
    return CertificateRequest.of(app, names);
  }

  /**
   * Returns the application's service FQDN: from the unit FQDN, the labels from {@code svc} on,
   * prefixed with the application name; the unit FQDN itself when it has no {@code svc} label.
   */
  static String serviceFqdn(String app, String fqdn) {
    String[] labels = fqdn.split("\\.");
    for (int i = 0; i < labels.length; i++) {
      if (labels[i].equals("svc") && i > 0) {
        return app
            + "."
            + String.join(".", java.util.Arrays.copyOfRange(labels, i - 1, labels.length));
      }
    }
    return fqdn;
  }
}
