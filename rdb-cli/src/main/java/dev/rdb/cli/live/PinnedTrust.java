package dev.rdb.cli.live;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts exactly one certificate: the agent's, by SHA-256 fingerprint. With an expected fingerprint
 * (pinned earlier, or read from the agent file on this machine) any other certificate is refused;
 * without one the first certificate is accepted and remembered (trust on first use), so the caller
 * can pin it once the connection is authenticated. Agents use self-signed certificates, so there is
 * no chain or host name to check — the pin is the identity.
 */
final class PinnedTrust extends X509ExtendedTrustManager {
  private final String expected;
  private volatile String seen;
  private volatile boolean refused;

  /** @param expected the fingerprint to insist on, or null to accept the first one */
  PinnedTrust(String expected) {
    this.expected = expected;
  }

  /** The fingerprint the agent presented, once the TLS handshake got that far. */
  String seen() {
    return seen;
  }

  /** Whether the agent presented a certificate other than the expected one. */
  boolean refused() {
    return refused;
  }

  /** SHA-256 of the certificate's DER encoding, as the agent prints it ({@code AB:CD:…}). */
  static String fingerprint(X509Certificate certificate) throws CertificateException {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
      return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
    } catch (GeneralSecurityException e) {
      throw new CertificateException("cannot compute the certificate's SHA-256: " + e.getMessage(), e);
    }
  }

  private void check(X509Certificate[] chain) throws CertificateException {
    if (chain == null || chain.length == 0) {
      throw new CertificateException("the agent presented no certificate");
    }
    String fingerprint = fingerprint(chain[0]);
    seen = fingerprint;
    if (expected != null && !expected.equalsIgnoreCase(fingerprint)) {
      refused = true;
      throw new CertificateException("certificate SHA-256 " + fingerprint + " is not the pinned " + expected);
    }
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    check(chain);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
    check(chain);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    check(chain);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    throw new CertificateException("rdb does not accept TLS clients");
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
    throw new CertificateException("rdb does not accept TLS clients");
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    throw new CertificateException("rdb does not accept TLS clients");
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return new X509Certificate[0];
  }
}
