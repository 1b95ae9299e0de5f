package dev.rdb.agent.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClassFilterTest {

  @Test
  void starMatchesSubpackagesAndQuestionMarkOneCharacter() {
    ClassFilter f = ClassFilter.of(List.of("com.acme.*", "org.shop.Ca?t"), List.of("com.acme.gen.*"));
    assertThat(f.accepts("com.acme.App")).isTrue();
    assertThat(f.accepts("com.acme.deep.er.App$Inner")).isTrue();
    assertThat(f.accepts("com.acme.gen.Parser")).as("excluded").isFalse();
    assertThat(f.accepts("org.shop.Cart")).isTrue();
    assertThat(f.accepts("org.shop.Carts")).isFalse();
    assertThat(f.accepts("com.acmex.App")).isFalse();
  }

  @Test
  void jdkAndAgentClassesNeverMatch() {
    ClassFilter all = ClassFilter.of(List.of("*"), List.of());
    assertThat(all.accepts("java.lang.String")).isFalse();
    assertThat(all.accepts("jdk.internal.misc.Unsafe")).isFalse();
    assertThat(all.accepts("dev.rdb.agent.bridge.Bridge")).isFalse();
    assertThat(all.accepts("org.acme.App")).isTrue();
  }

  @Test
  void packageOfMainClassIncludesSubpackages() {
    ClassFilter f = ClassFilter.packageOf("com.acme", List.of());
    assertThat(f.accepts("com.acme.App")).isTrue();
    assertThat(f.accepts("com.acme.sub.Other")).isTrue();
    assertThat(f.accepts("com.acmeother.Other")).isFalse();
    assertThat(f.description()).isEqualTo("com.acme.*");
    assertThat(ClassFilter.packageOf("", List.of()).accepts("App")).isTrue();
    assertThat(ClassFilter.packageOf("", List.of()).accepts("org.lib.Lib")).isFalse();
  }
}
