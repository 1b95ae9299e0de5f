package dev.rdb.cli.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** What the user types to name an agent: a pid of this machine, or HOST:PORT. */
class AgentLocatorTest {
  @Test
  void aBareNumberIsAPid() {
    assertThat(AgentLocator.parse("4242")).isEqualTo(new AgentLocator.Pid(4242));
    assertThat(AgentLocator.parse("1")).isEqualTo(new AgentLocator.Pid(1));
    assertThat(AgentLocator.parse("4294967295")).as("the largest 32-bit pid")
        .isEqualTo(new AgentLocator.Pid(4_294_967_295L));
  }

  @Test
  void hostAndPortStayAnAddress() {
    assertThat(AgentLocator.parse("127.0.0.1:7777"))
        .isEqualTo(new AgentLocator.Address(new AgentAddress("127.0.0.1", 7777)));
    assertThat(AgentLocator.parse("[::1]:7777")).isEqualTo(new AgentLocator.Address(new AgentAddress("::1", 7777)));
    assertThat(AgentLocator.parse("localhost:1")).isEqualTo(new AgentLocator.Address(new AgentAddress("localhost", 1)));
  }

  @Test
  void zeroNegativeAndHugeNumbersAreNotPids() {
    assertThatThrownBy(() -> AgentLocator.parse("0")).hasMessage("not a process id: 0 (a pid is 1..4294967295)");
    assertThatThrownBy(() -> AgentLocator.parse("-1")).hasMessage("not a process id: -1 (a pid is 1..4294967295)");
    assertThatThrownBy(() -> AgentLocator.parse("99999999999"))
        .hasMessage("not a process id: 99999999999 (a pid is 1..4294967295)");
    assertThatThrownBy(() -> AgentLocator.parse("4294967296")).hasMessageStartingWith("not a process id: 4294967296");
    assertThatThrownBy(() -> AgentLocator.parse("123456789012345678901234567890"))
        .as("too long for a long").hasMessageStartingWith("not a process id: 1234567890");
  }

  @Test
  void anythingElseSaysBothFormsAreExpected() {
    for (String text : new String[] {"", "-", "localhost", "42a", "4 2", "+42", "0x10"}) {
      assertThatThrownBy(() -> AgentLocator.parse(text)).as("'%s'", text)
          .hasMessage("expected PID or HOST:PORT, e.g. 4242 or 127.0.0.1:7777, got '" + text + "'");
    }
  }

  @Test
  void aHalfWrittenAddressSaysWhatIsWrongWithIt() {
    assertThatThrownBy(() -> AgentLocator.parse("host:")).hasMessage("expected HOST:PORT, e.g. 127.0.0.1:7777, got 'host:'");
    assertThatThrownBy(() -> AgentLocator.parse(":7777")).hasMessageStartingWith("expected HOST:PORT");
    assertThatThrownBy(() -> AgentLocator.parse("host:0")).hasMessage("port out of range 1..65535: 0");
  }

  @Test
  void aPidOutOfRangeCannotBeMade() {
    assertThatThrownBy(() -> new AgentLocator.Pid(0)).hasMessage("pid out of range 1..4294967295: 0");
  }
}
