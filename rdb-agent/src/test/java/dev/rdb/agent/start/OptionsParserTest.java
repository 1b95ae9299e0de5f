package dev.rdb.agent.start;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rdb.agent.capture.LocalsMode;
import dev.rdb.agent.store.CaptureMode;
import java.util.List;
import org.junit.jupiter.api.Test;

class OptionsParserTest {

  @Test
  void noOptionsGiveTheDefaults() {
    AgentOptions o = OptionsParser.parse(null);
    assertThat(o.includes()).isEmpty();
    assertThat(o.locals()).isEqualTo(LocalsMode.EAGER);
    assertThat(o.capture()).isEqualTo(CaptureMode.UNCAUGHT);
    assertThat(o.keep()).isEqualTo(100);
  }

  @Test
  void classPatternsAreColonSeparatedAndOptionsCommaSeparated() {
    AgentOptions o = OptionsParser.parse(
        "includes=com.acme.*:org.shop.*,excludes=com.acme.gen.?ed*,locals=adaptive,capture=all,keep=7");
    assertThat(o.includes()).containsExactly("com.acme.*", "org.shop.*");
    assertThat(o.excludes()).containsExactly("com.acme.gen.?ed*");
    assertThat(o.locals()).isEqualTo(LocalsMode.ADAPTIVE);
    assertThat(o.capture()).isEqualTo(CaptureMode.ALL);
    assertThat(o.keep()).isEqualTo(7);
  }

  @Test
  void unknownOptionIsAnErrorNamingTheKnownOnes() {
    assertThatThrownBy(() -> OptionsParser.parse("includes=a.*,colour=blue"))
        .hasMessage("unknown option 'colour' (known: capture, dump, excludes, host, includes, keep, "
            + "keystore, locals, policy, port, redact, storepass, tls, token, wait)");
  }

  @Test
  void badValuesAreErrorsNamingOptionAndValue() {
    assertThatThrownBy(() -> OptionsParser.parse("locals=some")).hasMessage("locals: expected eager|adaptive, got 'some'");
    assertThatThrownBy(() -> OptionsParser.parse("keep=0")).hasMessage("keep: expected a positive integer, got '0'");
    assertThatThrownBy(() -> OptionsParser.parse("includes=com.acme.*:")).hasMessageStartingWith("includes: bad class pattern ''");
    assertThatThrownBy(() -> OptionsParser.parse("includes")).hasMessage("option is not key=value: 'includes'");
    assertThatThrownBy(() -> OptionsParser.parse("keep=1,keep=2")).hasMessage("option given twice: keep");
  }

  @Test
  void mainClassComesFromTheLauncherCommand() {
    assertThat(MainClass.of("com.acme.App arg1 arg2")).isEqualTo("com.acme.App");
    assertThat(MainClass.of("my.module/com.acme.App")).isEqualTo("com.acme.App");
    assertThat(MainClass.of("")).isNull();
    assertThat(MainClass.packageOf("com.acme.App")).isEqualTo("com.acme");
    assertThat(MainClass.packageOf("App")).isEmpty();
  }

  @Test
  void listenerOptionsGoToTheServeOptions() {
    AgentOptions o = OptionsParser.parse("includes=a.*,port=0,host=0.0.0.0,policy=full,wait=30");
    assertThat(o.serve().port()).isZero();
    assertThat(o.serve().host()).isEqualTo("0.0.0.0");
    assertThat(o.serve().policy().optionName()).isEqualTo("full");
    assertThat(o.serve().waitSeconds()).isEqualTo(30);
    assertThat(OptionsParser.parse(null).serve().port()).isEqualTo(7777);
  }

  @Test
  void inconsistentListenerOptionsAreAnError() {
    assertThatThrownBy(() -> OptionsParser.parse("keystore=/k.p12,storepass=x"))
        .hasMessage("keystore= needs tls=on");
  }

  @Test
  void emptyPatternListIsNeverProduced() {
    assertThat(OptionsParser.parse("excludes=x.Y").excludes()).isEqualTo(List.of("x.Y"));
  }

  @Test
  void dumpIsADirectoryMadeAbsolute() {
    assertThat(OptionsParser.parse("dump=target/rdb").dump())
        .isEqualTo(java.nio.file.Path.of("target/rdb").toAbsolutePath());
    assertThat(OptionsParser.parse(null).dump()).isNull();
    assertThatThrownBy(() -> OptionsParser.parse("dump=")).hasMessage("dump: expected a directory, got ''");
  }
}
