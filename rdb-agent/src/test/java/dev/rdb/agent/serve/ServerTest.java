package dev.rdb.agent.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.rdb.agent.metrics.Counters;
import dev.rdb.agent.store.PostMortemView;
import dev.rdb.core.Batch;
import dev.rdb.core.Connection;
import dev.rdb.core.Description;
import dev.rdb.core.PolicyDeniedException;
import dev.rdb.core.Redacted;
import dev.rdb.core.RemoteRef;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ServerTest {

  private final List<PostMortemView> postMortems = List.of(Crashes.divideByZero(1, new long[10]));
  private InProcessServer agent;

  @BeforeEach
  void start() throws Exception {
    agent = new InProcessServer("", () -> postMortems);
  }

  @AfterEach
  void stop() {
    agent.close();
  }

  @Test
  void agentFileIsOwnerOnlyAndSaysHowToAttach() throws Exception {
    Path file = agent.agentFile();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
        .isEqualTo("rwx------");
    Map<String, Object> json = readJson(file);
    assertThat(json).containsEntry("format", 1L)
        .containsEntry("pid", ProcessHandle.current().pid())
        .containsEntry("host", "127.0.0.1")
        .containsEntry("port", (long) agent.port())
        .containsEntry("tls", false)
        .containsEntry("fingerprint", null)
        .containsEntry("policy", "readonly")
        .containsEntry("mainClass", "com.acme.Main")
        .containsKeys("agentVersion", "javaVersion", "startedAt");
    assertThat((String) json.get("token")).hasSize(43).matches("[A-Za-z0-9_-]+");
  }

  @Test
  void startupLineSaysWhereTheTokenIsButNeverTheToken() throws Exception {
    String line = agent.server.description();
    assertThat(line).isEqualTo("listening on 127.0.0.1:" + agent.port() + " (readonly; token in "
        + agent.agentFile() + ")");
    assertThat(line).doesNotContain(agent.token());
  }

  @Test
  void agentFileIsRemovedWhenTheServerCloses() throws Exception {
    Path file = agent.agentFile();
    agent.server.close("test");
    assertThat(file).doesNotExist();
  }

  @Test
  void clientReadsLocalsOfEveryFrameOfAPostMortem() throws Exception {
    Connection c = agent.connect();
    List<Object> pms = ((RemoteRef) c.root().call("postMortems")).toList();
    assertThat(pms).hasSize(1);
    RemoteRef pm = (RemoteRef) pms.get(0);
    assertThat(pm.get("exceptionType")).isEqualTo("java.lang.ArithmeticException");
    List<Object> frames = ((RemoteRef) pm.get("frames")).toList();
    assertThat(frames).hasSize(3);
    Map<String, List<String>> localsByFrame = new HashMap<>();
    for (Object f : frames) {
      RemoteRef frame = (RemoteRef) f;
      List<String> names = new java.util.ArrayList<>();
      for (Object l : ((RemoteRef) frame.get("locals")).toList()) {
        RemoteRef local = (RemoteRef) l;
        names.add(local.get("name") + "=" + render(local.get("value")));
      }
      localsByFrame.put((String) frame.get("methodName"), names);
    }
    String shop = Crashes.Shop.class.getName();
    assertThat(localsByFrame.get("divide")).containsExactly("this=" + shop, "by=0",
        "password=<redacted>", "label=by 0", "big=[J");
    assertThat(localsByFrame.get("total")).containsExactly("this=" + shop, "sum=3");
    assertThat(localsByFrame.get("main")).isEmpty();
  }

  @Test
  void throwableCauseAndSuppressedAreReachable() throws Exception {
    Connection c = agent.connect();
    RemoteRef pm = (RemoteRef) c.root().call("postMortem", 1);
    Object thrown = pm.get("throwable");
    assertThat(thrown).isInstanceOf(dev.rdb.core.RemoteThrowable.class);
    dev.rdb.core.RemoteThrowable t = (dev.rdb.core.RemoteThrowable) thrown;
    assertThat(t.cause().message()).isEqualTo("root cause");
    RemoteRef suppressed = (RemoteRef) t.ref().call("getSuppressed");
    assertThat(((dev.rdb.core.RemoteThrowable) suppressed.index(0)).message()).isEqualTo("suppressed one");
  }

  @Test
  void whereIsOneRoundTrip() throws Exception {
    Connection c = agent.connect();
    long before = c.stats().roundTrips();
    Batch batch = c.batch();
    Batch.Step<Object> pm = batch.call(c.root(), "postMortem", 1);
    Batch.Step<Object> frames = batch.get(pm, "frames");
    Batch.Step<List<Description>> described = batch.describe(List.of(frames), 2);
    batch.execute();
    assertThat(c.stats().roundTrips() - before).as("round trips for where").isEqualTo(1);
    List<Description.Element> elements = described.value().get(0).elements();
    assertThat(elements).hasSize(3);
    Map<String, Object> top = fields(elements.get(0).description());
    assertThat(top).containsEntry("className", "com.acme.Shop").containsEntry("methodName", "divide")
        .containsEntry("fileName", "Shop.java").containsEntry("line", 42)
        .containsEntry("captured", true);
  }

  @Test
  void localsOfAFrameAreOneRoundTrip() throws Exception {
    Connection c = agent.connect();
    long before = c.stats().roundTrips();
    Batch batch = c.batch();
    Batch.Step<Object> pm = batch.call(c.root(), "postMortem", 1);
    Batch.Step<Object> frames = batch.get(pm, "frames");
    Batch.Step<Object> frame = batch.index(frames, 1);
    Batch.Step<Object> locals = batch.get(frame, "locals");
    Batch.Step<List<Description>> described = batch.describe(List.of(locals), 3);
    batch.execute();
    assertThat(c.stats().roundTrips() - before).as("round trips for locals").isEqualTo(1);
    List<Description.Element> elements = described.value().get(0).elements();
    assertThat(elements).extracting(e -> fields(e.description()).get("name"))
        .containsExactly("this", "sum");
    Description shop = elements.get(0).description().fields().stream()
        .filter(f -> f.name().equals("value")).findFirst().orElseThrow().description();
    assertThat(fields(shop)).containsEntry("owner", "ann").containsEntry("apiPassword", Redacted.INSTANCE);
  }

  @Test
  void redactedNamesNeverLeaveTheJvm() throws Exception {
    ByteArrayOutputStream received = new ByteArrayOutputStream();
    Connection c = agent.connectRecording(received);
    RemoteRef pm = (RemoteRef) c.root().call("postMortem", 1);
    RemoteRef frame = (RemoteRef) ((RemoteRef) pm.get("frames")).index(0);
    RemoteRef locals = (RemoteRef) frame.get("locals");
    c.describe(List.of(locals), 4);
    List<Object> all = locals.toList();
    RemoteRef password = (RemoteRef) all.get(2);
    assertThat(password.get("name")).isEqualTo("password");
    assertThat(password.get("value")).isEqualTo(Redacted.INSTANCE);
    assertThat(password.describe(3).fields()).isNotEmpty();
    RemoteRef shop = (RemoteRef) ((RemoteRef) all.get(0)).get("value");
    assertThat(shop.get("apiPassword")).isEqualTo(Redacted.INSTANCE);
    shop.describe(3);
    byte[] bytes;
    synchronized (received) {
      bytes = received.toByteArray();
    }
    String wire = new String(bytes, StandardCharsets.ISO_8859_1);
    assertThat(wire).as("bytes the agent sent").contains("password").doesNotContain(Crashes.SECRET)
        .doesNotContain(Crashes.FIELD_SECRET);
  }

  @Test
  void policyIsLearntInHelloAndFromTheRoot() throws Exception {
    Connection c = agent.connect();
    assertThat(c.peerPolicy().name()).isEqualTo("readonly");
    assertThat(c.root().call("policy")).isEqualTo("readonly");
  }

  @Test
  void rootFieldsAreNotReadable() throws Exception {
    Connection c = agent.connect();
    assertThatThrownBy(() -> c.root().get("counters")).isInstanceOf(PolicyDeniedException.class);
  }

  @Test
  void unknownPostMortemNamesTheKeptOnes() throws Exception {
    Connection c = agent.connect();
    assertThatThrownBy(() -> c.root().call("postMortem", 9))
        .hasMessageContaining("no post-mortem 9 (kept: 1..1)");
  }

  @Test
  void systemPropertiesAreRedactedByName() throws Exception {
    System.setProperty("rdb.test.dbPassword", "sp-secret");
    try {
      Connection c = agent.connect();
      RemoteRef props = (RemoteRef) c.root().call("systemProperties");
      assertThat(props.index("rdb.test.dbPassword")).isEqualTo(Redacted.INSTANCE);
      assertThat(props.index("java.version")).isEqualTo(System.getProperty("java.version"));
    } finally {
      System.clearProperty("rdb.test.dbPassword");
    }
  }

  @Test
  void countersShowClientsAndExportedObjects() throws Exception {
    Connection c = agent.connect();
    // The client's HELLO ends before the agent's handshake thread registers the session.
    InProcessServer.await("the client registered", () -> agent.gauge("clientsConnected") == 1);
    RemoteRef counters = (RemoteRef) c.root().call("counters");
    assertThat(counters.index("clientsConnected")).isEqualTo(1L);
    assertThat((Long) counters.index("exportedObjects")).isPositive();
    assertThat(counters.index("clientsAccepted")).isEqualTo(1L);
  }

  @Test
  void portInUseMeansNotListeningWithOneReason() throws Exception {
    try (ServerSocket taken = new ServerSocket(0)) {
      assertThatThrownBy(() -> new InProcessServer("port=" + taken.getLocalPort(), List::of))
          .isInstanceOf(Server.Failure.class)
          .hasMessageStartingWith("cannot listen on 127.0.0.1:" + taken.getLocalPort() + ": ");
    }
  }

  @Test
  void defaultPortTakenGivesWayToAFreePortNamedInTheAgentFile() throws Exception {
    Path home = Files.createTempDirectory("rdb-home");
    try (ServerSocket taken = new ServerSocket(0)) {
      ServeOptions notGiven = new ServeOptions(taken.getLocalPort(), false, "127.0.0.1", null,
          ServeOptions.PolicyChoice.READONLY, null, false, null, null, 0);
      Server server = Server.open(notGiven, List::of, () -> new Class<?>[0], new Counters(),
          "com.acme.Main", ListenerLimits.DEFAULTS, home.toString(),
          new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
      try {
        int port = server.listener().address().getPort();
        assertThat(port).isNotEqualTo(taken.getLocalPort());
        assertThat(server.description()).startsWith("listening on 127.0.0.1:" + port
            + ", as port " + taken.getLocalPort() + " is taken (readonly; token in ");
        String file = Files.readString(AgentFile.pathFor(home.toString(), ProcessHandle.current().pid()));
        assertThat(file).as("where rdb ps and rdb attach PID look").contains("\"port\" : " + port);
      } finally {
        server.close("test over");
      }
    }
  }

  @Test
  void nonLoopbackWithoutTlsWarnsOnce() throws Exception {
    try (InProcessServer open = new InProcessServer("host=0.0.0.0", List::of)) {
      String err = open.err.toString(StandardCharsets.UTF_8);
      assertThat(err.lines()).hasSize(1);
      assertThat(err).startsWith("rdb: WARNING: listening on 0.0.0.0:" + open.port() + " without TLS");
    }
    assertThat(agent.err.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void givenTokenIsNotWrittenToTheAgentFile() throws Exception {
    try (InProcessServer given = new InProcessServer("token=given-secret", List::of)) {
      assertThat(readJson(given.agentFile())).containsEntry("token", null);
      assertThat(given.connect("given-secret").root().call("policy")).isEqualTo("readonly");
      assertThat(given.server.description()).doesNotContain("given-secret")
          .contains("token from the options, agent file ");
    }
  }

  private static Object render(Object v) {
    return v instanceof RemoteRef ? ((RemoteRef) v).typeName() : String.valueOf(v);
  }

  private static Map<String, Object> fields(Description d) {
    Map<String, Object> m = new HashMap<>();
    d.fields().forEach(f -> m.put(f.name(), f.value()));
    return m;
  }

  static Map<String, Object> readJson(Path file) throws Exception {
    Map<String, Object> m = new HashMap<>();
    try (JsonParser p = new JsonFactory().createParser(file.toFile())) {
      p.nextToken();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken t = p.nextToken();
        m.put(name, t == JsonToken.VALUE_NULL ? null : t == JsonToken.VALUE_NUMBER_INT
            ? p.getLongValue() : t.isBoolean() ? p.getBooleanValue() : p.getText());
      }
    }
    return m;
  }
}
