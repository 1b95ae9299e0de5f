package dev.rdb.agent.capture;

import dev.rdb.agent.metrics.Counter;
import dev.rdb.agent.metrics.Counters;
import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.MethodTooLargeException;

/**
 * Reads a class, runs it through {@link CaptureClassVisitor}, writes it and counts. A class that fails
 * in any way loads unchanged ({@code transformFailed}); a method that ASM finds too large when writing
 * is left alone and the class written again without it ({@code methodTooLarge}).
 */
public final class CaptureTransformer implements ClassFileTransformer {

  private static final int MAX_ATTEMPTS = 8;

  private final ClassFilter filter;
  private final CaptureSites sites;
  private final LocalsMode mode;
  private final Counters counters;
  private final ClassLoader agentLoader;
  private final Map<ClassLoader, ClassHierarchy> hierarchies = new WeakHashMap<>();
  /** Guarded by this: per loader, the classes instrumented as they were loaded. */
  private final Map<ClassLoader, Set<String>> transformedAtLoad = new WeakHashMap<>();

  private final Consumer<Module> readsBridge;

  /**
   * @param readsBridge makes a named module read the bridge's module, so its instrumented classes
   *     may call the bridge
   */
  public CaptureTransformer(ClassFilter filter, CaptureSites sites, LocalsMode mode, Counters counters,
      Consumer<Module> readsBridge) {
    this.readsBridge = readsBridge;
    this.filter = filter;
    this.sites = sites;
    this.mode = mode;
    this.counters = counters;
    this.agentLoader = CaptureTransformer.class.getClassLoader();
  }

  @Override
  public byte[] transform(Module module, ClassLoader loader, String className,
      Class<?> classBeingRedefined, ProtectionDomain protectionDomain, byte[] classfileBuffer) {
    if (className == null || loader == null || loader == agentLoader
        || loader == ClassLoader.getPlatformClassLoader()
        || !filter.accepts(className.replace('/', '.'))) {
      return null;
    }
    counters.add(Counter.CLASSES_SEEN);
    try {
      boolean loading = classBeingRedefined == null;
      byte[] result = instrument(classfileBuffer, hierarchy(loader),
          loading || transformedAtLoad(loader, className));
      if (result != null) {
        readsBridge.accept(module);
        counters.add(Counter.CLASSES_TRANSFORMED);
        if (loading) {
          rememberTransformedAtLoad(loader, className);
        }
      }
      return result;
    } catch (Throwable t) {
      counters.error(Counter.TRANSFORM_FAILED, className, t);
      return null;
    }
  }

  /**
   * The instrumented class, or null when no method was worth instrumenting.
   *
   * @throws RuntimeException when the class cannot be transformed; the caller loads it unchanged
   */
  public byte[] instrument(byte[] classFile, ClassHierarchy hierarchy) {
    return instrument(classFile, hierarchy, true);
  }

  /**
   * As {@link #instrument(byte[], ClassHierarchy)}; {@code mayAddMethods} false when retransforming
   * a class loaded before this transformer saw it (an injected agent): retransformation may not add
   * the outlined boxing methods, so its handlers box inline.
   */
  public byte[] instrument(byte[] classFile, ClassHierarchy hierarchy, boolean mayAddMethods) {
    ClassReader reader = new ClassReader(classFile);
    hierarchy.learn(reader);
    Set<String> leaveAlone = new HashSet<>();
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      HierarchyClassWriter writer = new HierarchyClassWriter(reader, hierarchy);
      CaptureClassVisitor visitor = new CaptureClassVisitor(writer, sites, mode, counters, leaveAlone,
          mayAddMethods);
      reader.accept(visitor, ClassReader.SKIP_FRAMES);
      if (visitor.instrumented() == 0) {
        return null;
      }
      try {
        return writer.toByteArray();
      } catch (MethodTooLargeException e) {
        counters.add(Counter.METHOD_TOO_LARGE);
        leaveAlone.add(e.getMethodName() + e.getDescriptor());
      }
    }
    throw new IllegalStateException("too many methods too large in " + reader.getClassName());
  }

  /**
   * Whether this transformer instrumented the class when it was loaded: its loaded version then has
   * the outlined boxing methods, and a retransformation (another agent's, or adaptive mode's) must
   * produce them again, since it may neither add nor remove methods.
   */
  private synchronized boolean transformedAtLoad(ClassLoader loader, String className) {
    Set<String> names = transformedAtLoad.get(loader);
    return names != null && names.contains(className);
  }

  private synchronized void rememberTransformedAtLoad(ClassLoader loader, String className) {
    transformedAtLoad.computeIfAbsent(loader, l -> new HashSet<>()).add(className);
  }

  private synchronized ClassHierarchy hierarchy(ClassLoader loader) {
    return hierarchies.computeIfAbsent(loader, l -> new ClassHierarchy(name -> read(l, name)));
  }

  /** A class file found through {@code loader}'s resources, or null. */
  public static byte[] read(ClassLoader loader, String internalName) {
    try (InputStream in = loader.getResourceAsStream(internalName + ".class")) {
      return in == null ? null : in.readAllBytes();
    } catch (IOException e) {
      return null;
    }
  }

  /** A hierarchy reading class files through {@code classBytes}; for tools and tests. */
  public static ClassHierarchy hierarchyOf(Function<String, byte[]> classBytes) {
    return new ClassHierarchy(classBytes);
  }
}
