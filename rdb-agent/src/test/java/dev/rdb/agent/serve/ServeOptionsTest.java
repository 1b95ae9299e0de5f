package dev.rdb.agent.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ServeOptionsTest {

  @Test
  void aGivenPortIsHeldTo() {
    assertThat(ServeOptions.builder().set("port", "7777").build().portGiven()).isTrue();
    assertThat(ServeOptions.builder().set("port", "0").build().portGiven()).isTrue();
  }

  @Test
  void defaultsListenOnLoopback7777ReadonlyWithAGeneratedToken() {
    ServeOptions o = ServeOptions.defaults();
    assertThat(o.port()).isEqualTo(7777);
    assertThat(o.portGiven()).as("so a taken 7777 gives way to a free port").isFalse();
    assertThat(o.host()).isEqualTo("127.0.0.1");
    assertThat(o.token()).as("null means: generate one").isNull();
    assertThat(o.policy()).isEqualTo(ServeOptions.PolicyChoice.READONLY);
    assertThat(o.tls()).isFalse();
    assertThat(o.waitSeconds()).isZero();
    assertThat(o.listens()).isTrue();
  }

  @Test
  void portOffTurnsTheListenerOff() {
    assertThat(ServeOptions.builder().set("port", "off").build().listens()).isFalse();
  }

  @Test
  void secretsMayComeFromTheEnvironment() {
    ServeOptions o = ServeOptions.builder().environment(Map.of("RDB_TOKEN", "s3")::get)
        .set("token", "env:RDB_TOKEN").build();
    assertThat(o.token()).isEqualTo("s3");
    assertThatThrownBy(() -> ServeOptions.builder().environment(Map.<String, String>of()::get)
        .set("token", "env:NOPE")).hasMessage("token: environment variable 'NOPE' is not set");
  }

  @Test
  void badValuesNameTheOptionAndTheValue() {
    assertThatThrownBy(() -> ServeOptions.builder().set("port", "77777"))
        .hasMessage("port: expected 0..65535 or off, got '77777'");
    assertThatThrownBy(() -> ServeOptions.builder().set("policy", "rw"))
        .hasMessage("policy: expected readonly|full, got 'rw'");
    assertThatThrownBy(() -> ServeOptions.builder().set("tls", "yes"))
        .hasMessage("tls: expected on|off, got 'yes'");
    assertThatThrownBy(() -> ServeOptions.builder().set("redact", "("))
        .hasMessageStartingWith("redact: bad regular expression '('");
    assertThatThrownBy(() -> ServeOptions.builder().set("wait", "-1"))
        .hasMessage("wait: expected seconds 0..86400, got '-1'");
    assertThatThrownBy(() -> ServeOptions.builder().set("host", "a b"))
        .hasMessage("host: expected a host name or address, got 'a b'");
  }

  @Test
  void keystoreNeedsTlsAndAPassword() {
    assertThatThrownBy(() -> ServeOptions.builder().set("tls", "on").set("keystore", "k.p12").build())
        .hasMessage("keystore= needs storepass=");
    assertThatThrownBy(() -> ServeOptions.builder().set("tls", "on").set("storepass", "x").build())
        .hasMessage("storepass= needs keystore=");
  }

  @Test
  void redactionIsCaseInsensitive() {
    ServeOptions o = ServeOptions.builder().set("redact", "pin").build();
    assertThat(o.redact().matcher("cardPIN").find()).isTrue();
  }

  @Test
  void secretsNeverShowInToString() {
    ServeOptions o = ServeOptions.builder().set("token", "tok-123").set("tls", "on")
        .set("keystore", "k.p12").set("storepass", "pass-456").build();
    assertThat(o.toString()).doesNotContain("tok-123").doesNotContain("pass-456");
  }
}
