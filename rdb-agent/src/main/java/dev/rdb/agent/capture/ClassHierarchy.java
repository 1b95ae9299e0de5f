package dev.rdb.agent.capture;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;

/**
 * Answers ASM's "common superclass" question from class <em>bytes</em>, never by loading a class:
 * loading from inside a transformer would run the application's static initializers in the middle of
 * another class's definition, through the wrong loader. Interfaces merge to {@code java/lang/Object},
 * as the JVM's verifier treats them.
 *
 * <p>One instance per class loader; thread-safe.
 */
public final class ClassHierarchy {

  private static final String OBJECT = "java/lang/Object";
  private static final int MAX_CACHED = 50_000;

  private final Function<String, byte[]> classBytes;
  private final Map<String, Info> cache = new ConcurrentHashMap<>();

  /** @param classBytes the class file of an internal name, or null when there is none */
  public ClassHierarchy(Function<String, byte[]> classBytes) {
    this.classBytes = classBytes;
  }

  /** Remembers the class being transformed, which its loader cannot find yet when it is generated. */
  void learn(ClassReader reader) {
    cache.put(reader.getClassName(), new Info(reader.getSuperName(),
        (reader.getAccess() & Opcodes.ACC_INTERFACE) != 0));
  }

  String commonSuperClass(String a, String b) {
    if (a.equals(b)) {
      return a;
    }
    if (OBJECT.equals(a) || OBJECT.equals(b)) {
      return OBJECT;
    }
    Info ia = info(a);
    Info ib = info(b);
    if (ia.isInterface || ib.isInterface) {
      return OBJECT;
    }
    Set<String> ancestorsOfA = new HashSet<>();
    for (String c = a; c != null; c = info(c).superName) {
      ancestorsOfA.add(c);
    }
    for (String c = b; c != null; c = info(c).superName) {
      if (ancestorsOfA.contains(c)) {
        return c;
      }
    }
    return OBJECT;
  }

  private Info info(String name) {
    Info known = cache.get(name);
    if (known != null) {
      return known;
    }
    byte[] bytes = classBytes.apply(name);
    if (bytes == null) {
      throw new TypeNotPresentException(name.replace('/', '.'), null);
    }
    ClassReader reader = new ClassReader(bytes);
    Info info = new Info(reader.getSuperName(), (reader.getAccess() & Opcodes.ACC_INTERFACE) != 0);
    if (cache.size() > MAX_CACHED) {
      cache.clear();
    }
    cache.put(name, info);
    return info;
  }

  private static final class Info {
    final String superName;
    final boolean isInterface;

    Info(String superName, boolean isInterface) {
      this.superName = superName;
      this.isInterface = isInterface;
    }
  }
}
