package io.charmkit.interfaces.certificates;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * Keys, certificate signing requests and certificates, as the v4 library makes and reads them.
 *
 * <p>The JDK has no public API to write a PKCS#10 request or a PKCS#1 key, so this class uses
 * BouncyCastle ({@code bcpkix}); it is the only class that does, and the requirer reaches it only
 * when a certificates relation exists, so a charm without one never loads BouncyCastle.
 * Certificates are read with the JDK.
 */
final class Pkix {

  /** The key size the library generates. */
  static final int KEY_BITS = 2048;

  private Pkix() {}

  /** What a request says: its common name, its DNS names and its public key (DER). */
  record RequestFacts(String commonName, SortedSet<String> sansDns, byte[] publicKey) {

    boolean sameKey(KeyPair key) {
      return Arrays.equals(publicKey, key.getPublic().getEncoded());
    }

    boolean asks(CertificateRequest request) {
      return commonName.equals(request.commonName()) && sansDns.equals(request.sansDns());
    }
  }

  /** Generates an RSA key and returns it as a PKCS#1 PEM, without the trailing newline. */
  static String generateKey() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(KEY_BITS);
      return pem(generator.generateKeyPair().getPrivate());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK always has RSA", e);
    }
  }

  /** Reads a PEM private key (PKCS#1 or PKCS#8); empty when it is not one. */
  static Optional<KeyPair> readKey(String pem) {
    if (pem == null) {
      return Optional.empty();
    }
    try (PEMParser parser = new PEMParser(new StringReader(pem))) {
      Object read = parser.readObject();
      JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
      if (read instanceof PEMKeyPair pair) {
        return Optional.of(converter.getKeyPair(pair));
      }
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * Builds a request signed with {@code key}: subject {@code CN=<common name>} plus a random {@code
   * x500UniqueIdentifier} (so that each request is new, as the library's default does), the DNS
   * names in a non-critical subjectAltName, SHA-256 with RSA.
   *
   * @return the PEM, without the trailing newline (the library strips it)
   */
  static String request(KeyPair key, CertificateRequest request) {
    X500Name subject =
        new X500NameBuilder(BCStyle.INSTANCE)
            .addRDN(BCStyle.CN, request.commonName())
            .addRDN(BCStyle.UNIQUE_IDENTIFIER, new DERUTF8String(UUID.randomUUID().toString()))
            .build();
    try {
      JcaPKCS10CertificationRequestBuilder builder =
          new JcaPKCS10CertificationRequestBuilder(subject, key.getPublic());
      if (!request.sansDns().isEmpty()) {
        GeneralName[] names =
            request.sansDns().stream()
                .map(n -> new GeneralName(GeneralName.dNSName, n))
                .toArray(GeneralName[]::new);
        ExtensionsGenerator extensions = new ExtensionsGenerator();
        extensions.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
        builder.addAttribute(
            PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, extensions.generate());
      }
      PKCS10CertificationRequest csr =
          builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(key.getPrivate()));
      return pem(csr);
    } catch (IOException | OperatorCreationException e) {
      throw new IllegalStateException("cannot build a certificate signing request", e);
    }
  }

  /** Reads a PEM request; empty when it is not one. */
  static Optional<RequestFacts> readRequest(String pem) {
    try (PEMParser parser = new PEMParser(new StringReader(pem))) {
      if (!(parser.readObject() instanceof PKCS10CertificationRequest csr)) {
        return Optional.empty();
      }
      String commonName = "";
      RDN[] cn = csr.getSubject().getRDNs(BCStyle.CN);
      if (cn.length > 0) {
        commonName = IETFUtils.valueToString(cn[0].getFirst().getValue());
      }
      SortedSet<String> sans = new TreeSet<>();
      for (var attribute : csr.getAttributes(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest)) {
        for (ASN1Encodable value : attribute.getAttributeValues()) {
          GeneralNames names =
              GeneralNames.fromExtensions(
                  Extensions.getInstance(value), Extension.subjectAlternativeName);
          if (names == null) {
            continue;
          }
          for (GeneralName name : names.getNames()) {
            if (name.getTagNo() == GeneralName.dNSName) {
              sans.add(name.getName().toString());
            }
          }
        }
      }
      return Optional.of(
          new RequestFacts(commonName, sans, csr.getSubjectPublicKeyInfo().getEncoded()));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * Reads one PEM certificate with the JDK.
   *
   * @throws IllegalArgumentException with a reason fit for a status, when it is not one
   */
  static X509Certificate readCertificate(String pem) {
    if (!pem.strip().startsWith("-----BEGIN CERTIFICATE-----")) {
      throw new IllegalArgumentException("is not a PEM certificate");
    }
    try {
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      return (X509Certificate)
          factory.generateCertificate(
              new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new IllegalArgumentException("is not a readable PEM certificate");
    }
  }

  private static String pem(Object object) {
    StringWriter text = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
      writer.writeObject(object);
    } catch (IOException e) {
      throw new IllegalStateException("writing PEM to a string cannot fail", e);
    }
    return text.toString().replace("\r\n", "\n").strip();
  }
}
