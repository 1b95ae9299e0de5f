package dev.rdb.agent.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rdb.core.Connection;
import dev.rdb.core.StreamChannel;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;

/** What the CLI does (in its own code): TLS, then pin the certificate's SHA-256, then HELLO. */
class ServerTlsTest {

  @Test
  void selfSignedCertificateIsAValidX509WithItsFingerprintEverywhere() throws Exception {
    try (InProcessServer agent = new InProcessServer("tls=on", List::of)) {
      Map<String, Object> file = ServerTest.readJson(agent.agentFile());
      String fingerprint = (String) file.get("fingerprint");
      assertThat(fingerprint).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
      assertThat(file).containsEntry("tls", true);
      assertThat(agent.server.description()).contains("TLS certificate SHA-256 " + fingerprint);
      Connection c = connectPinned(agent, fingerprint);
      assertThat(c.root().call("policy")).isEqualTo("readonly");
      c.close();
    }
  }

  @Test
  void clientPinningAnotherFingerprintRefusesTheAgent() throws Exception {
    try (InProcessServer agent = new InProcessServer("tls=on", List::of)) {
      String other = "00" + ":00".repeat(31);
      assertThatThrownBy(() -> connectPinned(agent, other))
          .hasStackTraceContaining("certificate changed");
    }
  }

  @Test
  void keyStoreGivenIsUsedAndItsCertificatePinned() throws Exception {
    SelfSignedCertificate made = SelfSignedCertificate.create("test-ca");
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry("k", made.keys().getPrivate(), "pw123".toCharArray(),
        new java.security.cert.Certificate[] {made.certificate()});
    Path path = Files.createTempFile("rdb-ks", ".p12");
    try (var out = Files.newOutputStream(path)) {
      store.store(out, "pw123".toCharArray());
    }
    try (InProcessServer agent = new InProcessServer(
        "tls=on,keystore=" + path + ",storepass=pw123", List::of)) {
      String expected = ServerTls.fingerprintOf(made.certificate());
      assertThat(ServerTest.readJson(agent.agentFile())).containsEntry("fingerprint", expected);
      assertThat(connectPinned(agent, expected).root().call("policy")).isEqualTo("readonly");
    }
  }

  @Test
  void wrongStorePasswordMeansNotListening() throws Exception {
    Path path = Files.createTempFile("rdb-ks", ".p12");
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    try (var out = Files.newOutputStream(path)) {
      store.store(out, "right".toCharArray());
    }
    assertThatThrownBy(() -> new InProcessServer("tls=on,keystore=" + path + ",storepass=wrong",
        List::of)).isInstanceOf(Server.Failure.class).hasMessageStartingWith("TLS: " + path + ": ");
  }

  static Connection connectPinned(InProcessServer agent, String fingerprint) throws Exception {
    return connectPinned(agent.port(), agent.token(), fingerprint);
  }

  /** What the CLI does: TLS whose only trust is the pinned SHA-256, then HELLO. */
  static Connection connectPinned(int port, String token, String fingerprint) throws Exception {
    Socket plain = new Socket();
    plain.connect(new InetSocketAddress("127.0.0.1", port), 5000);
    return Connection.connect(StreamChannel.over(pinnedTls(plain, port, fingerprint)),
        InProcessServer.clientOptions(token));
  }

  /** TLS over {@code plain}, handshake done, trusting only {@code fingerprint}. */
  static SSLSocket pinnedTls(Socket plain, int port, String fingerprint) throws Exception {
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, new TrustManager[] {pinning(fingerprint)}, null);
    SSLSocket tls = (SSLSocket) context.getSocketFactory()
        .createSocket(plain, "127.0.0.1", port, true);
    tls.startHandshake();
    return tls;
  }

  private static X509TrustManager pinning(String fingerprint) {
    return new X509TrustManager() {
      @Override
      public void checkServerTrusted(X509Certificate[] chain, String authType)
          throws CertificateException {
        try {
          String seen = ServerTls.fingerprintOf(chain[0]);
          if (!seen.equals(fingerprint)) {
            throw new CertificateException("certificate changed: pinned " + fingerprint
                + ", agent presents " + seen);
          }
        } catch (java.security.GeneralSecurityException e) {
          throw new CertificateException(e);
        }
      }

      @Override
      public void checkClientTrusted(X509Certificate[] chain, String authType)
          throws CertificateException {
        throw new CertificateException("not a server");
      }

      @Override
      public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
      }
    };
  }
}
