package io.charmkit.certificatesstandin;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/**
 * A self-signed CA: its key and certificate as PEM, and the signing of PKCS#10 requests.
 *
 * @param keyPem the CA's private key (PEM, PKCS#1)
 * @param certificatePem the CA's self-signed certificate (PEM, no trailing newline)
 */
public record CertificateAuthority(String keyPem, String certificatePem) {
  private static final Duration CA_VALIDITY = Duration.ofDays(3650);
  private static final Duration LEAF_VALIDITY = Duration.ofDays(365);
  private static final SecureRandom RANDOM = new SecureRandom();

  /**
   * Creates a new CA with a fresh RSA key.
   *
   * @param commonName the CA's common name
   * @return the CA
   */
  public static CertificateAuthority create(String commonName) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      KeyPair key = generator.generateKeyPair();
      X500Name name = new X500Name("CN=" + commonName);
      Instant now = Instant.now();
      JcaX509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
              name,
              new BigInteger(64, RANDOM),
              Date.from(now.minus(Duration.ofMinutes(5))),
              Date.from(now.plus(CA_VALIDITY)),
              name,
              key.getPublic());
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
      X509CertificateHolder certificate = builder.build(signer(key));
      return new CertificateAuthority(pem(key.getPrivate()), pem(certificate));
    } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
      throw new IllegalStateException("cannot create the stand-in CA", e);
    }
  }

  /**
   * Signs a request: the subject and the subjectAltName come from the request, the issuer is this
   * CA.
   *
   * @param requestPem the PKCS#10 request (PEM)
   * @return the certificate (PEM, no trailing newline); empty when the request is not readable
   */
  public Optional<String> sign(String requestPem) {
    try (PEMParser parser = new PEMParser(new StringReader(requestPem))) {
      if (!(parser.readObject() instanceof PKCS10CertificationRequest csr)) {
        return Optional.empty();
      }
      KeyPair caKey = key();
      X509CertificateHolder ca = readCertificate();
      Instant now = Instant.now();
      JcaX509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
              ca.getSubject(),
              new BigInteger(64, RANDOM),
              Date.from(now.minus(Duration.ofMinutes(5))),
              Date.from(now.plus(LEAF_VALIDITY)),
              csr.getSubject(),
              new JcaPEMKeyConverter().getPublicKey(csr.getSubjectPublicKeyInfo()));
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      for (var attribute : csr.getAttributes(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest)) {
        for (ASN1Encodable value : attribute.getAttributeValues()) {
          GeneralNames names =
              GeneralNames.fromExtensions(
                  Extensions.getInstance(value), Extension.subjectAlternativeName);
          if (names != null) {
            builder.addExtension(Extension.subjectAlternativeName, false, names);
          }
        }
      }
      return Optional.of(pem(builder.build(signer(caKey))));
    } catch (IOException | OperatorCreationException | RuntimeException e) {
      // A request this stand-in cannot read or sign is left unanswered, not a failed hook.
      return Optional.empty();
    }
  }

  private KeyPair key() throws IOException {
    try (PEMParser parser = new PEMParser(new StringReader(keyPem))) {
      return new JcaPEMKeyConverter().getKeyPair((PEMKeyPair) parser.readObject());
    }
  }

  private X509CertificateHolder readCertificate() throws IOException {
    try (PEMParser parser = new PEMParser(new StringReader(certificatePem))) {
      return (X509CertificateHolder) parser.readObject();
    }
  }

  private static ContentSigner signer(KeyPair key) throws OperatorCreationException {
    return new JcaContentSignerBuilder("SHA256withRSA").build(key.getPrivate());
  }

  private static String pem(Object object) throws IOException {
    StringWriter text = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
      writer.writeObject(object);
    }
    return text.toString().replace("\r\n", "\n").strip();
  }
}
