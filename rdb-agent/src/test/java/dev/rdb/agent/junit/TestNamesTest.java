package dev.rdb.agent.junit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestIdentifier;

class TestNamesTest {

  private static TestIdentifier test(String displayName, TestSource source) {
    UniqueId id = UniqueId.forEngine("junit-jupiter").append("test", displayName);
    return TestIdentifier.from(new AbstractTestDescriptor(id, displayName, source) {
      @Override
      public Type getType() {
        return Type.TEST;
      }
    });
  }

  @Test
  void methodWithItsDefaultDisplayNameIsClassDotMethod() {
    assertThat(TestNames.of(test("totals()", MethodSource.from("com.acme.ShopTest", "totals", ""))))
        .isEqualTo("ShopTest.totals");
    assertThat(TestNames.of(test("totals(TestInfo, int)",
        MethodSource.from("com.acme.ShopTest", "totals", "org.junit.jupiter.api.TestInfo, int"))))
        .isEqualTo("ShopTest.totals");
  }

  @Test
  void displayNameThatSaysMoreIsKept() {
    assertThat(TestNames.of(test("[2] 0.5, HALF_UP",
        MethodSource.from("com.acme.RoundingTest", "rounds", "double, java.math.RoundingMode"))))
        .isEqualTo("RoundingTest.rounds: [2] 0.5, HALF_UP");
    assertThat(TestNames.of(test("VAT at 20 %", MethodSource.from("com.acme.VatTest", "austria", ""))))
        .isEqualTo("VatTest.austria: VAT at 20 %");
  }

  @Test
  void failingContainerIsNamedAfterItsClass() {
    assertThat(TestNames.of(test("ShopTest", ClassSource.from("com.acme.ShopTest")))).isEqualTo("ShopTest");
  }

  @Test
  void testWithoutSourceIsNamedByDisplayNameAndUniqueId() {
    assertThat(TestNames.of(test("dynamic #3", null)))
        .isEqualTo("dynamic #3 [[engine:junit-jupiter]/[test:dynamic #3]]");
  }
}
