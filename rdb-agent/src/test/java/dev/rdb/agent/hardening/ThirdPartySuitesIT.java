package dev.rdb.agent.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A few test classes of two libraries' published test suites (commons-collections4 4.4 on JUnit 4,
 * commons-codec 1.17.1 on Jupiter), run by the JUnit console launcher without and with the agent
 * instrumenting the library and its tests ({@code capture=all}): the same tests must run with the
 * same outcomes, and the agent must count no error. The full suites: {@code
 * bench/scripts/third-party-suites.sh}.
 */
class ThirdPartySuitesIT {

  private static final List<String> ERROR_COUNTERS =
      List.of("transformFailed", "methodsFailed", "retransformFailed", "storeError", "bridgeError");

  static Stream<Arguments> suites() {
    String c = "org.apache.commons.collections4.";
    String d = "org.apache.commons.codec.";
    return Stream.of(
        Arguments.of("commons-collections4", c + "*", "commons-collections4-4.4",
            List.of(c + "map.HashedMapTest", c + "CollectionUtilsTest", c + "iterators.FilterIteratorTest")),
        Arguments.of("commons-codec", d + "*", "commons-codec-1.17.1",
            List.of(d + "language.SoundexTest", d + "net.URLCodecTest", d + "net.QuotedPrintableCodecTest",
                d + "binary.BinaryCodecTest")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("suites")
  void librarysOwnTestsHaveTheSameOutcomesUnderTheAgent(String library, String includes, String jar,
      List<String> testClasses) throws Exception {
    Jvm.Run without = runSuite(null, jar, testClasses);
    Jvm.Run with = runSuite("includes=" + includes + ",capture=all", jar, testClasses);

    assertThat(without.numbers("count").get("found")).as(without.describe()).isPositive();
    assertThat(with.numbers("count")).as("passed/failed/skipped counts of %s", library)
        .isEqualTo(without.numbers("count"));
    assertThat(with.lines("failed")).as("failing tests of %s", library)
        .containsExactlyElementsOf(without.lines("failed"));
    assertThat(with.exitCode()).isEqualTo(without.exitCode());
    for (String counter : ERROR_COUNTERS) {
      assertThat(with.counter(counter)).as("%s under the agent: %s", counter, with.describe()).isZero();
    }
    assertThat(with.counter("methodsInstrumented")).as("the library was instrumented").isPositive();
    assertThat(with.counter("framesCaptured")).as("its tests' exceptions were captured").isPositive();
  }

  private static Jvm.Run runSuite(String agentOptions, String jar, List<String> testClasses) throws Exception {
    Path tests = Jvm.thirdParty(jar + "-tests.jar");
    List<Path> classPath = new ArrayList<>();
    for (String name : List.of("junit-platform-console-standalone-1.14.4.jar", "junit-vintage-engine-5.14.4.jar",
        "junit-4.13.2.jar", "hamcrest-core-1.3.jar", "hamcrest-2.2.jar", "easymock-4.0.2.jar", "objenesis-3.4.jar",
        "commons-lang3-3.17.0.jar", "commons-io-2.16.1.jar", jar + "-tests.jar", jar + ".jar")) {
      classPath.add(Jvm.thirdParty(name));
    }
    List<String> args = new ArrayList<>(List.of("execute", "--disable-banner", "--details=none"));
    testClasses.forEach(c -> args.add("--select-class=" + c));
    assertThat(tests).exists();
    return Jvm.run(System.getProperty("java.home"), agentOptions, List.of("-Xmx512m"), classPath,
        "hardening.SuiteLauncher", args, 180);
  }
}
