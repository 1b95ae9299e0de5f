package dev.rdb.agent.dump;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * Which objects a dump may look into through their own methods. Only classes of the JDK's named
 * modules qualify, and only where no application code can run: a JDK collection that wraps another
 * (an unmodifiable or synchronized view, a sublist of an arbitrary list) may delegate to an
 * application class, so it is not iterated.
 */
final class JdkClasses {

  private static final ClassLoader PLATFORM = ClassLoader.getPlatformClassLoader();

  /** Value classes whose {@code toString()} is their value and runs JDK code only. */
  private static final Set<String> VALUE_CLASSES = Set.of(
      "java.math.BigDecimal", "java.math.BigInteger", "java.util.UUID", "java.util.Date",
      "java.sql.Date", "java.sql.Time", "java.sql.Timestamp", "java.util.Locale", "java.util.Currency",
      "java.util.regex.Pattern", "java.net.URI", "java.io.File", "java.lang.StringBuilder",
      "java.lang.StringBuffer", "java.util.concurrent.atomic.AtomicInteger",
      "java.util.concurrent.atomic.AtomicLong", "java.util.concurrent.atomic.AtomicBoolean",
      "java.lang.Class", "java.net.InetSocketAddress", "java.net.Inet4Address", "java.net.Inet6Address");

  /** Members of {@code java.util.Collections} that hold their own elements rather than wrapping. */
  private static final Set<String> SELF_CONTAINED_COLLECTIONS = Set.of(
      "java.util.Collections$EmptyList", "java.util.Collections$EmptySet",
      "java.util.Collections$EmptyMap", "java.util.Collections$SingletonList",
      "java.util.Collections$SingletonSet", "java.util.Collections$SingletonMap",
      "java.util.Collections$CopiesList");

  private JdkClasses() {}

  /** A class of the JDK itself (a named module of the boot or platform loader). */
  static boolean isJdk(Class<?> c) {
    ClassLoader loader = c.getClassLoader();
    return (loader == null || loader == PLATFORM) && c.getModule().isNamed();
  }

  /** True when {@code o}'s {@code toString()} is its value and is JDK code. */
  static boolean isValueClass(Object o) {
    Class<?> c = o.getClass();
    if (!isJdk(c)) {
      return false;
    }
    String name = c.getName();
    return VALUE_CLASSES.contains(name) || name.startsWith("java.time.")
        || o instanceof Charset || o instanceof Path;
  }

  /** A JDK collection whose iteration and {@code size()} run JDK code only. */
  static boolean isIterableCollection(Object o) {
    return o instanceof Collection && selfContained(o.getClass());
  }

  /** A JDK map whose entry iteration and {@code size()} run JDK code only. */
  static boolean isIterableMap(Object o) {
    return o instanceof Map && selfContained(o.getClass());
  }

  private static boolean selfContained(Class<?> c) {
    if (!isJdk(c)) {
      return false;
    }
    String name = c.getName();
    if (name.startsWith("java.util.Collections$")) {
      return SELF_CONTAINED_COLLECTIONS.contains(name);
    }
    return !name.startsWith("java.util.AbstractList$") && !name.contains("SubList")
        && !name.startsWith("java.util.AbstractMap$");
  }
}
