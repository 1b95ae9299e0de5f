package dev.rdb.agent.start;

import dev.rdb.agent.bridge.Bridge;
import dev.rdb.agent.metrics.Counter;
import dev.rdb.agent.metrics.Counters;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Sees every uncaught exception, whatever handlers the application installs: inserts
 * {@code Bridge.uncaught(this, e)} at the start of {@code java.lang.Thread#dispatchUncaughtException},
 * which the JVM (and, on JDK 21+, virtual threads) call when a thread dies of an exception, before any
 * handler runs. Handlers stay exactly what the application set, so
 * {@code Thread.getDefaultUncaughtExceptionHandler()} answers what it always did.
 *
 * <p>When the hook cannot be installed, falls back to a chained default handler (and counts).
 */
final class ThreadHook implements ClassFileTransformer {

  private static final String METHOD = "dispatchUncaughtException";
  private static final String DESCRIPTOR = "(Ljava/lang/Throwable;)V";

  private volatile boolean hooked;

  static void install(Instrumentation inst, Counters counters) {
    ThreadHook hook = new ThreadHook();
    try {
      Module base = Thread.class.getModule();
      Module bridge = Bridge.class.getModule();
      inst.redefineModule(base, Set.of(bridge), Map.of(), Map.of(), Set.of(), Map.of());
      inst.addTransformer(hook, true);
      inst.retransformClasses(Thread.class);
    } catch (Throwable t) {
      counters.error(Counter.UNCAUGHT_HOOK_FAILED, "retransform java.lang.Thread", t);
    }
    if (!hook.hooked) {
      counters.add(Counter.UNCAUGHT_HOOK_FAILED);
      inst.removeTransformer(hook);
      chainDefaultHandler();
    }
  }

  private static void chainDefaultHandler() {
    Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
    Thread.setDefaultUncaughtExceptionHandler((thread, thrown) -> {
      Bridge.uncaught(thread, thrown);
      if (previous != null) {
        previous.uncaughtException(thread, thrown);
      } else if (!(thrown instanceof ThreadDeath)) {
        System.err.print("Exception in thread \"" + thread.getName() + "\" ");
        thrown.printStackTrace(System.err);
      }
    });
  }

  @Override
  public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
      ProtectionDomain protectionDomain, byte[] classfileBuffer) {
    if (loader != null || classBeingRedefined != Thread.class) {
      return null;
    }
    ClassReader reader = new ClassReader(classfileBuffer);
    ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
    boolean[] found = {false};
    reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
      @Override
      public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
          String[] exceptions) {
        MethodVisitor mv = super.visitMethod(access, name, descriptor, signature, exceptions);
        if (!METHOD.equals(name) || !DESCRIPTOR.equals(descriptor)
            || (access & Opcodes.ACC_STATIC) != 0) {
          return mv;
        }
        found[0] = true;
        return new MethodVisitor(Opcodes.ASM9, mv) {
          @Override
          public void visitCode() {
            super.visitCode();
            super.visitVarInsn(Opcodes.ALOAD, 0);
            super.visitVarInsn(Opcodes.ALOAD, 1);
            super.visitMethodInsn(Opcodes.INVOKESTATIC, "dev/rdb/agent/bridge/Bridge", "uncaught",
                "(Ljava/lang/Thread;Ljava/lang/Throwable;)V", false);
          }
        };
      }
    }, 0);
    if (!found[0]) {
      return null;
    }
    hooked = true;
    return writer.toByteArray();
  }
}
