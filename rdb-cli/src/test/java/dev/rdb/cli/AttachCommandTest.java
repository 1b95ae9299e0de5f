package dev.rdb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rdb.cli.live.AgentConnector;
import dev.rdb.cli.live.AgentFile;
import dev.rdb.cli.live.LiveDebuggee;
import dev.rdb.cli.live.TcpAgent;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code rdb attach} against an agent on a real loopback socket (rdb-core's server side exporting
 * a fake debuggee): by address or by pid (agent files in a temporary home), where the token comes
 * from, TLS pinning, and the one-line errors with exit 2.
 */
class AttachCommandTest {
  private static final String TOKEN = "s3cret";
  /** The agent files these tests write name this JVM: a live process, as an agent's own would. */
  private static final long SELF = ProcessHandle.current().pid();

  @TempDir Path home;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private String savedHome;

  @BeforeEach
  void moveHome() {
    savedHome = System.getProperty("user.home");
    System.setProperty("user.home", home.toString());
  }

  @AfterEach
  void restoreHome() {
    System.setProperty("user.home", savedHome);
  }

  private int rdb(String... args) {
    CommandLine commandLine = RdbCommand.commandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    return commandLine.execute(args);
  }

  private void assertOneLineError(String expected) {
    assertThat(err.toString().lines()).as("stderr: %s", err).hasSize(1);
    assertThat(err.toString().strip()).startsWith(expected).doesNotContain("\tat ");
  }

  @Test
  void scriptedCommandsRunAgainstTheAgent() throws Exception {
    try (TcpAgent agent = TcpAgent.start(TOKEN, null)) {
      int exit = rdb("attach", agent.address(), "--token", TOKEN, "-c", "exceptions; where; locals; up; locals");
      assertThat(exit).as("stderr: %s", err).isZero();
      assertThat(out.toString()).contains("java.lang.ArithmeticException: / by zero")
          .contains("com.acme.Cart.total(Cart.java:21)")
          .contains("{apples=3, pears=0}")
          .contains("customer").contains("\"Ada\"");
    }
  }

  @Test
  void theTokenComesFromTheAgentFileOfThatPort() throws Exception {
    try (TcpAgent agent = TcpAgent.start(TOKEN, null)) {
      writeAgentFile(agent.port(), TOKEN, false, null);
      assertThat(rdb("attach", agent.address(), "-c", "where")).as("stderr: %s", err).isZero();
    }
  }

  @Test
  void anAgentFileOthersMayReadIsNotTrusted() throws Exception {
    try (TcpAgent agent = TcpAgent.start(TOKEN, null)) {
      writeAgentFile(agent.port(), TOKEN, false, null);
      Files.setPosixFilePermissions(home.resolve(".rdb/agents/" + ProcessHandle.current().pid() + ".json"),
          PosixFilePermissions.fromString("rw-r--r--"));
      assertThat(rdb("attach", agent.address(), "-c", "where")).isEqualTo(2);
      assertOneLineError("rdb: " + agent.address() + ": no token: give --token or set RDB_TOKEN");
    }
  }

  @Test
  void helpListsTheExitCodes() {
    for (String command : new String[] {"attach", "dump", "ps", "inject"}) {
      out.getBuffer().setLength(0);
      assertThat(rdb(command, "--help")).isZero();
      assertThat(out.toString()).as("help of %s", command).contains("Exit codes:").contains("  2  ");
    }
  }

  @Test
  void aWrongTokenIsExitTwoWithOneLine() throws Exception {
    try (TcpAgent agent = TcpAgent.start(TOKEN, null)) {
      assertThat(rdb("attach", agent.address(), "--token", "wrong", "-c", "where")).isEqualTo(2);
      assertOneLineError("rdb: " + agent.address() + ": authentication failed: wrong token (from --token)");
    }
  }

  @Test
  void nothingListeningIsExitTwoWithOneLine() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    assertThat(rdb("attach", "127.0.0.1:" + port, "--token", TOKEN, "-c", "where")).isEqualTo(2);
    assertOneLineError("rdb: 127.0.0.1:" + port + ": cannot connect: ");
  }

  @Test
  void aMissingTokenSaysWhereItLooked() throws Exception {
    try (TcpAgent agent = TcpAgent.start(TOKEN, null)) {
      assertThat(rdb("attach", agent.address(), "-c", "where")).isEqualTo(2);
      assertOneLineError("rdb: " + agent.address() + ": no token: give --token or set RDB_TOKEN (no agent file for port "
          + agent.port());
    }
  }

  @Test
  void aBadAddressIsAUsageError() {
    assertThat(rdb("attach", "localhost", "-c", "where")).isEqualTo(2);
    assertOneLineError("rdb: expected PID or HOST:PORT, e.g. 4242 or 127.0.0.1:7777, got 'localhost'");
  }

  @Test
  void aPidAttachesThroughItsAgentFile() throws Exception {
    try (TcpAgent agent = TcpAgent.start(TOKEN, null)) {
      writeAgentFile(agent.port(), TOKEN, false, null);
      int exit = rdb("attach", Long.toString(SELF), "-c", "where; locals");
      assertThat(exit).as("stderr: %s", err).isZero();
      assertThat(err.toString()).isEmpty();
      assertThat(out.toString()).contains("com.acme.Cart.total(Cart.java:21)").contains("{apples=3, pears=0}");
    }
  }

  @Test
  void theTokenOptionWinsOverTheAgentFileOfThePid() throws Exception {
    try (TcpAgent agent = TcpAgent.start(TOKEN, null)) {
      writeAgentFile(agent.port(), "an-older-token", false, null);
      assertThat(rdb("attach", Long.toString(SELF), "--token", TOKEN, "-c", "where")).as("stderr: %s", err).isZero();
      writeAgentFile(agent.port(), TOKEN, false, null);
      assertThat(rdb("attach", Long.toString(SELF), "--token", "wrong", "-c", "where")).isEqualTo(2);
      assertOneLineError("rdb: " + agent.address() + " (pid " + SELF + "): authentication failed: wrong token (from "
          + "--token)");
    }
  }

  @Test
  void forAPidItsAgentFileTokenWinsOverTheEnvironment() throws Exception {
    try (TcpAgent agent = TcpAgent.start(TOKEN, null)) {
      writeAgentFile(agent.port(), TOKEN, false, null);
      AgentFile file = AgentFile.forPid(home, SELF);
      var request = new AgentConnector.Request(file.address(), null, false, home,
          Map.of(AgentConnector.TOKEN_VARIABLE, "set-for-another-agent"), Duration.ofSeconds(30));
      try (LiveDebuggee debuggee = AgentConnector.attach(request, file, note -> { })) {
        assertThat(debuggee.postMortems()).as("attached with the file's token").hasSize(1);
      }
    }
  }

  @Test
  void aPidWhoseAgentUsesTlsIsCheckedAgainstItsFileAndPinned() throws Exception {
    Tls tls = tls();
    try (TcpAgent agent = TcpAgent.start(TOKEN, tls.context())) {
      writeAgentFile(agent.port(), TOKEN, true, tls.fingerprint());
      assertThat(rdb("attach", Long.toString(SELF), "-c", "where")).as("stderr: %s", err).isZero();
      assertThat(Files.readString(home.resolve(".rdb/known_agents"))).contains(agent.address() + " " + tls.fingerprint());
    }
  }

  @Test
  void aPidWhoseAgentFileNamesAPortNobodyListensOnSaysSo() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    writeAgentFile(port, TOKEN, false, null);
    assertThat(rdb("attach", Long.toString(SELF), "-c", "where")).isEqualTo(2);
    assertOneLineError("rdb: 127.0.0.1:" + port + " (pid " + SELF + "): nothing listens there, although the agent file "
        + home.resolve(".rdb/agents/" + SELF + ".json") + " says so (has the agent stopped listening?): ");
  }

  @Test
  void aPidOfAJvmThatIsGoneIsExitTwoWithOneLine() throws Exception {
    Process gone = new ProcessBuilder("true").start();
    assertThat(gone.waitFor(30, TimeUnit.SECONDS)).isTrue();
    writeAgentFile(gone.pid(), 7777, TOKEN, false, null);
    assertThat(rdb("attach", Long.toString(gone.pid()), "-c", "where")).isEqualTo(2);
    assertOneLineError("rdb: the JVM with pid " + gone.pid() + " is gone; its agent file ");
  }

  @Test
  void aPidWithoutAnAgentFileSaysHowToFindOne() {
    assertThat(rdb("attach", Long.toString(SELF), "-c", "where")).isEqualTo(2);
    assertOneLineError("rdb: no rdb agent found for pid " + SELF + " (no ");
    assertThat(err.toString()).contains("`rdb ps` lists the JVMs with an agent");
  }

  @Test
  void numbersThatAreNoPidsAreUsageErrors() {
    for (String bad : new String[] {"0", "-1", "99999999999"}) {
      err.getBuffer().setLength(0);
      assertThat(rdb("attach", bad, "-c", "where")).as(bad).isEqualTo(2);
      assertOneLineError("rdb: not a process id: " + bad + " (a pid is 1..4294967295)");
    }
    err.getBuffer().setLength(0);
    assertThat(rdb("attach", "host:", "-c", "where")).isEqualTo(2);
    assertOneLineError("rdb: expected HOST:PORT, e.g. 127.0.0.1:7777, got 'host:'");
  }

  @Test
  void tlsPinsTheCertificateOnFirstUseAndTrustsItAfter() throws Exception {
    Tls tls = tls();
    try (TcpAgent agent = TcpAgent.start(TOKEN, tls.context())) {
      assertThat(rdb("attach", agent.address(), "--tls", "--token", TOKEN, "-c", "where")).as("stderr: %s", err).isZero();
      assertThat(err.toString()).contains("pinned the agent's certificate SHA-256 " + tls.fingerprint());
      assertThat(Files.readString(home.resolve(".rdb/known_agents"))).contains(agent.address() + " " + tls.fingerprint());
      err.getBuffer().setLength(0);
      assertThat(rdb("attach", agent.address(), "--tls", "--token", TOKEN, "-c", "where")).isZero();
      assertThat(err.toString()).as("nothing new to say").isEmpty();
    }
  }

  @Test
  void aChangedCertificateIsRefusedWithHowToForgetIt() throws Exception {
    Tls tls = tls();
    try (TcpAgent agent = TcpAgent.start(TOKEN, tls.context())) {
      Files.createDirectories(home.resolve(".rdb"));
      String old = "AA:" + tls.fingerprint().substring(3);
      Files.writeString(home.resolve(".rdb/known_agents"), agent.address() + " " + old + "\n");
      assertThat(rdb("attach", agent.address(), "--tls", "--token", TOKEN, "-c", "where")).isEqualTo(2);
      assertOneLineError("rdb: " + agent.address() + ": the agent's TLS certificate changed: it presents SHA-256 "
          + tls.fingerprint() + " but " + old + " is pinned");
      assertThat(err.toString()).contains("sed -i");
    }
  }

  @Test
  void theAgentFileSaysTlsAndVouchesForItsCertificate() throws Exception {
    Tls tls = tls();
    try (TcpAgent agent = TcpAgent.start(TOKEN, tls.context())) {
      writeAgentFile(agent.port(), TOKEN, true, tls.fingerprint());
      assertThat(rdb("attach", agent.address(), "-c", "where")).as("stderr: %s", err).isZero();
    }
  }

  @Test
  void aPlainClientToATlsAgentSaysToAddTls() throws Exception {
    Tls tls = tls();
    try (TcpAgent agent = TcpAgent.start(TOKEN, tls.context())) {
      assertThat(rdb("attach", agent.address(), "--token", TOKEN, "--timeout", "3", "-c", "where")).isEqualTo(2);
      assertThat(err.toString()).contains("add --tls");
    }
  }

  private void writeAgentFile(int port, String token, boolean tls, String fingerprint) throws IOException {
    writeAgentFile(SELF, port, token, tls, fingerprint);
  }

  private void writeAgentFile(long pid, int port, String token, boolean tls, String fingerprint) throws IOException {
    Path dir = home.resolve(".rdb/agents");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve(pid + ".json"), "{\"format\": 1, \"pid\": " + pid + ", \"host\": \"127.0.0.1\", "
        + "\"port\": " + port + ", \"token\": \"" + token + "\", \"tls\": " + tls + ", \"fingerprint\": "
        + (fingerprint == null ? "null" : "\"" + fingerprint + "\"") + ", \"policy\": \"readonly\", "
        + "\"mainClass\": \"com.acme.Shop\"}");
    Files.setPosixFilePermissions(dir.resolve(pid + ".json"), PosixFilePermissions.fromString("rw-------"));
  }

  private record Tls(SSLContext context, String fingerprint) {}

  /** A self-signed key pair made by the JDK's keytool, as an agent with keystore= would use. */
  private Tls tls() throws Exception {
    Path store = home.resolve("agent.p12");
    Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
        "-genkeypair", "-alias", "rdb", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=rdb-test",
        "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", "changeit",
        "-keypass", "changeit").redirectErrorStream(true).start();
    keytool.getInputStream().readAllBytes();
    assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(keytool.exitValue()).isZero();
    KeyStore keys = KeyStore.getInstance(store.toFile(), "changeit".toCharArray());
    KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    factory.init(keys, "changeit".toCharArray());
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(factory.getKeyManagers(), null, null);
    byte[] digest = MessageDigest.getInstance("SHA-256").digest(keys.getCertificate("rdb").getEncoded());
    return new Tls(context, HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest));
  }
}
