package dev.rdb.agent.serve;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * A fresh EC P-256 key and a self-signed X.509 v3 certificate for it, made with public JDK APIs only.
 *
 * <p>Why not keytool: the JDK's certificate builder ({@code sun.security.x509}) is not exported,
 * and running {@code $JAVA_HOME/bin/keytool} costs a process (about a second) and fails on runtime
 * images without it. The certificate is a few DER structures, signed with
 * {@link Signature SHA256withECDSA}; {@link CertificateFactory} parses the result, so a malformed
 * encoding fails here, not in a client. Clients pin the certificate's SHA-256 fingerprint (trust on
 * first use), so it carries no names or extensions a verifier would check.
 */
final class SelfSignedCertificate {

  /** ecdsa-with-SHA256, 1.2.840.10045.4.3.2. */
  private static final byte[] OID_ECDSA_SHA256 = {0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 4, 3, 2};
  /** commonName, 2.5.4.3. */
  private static final byte[] OID_COMMON_NAME = {0x55, 4, 3};
  private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'");
  private static final DateTimeFormatter GENERALIZED_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'");

  private final KeyPair keys;
  private final X509Certificate certificate;

  private SelfSignedCertificate(KeyPair keys, X509Certificate certificate) {
    this.keys = keys;
    this.certificate = certificate;
  }

  /** A new key pair and certificate for {@code commonName}, valid from yesterday for ten years. */
  static SelfSignedCertificate create(String commonName) throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair keys = generator.generateKeyPair();
    ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC).withNano(0);
    byte[] serial = new byte[16];
    new SecureRandom().nextBytes(serial);
    serial[0] &= 0x7f;
    byte[] algorithm = sequence(oid(OID_ECDSA_SHA256));
    byte[] name = sequence(set(sequence(oid(OID_COMMON_NAME),
        tlv(0x0c, commonName.getBytes(StandardCharsets.UTF_8)))));
    byte[] tbs = sequence(
        tlv(0xa0, integer(BigInteger.TWO)),
        integer(new BigInteger(1, serial)),
        algorithm,
        name,
        sequence(time(now.minusDays(1)), time(now.plusYears(10))),
        name,
        keys.getPublic().getEncoded());
    Signature signer = Signature.getInstance("SHA256withECDSA");
    signer.initSign(keys.getPrivate());
    signer.update(tbs);
    byte[] signature = signer.sign();
    byte[] der = sequence(tbs, algorithm, bitString(signature));
    X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
        .generateCertificate(new ByteArrayInputStream(der));
    certificate.verify(keys.getPublic());
    return new SelfSignedCertificate(keys, certificate);
  }

  KeyPair keys() {
    return keys;
  }

  X509Certificate certificate() {
    return certificate;
  }

  private static byte[] time(ZonedDateTime t) {
    // RFC 5280 4.1.2.5: UTCTime through 2049, GeneralizedTime from 2050.
    return t.getYear() < 2050
        ? tlv(0x17, UTC_TIME.format(t).getBytes(StandardCharsets.US_ASCII))
        : tlv(0x18, GENERALIZED_TIME.format(t).getBytes(StandardCharsets.US_ASCII));
  }

  private static byte[] integer(BigInteger value) {
    return tlv(0x02, value.toByteArray());
  }

  private static byte[] oid(byte[] encoded) {
    return tlv(0x06, encoded);
  }

  private static byte[] bitString(byte[] bits) {
    byte[] content = new byte[bits.length + 1];
    System.arraycopy(bits, 0, content, 1, bits.length);
    return tlv(0x03, content);
  }

  private static byte[] sequence(byte[]... items) {
    return tlv(0x30, concat(items));
  }

  private static byte[] set(byte[]... items) {
    return tlv(0x31, concat(items));
  }

  private static byte[] concat(byte[]... items) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] item : items) {
      out.writeBytes(item);
    }
    return out.toByteArray();
  }

  /** DER tag, definite length, content. */
  private static byte[] tlv(int tag, byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 6);
    out.write(tag);
    int n = content.length;
    if (n < 0x80) {
      out.write(n);
    } else if (n < 0x100) {
      out.write(0x81);
      out.write(n);
    } else if (n < 0x10000) {
      out.write(0x82);
      out.write(n >>> 8);
      out.write(n);
    } else {
      out.write(0x83);
      out.write(n >>> 16);
      out.write(n >>> 8);
      out.write(n);
    }
    out.writeBytes(content);
    return out.toByteArray();
  }
}
