package dev.rdb.agent.start;

import dev.rdb.agent.capture.CaptureTransformer;
import dev.rdb.agent.capture.ClassFilter;
import dev.rdb.agent.metrics.Counter;
import dev.rdb.agent.metrics.Counters;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * An injected agent ({@code agentmain}) instruments the classes the application loaded before it
 * came, by retransformation. Before JDK 19 retransformation drops a class's
 * {@code MethodParameters} attribute (JDK-8240908: {@code Parameter.getName()} and frameworks that
 * bind by parameter name break), so there classes compiled with {@code -parameters}, and classes
 * whose bytes cannot be found to check, are left alone and counted.
 */
final class LoadedClasses {

  /** What the retransformation did, for the startup line. */
  record Result(int retransformed, int skipped, int failed) {}

  private LoadedClasses() {}

  static Result retransform(Instrumentation inst, ClassFilter filter, Counters counters) {
    boolean keepsParameters = Runtime.version().feature() >= 19;
    ClassLoader agentLoader = LoadedClasses.class.getClassLoader();
    List<Class<?>> wanted = new ArrayList<>();
    int skipped = 0;
    for (Class<?> c : inst.getAllLoadedClasses()) {
      ClassLoader loader = c.getClassLoader();
      if (loader == null || loader == agentLoader || c.isArray() || c.isHidden()
          || !filter.accepts(c.getName()) || !inst.isModifiableClass(c)) {
        continue;
      }
      if (!keepsParameters && !safeToRetransform(loader, c.getName())) {
        skipped++;
        continue;
      }
      wanted.add(c);
    }
    counters.add(Counter.LOADED_CLASSES_SKIPPED, skipped);
    int done = 0;
    int failed = 0;
    for (Class<?> c : wanted) {
      try {
        inst.retransformClasses(c);
        done++;
      } catch (Throwable t) {
        failed++;
        counters.error(Counter.RETRANSFORM_FAILED, c.getName(), t);
      }
    }
    counters.add(Counter.CLASSES_RETRANSFORMED, done);
    return new Result(done, skipped, failed);
  }

  /** True when the class file has no {@code MethodParameters} attribute (and could be read). */
  private static boolean safeToRetransform(ClassLoader loader, String className) {
    byte[] bytes = CaptureTransformer.read(loader, className.replace('.', '/'));
    if (bytes == null) {
      return false;
    }
    boolean[] parameters = {false};
    new ClassReader(bytes).accept(new ClassVisitor(Opcodes.ASM9) {
      @Override
      public MethodVisitor visitMethod(int access, String name, String descriptor,
          String signature, String[] exceptions) {
        return new MethodVisitor(Opcodes.ASM9) {
          @Override
          public void visitParameter(String parameterName, int parameterAccess) {
            parameters[0] = true;
          }
        };
      }
    }, ClassReader.SKIP_CODE);
    return !parameters[0];
  }
}
