package dev.rdb.cli.render;

/** Short forms of Java type names, as an IDE shows them. */
public final class TypeNames {
  private TypeNames() {}

  /**
   * Drops package prefixes from every qualified name in a type ({@code java.util.List<com.acme.Item>}
   * becomes {@code List<Item>}) and writes nested classes with dots ({@code Outer$Inner} becomes
   * {@code Outer.Inner}).
   */
  public static String simple(String type) {
    StringBuilder out = new StringBuilder(type.length());
    int segmentStart = 0;
    for (int i = 0; i <= type.length(); i++) {
      char c = i < type.length() ? type.charAt(i) : ' ';
      if (Character.isJavaIdentifierPart(c) && c != '$' || c == '.') {
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
}
