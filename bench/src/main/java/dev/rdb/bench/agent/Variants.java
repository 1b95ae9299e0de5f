package dev.rdb.bench.agent;

import dev.rdb.agent.bridge.Bridge;
import dev.rdb.agent.bridge.Sink;
import dev.rdb.agent.capture.CaptureSites;
import dev.rdb.agent.capture.CaptureTransformer;
import dev.rdb.agent.capture.ClassFilter;
import dev.rdb.agent.capture.LocalsMode;
import dev.rdb.agent.metrics.Counters;
import dev.rdb.agent.store.CaptureMode;
import dev.rdb.agent.store.CaptureStore;
import dev.rdb.agent.store.StoreSettings;
import java.util.List;
import java.util.Map;
import java.util.function.IntUnaryOperator;

/**
 * Loads a workload class in its own class loader, either as compiled ({@code none}) or run through
 * the agent's transformer ({@code adaptive}: this and parameters; {@code eager}: every local) —
 * the bytes the agent would produce, with the store behind the bridge as the agent wires it
 * (capture=off, so nothing is promoted unless asked). Adaptive sites are not upgraded here (no
 * Instrumentation in a benchmark): it measures adaptive's first, arguments-only stage.
 */
final class Variants {

  static final Counters COUNTERS = new Counters();
  static final CaptureSites SITES = new CaptureSites();
  static volatile CaptureStore store;

  private Variants() {}

  /** Installs the store once per JVM; {@code perSitePerSecond} bounds captures per throw site. */
  static synchronized CaptureStore store(int keep, int perSitePerSecond) {
    if (store == null) {
      store = new CaptureStore(SITES, COUNTERS,
          new StoreSettings(keep, CaptureMode.OFF, 1_000, 60_000_000_000L, perSitePerSecond),
          site -> {}, System::nanoTime);
      CaptureStore s = store;
      Bridge.install(new Sink() {
        @Override
        public long unwound(Throwable thrown, int siteId, int point, Object[] locals) {
          return s.unwound(thrown, siteId, point, locals);
        }

        @Override
        public void uncaught(Thread thread, Throwable thrown) {
          s.uncaught(thread, thrown);
        }

        @Override
        public void postMortem(Throwable thrown) {
          s.postMortem(thrown);
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
    return store;
  }

  /** Loads {@code className} in {@code mode} with every throw captured (no rate limit). */
  static IntUnaryOperator load(String className, String mode) throws ReflectiveOperationException {
    return load(className, mode, Integer.MAX_VALUE);
  }

  /**
   * Loads {@code className} in {@code mode}; the first instrumented load in a JVM installs the store,
   * capturing at most {@code perSitePerSecond} new exceptions per throw site and second.
   */
  static IntUnaryOperator load(String className, String mode, int perSitePerSecond)
      throws ReflectiveOperationException {
    ClassLoader parent = Variants.class.getClassLoader();
    CaptureTransformer transformer = "none".equals(mode) ? null
        : new CaptureTransformer(ClassFilter.of(List.of("dev.rdb.bench.agent.workload.*"), List.of()),
            SITES, "eager".equals(mode) ? LocalsMode.EAGER : LocalsMode.ADAPTIVE, COUNTERS, module -> {});
    ClassLoader loader = new ClassLoader("workload-" + mode, parent) {
      @Override
      protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!name.startsWith("dev.rdb.bench.agent.workload.")) {
          return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
          Class<?> c = findLoadedClass(name);
          if (c != null) {
            return c;
          }
          byte[] bytes = CaptureTransformer.read(parent, name.replace('.', '/'));
          if (bytes == null) {
            throw new ClassNotFoundException(name);
          }
          if (transformer != null) {
            byte[] instrumented = transformer.instrument(bytes,
                CaptureTransformer.hierarchyOf(n -> CaptureTransformer.read(parent, n)));
            bytes = instrumented != null ? instrumented : bytes;
          }
          return defineClass(name, bytes, 0, bytes.length);
        }
      }
    };
    if (!"none".equals(mode)) {
      store(1_000, perSitePerSecond);
    }
    return (IntUnaryOperator) loader.loadClass(className).getConstructor().newInstance();
  }
}
