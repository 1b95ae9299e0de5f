package dev.rdb.agent.capture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rdb.agent.metrics.Counter;
import dev.rdb.agent.metrics.Counters;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.LimitExceededException;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.SimpleVerifier;

/**
 * Every class of twelve widely used jars of different compilers through the transformer, with every
 * class included: each result is checked by ASM's data-flow verifier (types from the jars' own class
 * files), and a sample is defined and linked in an isolated loader so the JVM's verifier checks it.
 * Writes a report to {@code target/real-bytecode-report.txt}.
 */
class RealBytecodeIT {

  private static final List<String> JARS = List.of("guava-", "commons-lang3-", "jackson-databind-",
      "netty-common-", "kotlin-stdlib-", "scala-library-", "scala-reflect-", "groovy-", "h2-",
      "byte-buddy-", "spring-core-", "commons-math3-");
  private static final int JVM_SAMPLE_EVERY = 7;
  private static final String ASM_BUDGET = "ASM analyzer budget: ";

  private final Map<String, byte[]> original = new HashMap<>();
  private final Map<String, String> jarOf = new HashMap<>();
  private final Map<String, ClassNode> headers = new HashMap<>();

  @Test
  void everyClassOfTwelveRealJarsTransformsAndVerifies() throws Exception {
    for (String jar : jars()) {
      load(jar);
    }
    Counters counters = new Counters();
    CaptureTransformer transformer = new CaptureTransformer(ClassFilter.of(List.of("*"), List.of()),
        new CaptureSites(), LocalsMode.EAGER, counters, module -> {});
    ClassHierarchy hierarchy = CaptureTransformer.hierarchyOf(this::bytes);

    Map<String, Integer> perJarSeen = new TreeMap<>();
    Map<String, Integer> perJarTransformed = new TreeMap<>();
    Map<String, Integer> skipped = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    Map<String, String> examples = new TreeMap<>();
    Map<String, byte[]> transformed = new LinkedHashMap<>();
    Set<String> jvmOnly = new HashSet<>();
    long nanos = 0;
    for (Map.Entry<String, byte[]> e : original.entrySet()) {
      String name = e.getKey();
      perJarSeen.merge(jarOf.get(name), 1, Integer::sum);
      byte[] result;
      long start = System.nanoTime();
      try {
        result = transformer.instrument(e.getValue(), hierarchy);
      } catch (RuntimeException ex) {
        String why = "class left unchanged: " + ex.getClass().getSimpleName();
        skipped.merge(why, 1, Integer::sum);
        examples.putIfAbsent(why, name + ": " + ex.getMessage());
        continue;
      } finally {
        nanos += System.nanoTime() - start;
      }
      if (result == null) {
        skipped.merge("nothing to instrument (interfaces, constants, trivial code)", 1, Integer::sum);
        continue;
      }
      perJarTransformed.merge(jarOf.get(name), 1, Integer::sum);
      transformed.put(name, result);
      String problem = verify(result);
      if (problem != null && problem.startsWith(ASM_BUDGET)) {
        // ASM's analyzer gives up on a method this large (its own allocation budget, not a JVM
        // limit): the JVM's verifier checks the class instead.
        jvmOnly.add(name);
        skipped.merge("verified by the JVM only: too large for ASM's analyzer budget", 1, Integer::sum);
        examples.putIfAbsent("verified by the JVM only: too large for ASM's analyzer budget",
            name + ": " + problem.substring(ASM_BUDGET.length()));
      } else if (problem != null && verify(e.getValue()) == null) {
        failures.add(name + ": " + problem);
      } else if (problem != null) {
        skipped.merge("verified as unverifiable: the original fails the same check", 1, Integer::sum);
      }
    }
    JvmCheck jvm = linkSample(transformed, jvmOnly);

    StringBuilder report = new StringBuilder();
    report.append(String.format("classes seen %d, transformed %d, failures %d, %.1f us/class%n",
        original.size(), transformed.size(), failures.size(), nanos / 1000.0 / original.size()));
    perJarSeen.forEach((jar, n) -> report.append(String.format("  %-40s seen %6d transformed %6d%n", jar, n,
        perJarTransformed.getOrDefault(jar, 0))));
    report.append("skipped classes:\n");
    skipped.forEach((why, n) -> report.append(String.format("  %6d  %s%s%n", n, why,
        examples.containsKey(why) ? " (e.g. " + examples.get(why) + ")" : "")));
    report.append("methods: ").append(counters.snapshot()).append('\n');
    report.append(String.format("JVM verifier sample (every %dth transformed class, and those too large for "
        + "ASM's analyzer): linked %d, "
        + "VerifyError %d, missing optional dependency %d%n", JVM_SAMPLE_EVERY, jvm.linked, jvm.verifyErrors.size(),
        jvm.missing));
    failures.stream().limit(20).forEach(f -> report.append("FAIL ").append(f).append('\n'));
    jvm.verifyErrors.stream().limit(20).forEach(f -> report.append("JVM FAIL ").append(f).append('\n'));
    Files.writeString(Path.of("target", "real-bytecode-report.txt"), report);
    System.out.print(report);

    assertThat(original.size()).as("classes seen").isGreaterThanOrEqualTo(20_000);
    assertThat(failures).as(report.toString()).isEmpty();
    assertThat(jvm.verifyErrors).as(report.toString()).isEmpty();
    assertThat(jvm.linked).as("classes linked by the JVM").isGreaterThan(1_000);
    assertThat(counters.get(Counter.METHODS_INSTRUMENTED)).isGreaterThan(100_000);
  }

  private List<String> jars() {
    List<String> found = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      String file = new File(entry).getName();
      if (JARS.stream().anyMatch(file::startsWith) && file.endsWith(".jar")) {
        found.add(entry);
      }
    }
    assertThat(found).as("corpus jars on the test class path").hasSize(JARS.size());
    return found;
  }

  private void load(String jarPath) throws IOException {
    String jarName = new File(jarPath).getName();
    try (JarFile jar = new JarFile(jarPath)) {
      for (JarEntry entry : java.util.Collections.list(jar.entries())) {
        String n = entry.getName();
        if (!n.endsWith(".class") || n.startsWith("META-INF/") || n.endsWith("module-info.class")) {
          continue;
        }
        try (InputStream in = jar.getInputStream(entry)) {
          String name = n.substring(0, n.length() - ".class".length());
          original.put(name, in.readAllBytes());
          jarOf.put(name, jarName);
        }
      }
    }
  }

  private byte[] bytes(String internalName) {
    byte[] b = original.get(internalName);
    return b != null ? b : CaptureTransformer.read(ClassLoader.getPlatformClassLoader(), internalName);
  }

  private ClassNode header(String internalName) {
    return headers.computeIfAbsent(internalName, n -> {
      byte[] b = bytes(n);
      if (b == null) {
        throw new TypeNotPresentException(n, null);
      }
      ClassNode node = new ClassNode();
      new ClassReader(b).accept(node, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
      return node;
    });
  }

  /** ASM's data-flow verifier with types read from the corpus; null when every method passes. */
  private String verify(byte[] classFile) {
    ClassNode node = new ClassNode();
    new ClassReader(classFile).accept(node, ClassReader.SKIP_DEBUG);
    for (MethodNode m : node.methods) {
      if (m.instructions.size() == 0) {
        continue;
      }
      SimpleVerifier verifier = new BytesVerifier(node);
      try {
        new Analyzer<>(verifier).analyze(node.name, m);
      } catch (LimitExceededException e) {
        return ASM_BUDGET + m.name + m.desc + ": " + e.getMessage();
      } catch (AnalyzerException | RuntimeException e) {
        return m.name + m.desc + ": " + e.getMessage();
      }
    }
    return null;
  }

  /** {@link SimpleVerifier} answering type questions from class bytes instead of loading classes. */
  private final class BytesVerifier extends SimpleVerifier {
    BytesVerifier(ClassNode current) {
      super(Opcodes.ASM9, Type.getObjectType(current.name),
          current.superName == null ? null : Type.getObjectType(current.superName),
          current.interfaces.stream().map(Type::getObjectType).toList(),
          (current.access & Opcodes.ACC_INTERFACE) != 0);
    }

    @Override
    protected boolean isInterface(Type type) {
      return (header(type.getInternalName()).access & Opcodes.ACC_INTERFACE) != 0;
    }

    @Override
    protected Type getSuperClass(Type type) {
      String s = header(type.getInternalName()).superName;
      return s == null ? null : Type.getObjectType(s);
    }

    @Override
    protected boolean isAssignableFrom(Type to, Type from) {
      if (to.equals(from) || to.getInternalName().equals("java/lang/Object")) {
        return true;
      }
      if (to.getSort() == Type.ARRAY) {
        if (from.getSort() != Type.ARRAY || from.getDimensions() < to.getDimensions()) {
          return false;
        }
        Type toElement = to.getElementType();
        if (from.getDimensions() > to.getDimensions()) {
          return toElement.getSort() == Type.OBJECT && (toElement.getInternalName().equals("java/lang/Object")
              || toElement.getInternalName().equals("java/lang/Cloneable")
              || toElement.getInternalName().equals("java/io/Serializable"));
        }
        Type fromElement = from.getElementType();
        return toElement.getSort() == Type.OBJECT && fromElement.getSort() == Type.OBJECT
            ? isAssignableFrom(toElement, fromElement) : toElement.equals(fromElement);
      }
      if (from.getSort() == Type.ARRAY) {
        String n = to.getInternalName();
        return n.equals("java/lang/Cloneable") || n.equals("java/io/Serializable");
      }
      if (isInterface(to)) {
        return implementsInterface(from.getInternalName(), to.getInternalName());
      }
      for (String c = from.getInternalName(); c != null; c = header(c).superName) {
        if (c.equals(to.getInternalName())) {
          return true;
        }
      }
      return false;
    }

    private boolean implementsInterface(String type, String iface) {
      for (String c = type; c != null; c = header(c).superName) {
        if (c.equals(iface)) {
          return true;
        }
        for (String i : header(c).interfaces) {
          if (implementsInterface(i, iface)) {
            return true;
          }
        }
      }
      return false;
    }
  }

  private static final class JvmCheck {
    int linked;
    int missing;
    final List<String> verifyErrors = new ArrayList<>();
  }

  /** Defines every n-th transformed class in an isolated loader and links it (getDeclaredMethods). */
  private JvmCheck linkSample(Map<String, byte[]> transformed, Set<String> always) {
    JvmCheck check = new JvmCheck();
    ClassLoader test = getClass().getClassLoader();
    ClassLoader isolated = new ClassLoader("corpus", ClassLoader.getPlatformClassLoader()) {
      @Override
      protected Class<?> findClass(String name) throws ClassNotFoundException {
        if (name.startsWith("dev.rdb.agent.bridge.")) {
          return test.loadClass(name);
        }
        String internal = name.replace('.', '/');
        byte[] b = transformed.getOrDefault(internal, original.get(internal));
        if (b == null) {
          throw new ClassNotFoundException(name);
        }
        return defineClass(name, b, 0, b.length);
      }
    };
    int i = 0;
    for (String name : transformed.keySet()) {
      if (i++ % JVM_SAMPLE_EVERY != 0 && !always.contains(name)) {
        continue;
      }
      try {
        Class.forName(name.replace('/', '.'), false, isolated).getDeclaredMethods();
        check.linked++;
      } catch (VerifyError e) {
        check.verifyErrors.add(name + ": " + e.getMessage());
      } catch (LinkageError | ClassNotFoundException | TypeNotPresentException e) {
        check.missing++;
      }
    }
    return check;
  }
}
