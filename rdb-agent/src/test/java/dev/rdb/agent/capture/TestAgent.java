package dev.rdb.agent.capture;

import dev.rdb.agent.bridge.Bridge;
import dev.rdb.agent.bridge.Sink;
import dev.rdb.agent.metrics.Counters;
import dev.rdb.agent.store.CaptureMode;
import dev.rdb.agent.store.CaptureStore;
import dev.rdb.agent.store.PostMortemView;
import dev.rdb.agent.store.StoreSettings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.util.CheckClassAdapter;

/**
 * The capture engine wired as the agent wires it, in the test JVM: one transformer, one store behind
 * the bridge (installed once per JVM), and a loader that defines instrumented copies of fixture
 * classes, each verified by ASM before the JVM verifies it again on definition.
 */
final class TestAgent {

  static final CaptureSites SITES = new CaptureSites();
  static final Counters COUNTERS = new Counters();
  static final CaptureStore STORE = new CaptureStore(SITES, COUNTERS,
      StoreSettings.of(1000, CaptureMode.OFF), site -> {}, System::nanoTime);

  static {
    Bridge.install(new Sink() {
      @Override
      public long unwound(Throwable thrown, int siteId, int line, Object[] locals) {
        return STORE.unwound(thrown, siteId, line, locals);
      }

      @Override
      public void uncaught(Thread thread, Throwable thrown) {
        STORE.uncaught(thread, thrown);
      }

      @Override
      public void postMortem(Throwable thrown) {
        STORE.postMortem(thrown);
      }

      @Override
      public List<Map<String, Object>> postMortems() {
        return List.of();
      }

      @Override
      public Map<String, Long> counters() {
        return COUNTERS.snapshot();
      }
    });
  }

  private TestAgent() {}

  static CaptureTransformer transformer(LocalsMode mode) {
    return new CaptureTransformer(ClassFilter.of(List.of("*"), List.of()), SITES, mode, COUNTERS,
        module -> {});
  }

  /** Instruments {@code classFile}, fails on any ASM verifier complaint, returns the new bytes. */
  static byte[] instrumentAndVerify(byte[] classFile, LocalsMode mode) {
    ClassLoader test = TestAgent.class.getClassLoader();
    byte[] result = transformer(mode).instrument(classFile,
        CaptureTransformer.hierarchyOf(name -> CaptureTransformer.read(test, name)));
    if (result == null) {
      return null;
    }
    StringWriter problems = new StringWriter();
    CheckClassAdapter.verify(new ClassReader(result), test, false, new PrintWriter(problems));
    if (!problems.toString().isEmpty()) {
      throw new AssertionError("ASM verifier rejects " + new ClassReader(result).getClassName()
          + ":\n" + problems);
    }
    return result;
  }

  /** A loader defining instrumented copies of every class in {@code packagePrefix}. */
  static final class InstrumentingLoader extends ClassLoader {
    private final String packagePrefix;
    private final LocalsMode mode;
    final Map<String, byte[]> defined = new ConcurrentHashMap<>();

    InstrumentingLoader(String packagePrefix, LocalsMode mode) {
      super("instrumenting", TestAgent.class.getClassLoader());
      this.packagePrefix = packagePrefix;
      this.mode = mode;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (!name.startsWith(packagePrefix)) {
        return super.loadClass(name, resolve);
      }
      synchronized (getClassLoadingLock(name)) {
        Class<?> c = findLoadedClass(name);
        if (c == null) {
          byte[] original = CaptureTransformer.read(getParent(), name.replace('.', '/'));
          if (original == null) {
            throw new ClassNotFoundException(name);
          }
          byte[] bytes = instrumentAndVerify(original, mode);
          bytes = bytes == null ? original : bytes;
          defined.put(name, bytes);
          c = defineClass(name, bytes, 0, bytes.length);
        }
        return c;
      }
    }
  }

  /** Calls {@code method} expecting it to throw; returns the post-mortem of what it threw. */
  static PostMortemView crash(Method method, Object target, Object... args) {
    try {
      method.invoke(target, args);
    } catch (InvocationTargetException e) {
      Throwable thrown = e.getCause();
      Bridge.postMortem(thrown);
      List<PostMortemView> all = STORE.postMortems();
      PostMortemView last = all.get(all.size() - 1);
      if (last.throwable() != thrown) {
        throw new AssertionError("no post-mortem for " + thrown, thrown);
      }
      return last;
    } catch (IllegalAccessException e) {
      throw new AssertionError(e);
    }
    throw new AssertionError(method + " did not throw");
  }
}
