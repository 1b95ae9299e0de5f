package dev.rdb.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TypeNamesTest {

  @Test
  void packagesAreDroppedInsideGenericArguments() {
    assertThat(TypeNames.simple("java.util.Map<java.lang.String, com.acme.Item[]>"))
        .isEqualTo("Map<String, Item[]>");
  }

  @Test
  void nestedClassesAreWrittenWithDots() {
    assertThat(TypeNames.simple("com.acme.Outer$Inner$Leaf")).isEqualTo("Outer.Inner.Leaf");
  }

  @Test
  void proxyClassesKeepTheirDollarName() {
    assertThat(TypeNames.simple("jdk.proxy2.$Proxy0")).isEqualTo("$Proxy0");
  }

  @Test
  void anonymousClassesAndLambdasKeepTheNameTheJvmGave() {
    assertThat(TypeNames.simple("com.acme.Outer$1")).isEqualTo("Outer$1");
    assertThat(TypeNames.simple("com.acme.Cart$$Lambda$14/0x0000000800c0b000"))
        .isEqualTo("Cart$$Lambda$14/0x0000000800c0b000");
  }
}
