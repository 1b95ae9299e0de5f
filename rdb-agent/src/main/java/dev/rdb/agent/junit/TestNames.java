package dev.rdb.agent.junit;

import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestIdentifier;

/**
 * A failing test's post-mortem name: {@code QuoterTest.germanQuote} for a method whose display name is
 * the default; {@code QuoterTest.rounds: [2] 0.5, HALF_UP} when the display name says more
 * (parameterized and repeated tests, {@code @DisplayName}); the display name and unique id for tests
 * that are neither methods nor classes (dynamic tests of other engines).
 */
final class TestNames {

  private TestNames() {}

  static String of(TestIdentifier test) {
    String display = test.getDisplayName();
    TestSource source = test.getSource().orElse(null);
    if (source instanceof MethodSource m) {
      String base = simple(m.getClassName()) + "." + m.getMethodName();
      // Jupiter's default display name: the method with its parameters' simple type names.
      String defaultDisplay = m.getMethodName() + "(" + m.getMethodParameterTypes().replaceAll("[\\w$]+\\.", "") + ")";
      return display.equals(defaultDisplay) || display.equals(m.getMethodName()) ? base : base + ": " + display;
    }
    if (source instanceof ClassSource c) {
      String base = simple(c.getClassName());
      return display.equals(base) ? base : base + ": " + display;
    }
    return display + " [" + test.getUniqueId() + "]";
  }

  private static String simple(String className) {
    return className.substring(className.lastIndexOf('.') + 1);
  }
}
