package dev.rdb.core;

/**
 * Short forms of the type names the protocol carries, as an IDE shows them. Every reader of
 * {@link Description#typeName()} that prints for people wants the same short form, so it lives here:
 * the CLI's renderer and the agent's text dumps stay identical.
 */
public final class TypeNames {
  private TypeNames() {}

  /**
   * Drops package prefixes from every qualified name in a type ({@code java.util.List<com.acme.Item>}
   * becomes {@code List<Item>}) and writes nested classes with dots ({@code Outer$Inner} becomes
   * {@code Outer.Inner}). A {@code $} that does not separate two names stays: proxies
   * ({@code jdk.proxy2.$Proxy0} becomes {@code $Proxy0}), anonymous classes ({@code Outer$1}) and
   * lambdas ({@code Cart$$Lambda$14/0x…}) keep the name the JVM gave them.
   */
  public static String simple(String type) {
    StringBuilder out = new StringBuilder(type.length());
    int segmentStart = 0;
    for (int i = 0; i <= type.length(); i++) {
      char c = i < type.length() ? type.charAt(i) : ' ';
      if (Character.isJavaIdentifierPart(c) && !(c == '$' && nests(type, i)) || c == '.') {
        continue;
      }
      String segment = type.substring(segmentStart, i);
      out.append(segment.substring(segment.lastIndexOf('.') + 1));
      if (i < type.length()) {
        out.append(c == '$' ? '.' : c);
      }
      segmentStart = i + 1;
    }
    return out.toString();
  }

  /** True when the {@code $} at {@code i} sits between the end of one name and the start of another. */
  private static boolean nests(String type, int i) {
    char before = i > 0 ? type.charAt(i - 1) : '.';
    char after = i + 1 < type.length() ? type.charAt(i + 1) : '.';
    return before != '$' && Character.isJavaIdentifierPart(before)
        && after != '$' && Character.isJavaIdentifierStart(after);
  }
}
