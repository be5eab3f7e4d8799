package io.charmkit.certificatesstandin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.junit.jupiter.api.Test;

class CertificateAuthorityTest {

  @Test
  void signsARequestForItsKeyAndNamesUnderTheCa() throws Exception {
    CertificateAuthority ca = CertificateAuthority.create("test CA");
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair key = generator.generateKeyPair();

    String certificatePem = ca.sign(request(key, "tempo", "tempo-0.tempo-endpoints")).orElseThrow();

    X509Certificate certificate = read(certificatePem);
    X509Certificate authority = read(ca.certificatePem());
    certificate.verify(authority.getPublicKey());
    assertThat(certificate.getPublicKey().getEncoded()).isEqualTo(key.getPublic().getEncoded());
    assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo("CN=tempo");
    assertThat(certificate.getIssuerX500Principal()).isEqualTo(authority.getSubjectX500Principal());
    assertThat(certificate.getSubjectAlternativeNames())
        .containsExactly(List.of(2, "tempo-0.tempo-endpoints"));
    assertThat(authority.getBasicConstraints()).isGreaterThanOrEqualTo(0);
    assertThat(certificate.getBasicConstraints()).isEqualTo(-1);
  }

  @Test
  void leavesARequestItCannotReadUnanswered() {
    CertificateAuthority ca = CertificateAuthority.create("test CA");

    assertThat(ca.sign("not a request")).isEmpty();
  }

  private static String request(KeyPair key, String commonName, String dns) throws Exception {
    ExtensionsGenerator extensions = new ExtensionsGenerator();
    extensions.addExtension(
        Extension.subjectAlternativeName,
        false,
        new GeneralNames(new GeneralName(GeneralName.dNSName, dns)));
    var csr =
        new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=" + commonName), key.getPublic())
            .addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, extensions.generate())
            .build(new JcaContentSignerBuilder("SHA256withRSA").build(key.getPrivate()));
    StringWriter text = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
      writer.writeObject(csr);
    }
    return text.toString();
  }

  private static X509Certificate read(String pem) throws Exception {
    return (X509Certificate)
        CertificateFactory.getInstance("X.509")
            .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
  }
}
