package dev.rdb.cli.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Addresses as users write them, and the pins kept for them. */
class AgentAddressTest {
  @TempDir Path home;

  @Test
  void hostAndPortParseWithIpv6InBrackets() {
    assertThat(AgentAddress.parse("127.0.0.1:7777")).isEqualTo(new AgentAddress("127.0.0.1", 7777));
    assertThat(AgentAddress.parse("[::1]:7777")).isEqualTo(new AgentAddress("::1", 7777));
    assertThat(AgentAddress.parse("[::1]:7777").toString()).isEqualTo("[::1]:7777");
  }

  @Test
  void badAddressesSayWhatIsExpected() {
    assertThatThrownBy(() -> AgentAddress.parse("7777")).hasMessageStartingWith("expected HOST:PORT");
    assertThatThrownBy(() -> AgentAddress.parse("::1:7777")).hasMessageStartingWith("write an IPv6 address in brackets");
    assertThatThrownBy(() -> AgentAddress.parse("host:http")).hasMessage("port is not a number in 'host:http'");
    assertThatThrownBy(() -> AgentAddress.parse("host:70000")).hasMessage("port out of range 1..65535: 70000");
  }

  @Test
  void loopbackIsThisMachine() {
    assertThat(AgentAddress.parse("localhost:1").isThisMachine()).isTrue();
    assertThat(AgentAddress.parse("127.0.0.1:1").isThisMachine()).isTrue();
  }

  @Test
  void aPinIsKeptPerAddressInAPrivateFile() throws Exception {
    KnownAgents known = new KnownAgents(home);
    AgentAddress a = AgentAddress.parse("127.0.0.1:7777");
    AgentAddress b = AgentAddress.parse("127.0.0.1:7778");
    known.pin(a, "AA:BB");
    known.pin(b, "CC:DD");
    known.pin(a, "EE:FF");
    assertThat(known.pinned(a)).contains("EE:FF");
    assertThat(known.pinned(b)).contains("CC:DD");
    assertThat(known.pinned(AgentAddress.parse("127.0.0.1:1"))).isEmpty();
    assertThat(Files.getPosixFilePermissions(known.file())).isEqualTo(PosixFilePermissions.fromString("rw-------"));
  }

  @Test
  void theForgetCommandRemovesExactlyThatPin() throws Exception {
    KnownAgents known = new KnownAgents(home);
    AgentAddress a = AgentAddress.parse("127.0.0.1:7777");
    known.pin(a, "AA:BB");
    AgentAddress similar = AgentAddress.parse("127.0.0.1:777");
    known.pin(similar, "CC:DD");
    Process sed = new ProcessBuilder("sh", "-c", known.forgetCommand(a)).redirectErrorStream(true).start();
    sed.getInputStream().readAllBytes();
    assertThat(sed.waitFor()).isZero();
    assertThat(known.pinned(a)).isEmpty();
    assertThat(known.pinned(similar)).as("a prefix of the address stays").contains("CC:DD");
  }
}
