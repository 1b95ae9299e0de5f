package dev.rdb.agent.serve;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.HexFormat;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * The listener's TLS identity: a key store given with {@code keystore=}/{@code storepass=} (PKCS12 or
 * JKS, its first key entry), or a key and self-signed certificate made at start. Clients pin the
 * {@link #fingerprint()}. The key store is read at start (a wrong password stops the listener
 * there); the {@link SSLContext} is made when the first client connects.
 */
final class ServerTls {

  /** TLS 1.3 and 1.2 only; the JDK's default cipher suites for them. */
  static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

  private final KeyStore store;
  private final char[] password;
  private final String fingerprint;
  /** Guarded by this; made on first use: JSSE's initialisation would delay the target's start. */
  private SSLContext context;

  private ServerTls(KeyStore store, char[] password, String fingerprint) {
    this.store = store;
    this.password = password;
    this.fingerprint = fingerprint;
  }

  /** The server's TLS context, initialised by the first client's handshake thread. */
  synchronized SSLContext context() throws GeneralSecurityException {
    if (context == null) {
      KeyManagerFactory keys =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(store, password);
      SSLContext made = SSLContext.getInstance("TLS");
      made.init(keys.getKeyManagers(), null, null);
      context = made;
    }
    return context;
  }

  /** SHA-256 of the certificate's DER encoding: 32 upper-case hex bytes joined by colons. */
  String fingerprint() {
    return fingerprint;
  }

  /** A fresh key and self-signed certificate (CN=rdb-agent). */
  static ServerTls selfSigned() throws GeneralSecurityException, IOException {
    SelfSignedCertificate made = SelfSignedCertificate.create("rdb-agent");
    char[] password = new char[0];
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry("rdb", made.keys().getPrivate(), password,
        new Certificate[] {made.certificate()});
    return of(store, password, made.certificate());
  }

  /** The first key entry of the key store at {@code path}. */
  static ServerTls fromKeyStore(Path path, String storepass)
      throws GeneralSecurityException, IOException {
    char[] password = storepass.toCharArray();
    KeyStore store = KeyStore.getInstance(path.toFile(), password);
    for (String alias : Collections.list(store.aliases())) {
      if (store.isKeyEntry(alias) && store.getCertificate(alias) instanceof X509Certificate) {
        KeyStore only = KeyStore.getInstance("PKCS12");
        only.load(null, null);
        only.setKeyEntry(alias, store.getKey(alias, password), password,
            store.getCertificateChain(alias));
        return of(only, password, (X509Certificate) store.getCertificate(alias));
      }
    }
    throw new GeneralSecurityException("no private key with an X.509 certificate in " + path);
  }

  /** SHA-256 of {@code certificate}, as {@link #fingerprint()} formats it. */
  static String fingerprintOf(Certificate certificate) throws GeneralSecurityException {
    byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
    return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
  }

  private static ServerTls of(KeyStore store, char[] password, X509Certificate certificate)
      throws GeneralSecurityException {
    return new ServerTls(store, password, fingerprintOf(certificate));
  }
}
