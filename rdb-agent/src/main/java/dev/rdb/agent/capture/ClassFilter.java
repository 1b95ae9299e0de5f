package dev.rdb.agent.capture;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Which classes are instrumented, JaCoCo style: class-name patterns with {@code *} (any characters,
 * dots included) and {@code ?} (one character). JDK and agent classes never match.
 */
public final class ClassFilter {

  private static final List<String> NEVER =
      List.of("java.", "javax.", "jdk.", "sun.", "com.sun.", "dev.rdb.agent.");

  private final List<Pattern> includes;
  private final List<Pattern> excludes;
  private final String description;

  private ClassFilter(List<Pattern> includes, List<Pattern> excludes, String description) {
    this.includes = List.copyOf(includes);
    this.excludes = List.copyOf(excludes);
    this.description = description;
  }

  /** Classes matching one of {@code includes} and none of {@code excludes}. */
  public static ClassFilter of(List<String> includes, List<String> excludes) {
    return new ClassFilter(compile(includes), compile(excludes), String.join(":", includes));
  }

  /**
   * The classes of one package and its subpackages ({@code com.acme.*}); the empty name is the
   * unnamed package, whose classes only are taken (not every class of the application).
   */
  public static ClassFilter packageOf(String packageName, List<String> excludes) {
    Pattern include = packageName.isEmpty()
        ? Pattern.compile("[^.]+")
        : Pattern.compile(Pattern.quote(packageName + ".") + ".+");
    return new ClassFilter(List.of(include), compile(excludes),
        packageName.isEmpty() ? "(unnamed package)" : packageName + ".*");
  }

  /** True when the class with this binary name ({@code com.acme.Cart$Line}) is instrumented. */
  public boolean accepts(String className) {
    for (String prefix : NEVER) {
      if (className.startsWith(prefix)) {
        return false;
      }
    }
    return matches(includes, className) && !matches(excludes, className);
  }

  /** The includes as the user would write them. */
  public String description() {
    return description;
  }

  private static boolean matches(List<Pattern> patterns, String className) {
    for (Pattern p : patterns) {
      if (p.matcher(className).matches()) {
        return true;
      }
    }
    return false;
  }

  private static List<Pattern> compile(List<String> wildcards) {
    return wildcards.stream().map(ClassFilter::compile).toList();
  }

  private static Pattern compile(String wildcard) {
    StringBuilder regex = new StringBuilder();
    for (char c : wildcard.toCharArray()) {
      if (c == '*') {
        regex.append(".*");
      } else if (c == '?') {
        regex.append('.');
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString());
  }
}
