package io.charmkit.interfaces.certificates;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;

/** A throw-away CA for the tests: signs requests as a tls-certificates provider would. */
final class TestCa {
  private final KeyPair key;
  private final X509Certificate certificate;
  private long serial = 2;

  TestCa(String name) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    key = generator.generateKeyPair();
    X500Name subject = new X500Name("CN=" + name);
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    X509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            subject,
            BigInteger.ONE,
            Date.from(now),
            Date.from(now.plusSeconds(10L * 365 * 86400)),
            subject,
            key.getPublic());
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
    certificate = sign(builder);
  }

  /** The CA certificate as PEM. */
  String pem() {
    return pem(certificate);
  }

  /** Signs {@code csrPem}, valid from {@code notBefore} to {@code notAfter}, with its SANs. */
  String sign(String csrPem, Instant notBefore, Instant notAfter) throws Exception {
    PKCS10CertificationRequest csr;
    try (PEMParser parser = new PEMParser(new StringReader(csrPem))) {
      csr = (PKCS10CertificationRequest) parser.readObject();
    }
    return sign(csrPem, new JcaPKCS10CertificationRequest(csr).getPublicKey(), notBefore, notAfter);
  }

  /** Signs a certificate for {@code subjectKey} (whatever the request says). */
  String sign(String csrPem, PublicKey subjectKey, Instant notBefore, Instant notAfter)
      throws Exception {
    PKCS10CertificationRequest csr;
    try (PEMParser parser = new PEMParser(new StringReader(csrPem))) {
      csr = (PKCS10CertificationRequest) parser.readObject();
    }
    X509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            new X500Name(certificate.getSubjectX500Principal().getName()),
            BigInteger.valueOf(serial++),
            Date.from(notBefore),
            Date.from(notAfter),
            csr.getSubject(),
            subjectKey);
    return pem(sign(builder));
  }

  private X509Certificate sign(X509v3CertificateBuilder builder) throws Exception {
    return new JcaX509CertificateConverter()
        .getCertificate(
            builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(key.getPrivate())));
  }

  private static String pem(Object object) {
    StringWriter text = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
      writer.writeObject(object);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return text.toString().strip();
  }
}
