package dev.rdb.agent.start;

import dev.rdb.agent.bridge.Bridge;
import dev.rdb.agent.capture.CaptureSites;
import dev.rdb.agent.capture.CaptureTransformer;
import dev.rdb.agent.capture.ClassFilter;
import dev.rdb.agent.capture.LocalsMode;
import dev.rdb.agent.dump.DumpLimits;
import dev.rdb.agent.dump.DumpWriter;
import dev.rdb.agent.metrics.Counter;
import dev.rdb.agent.metrics.Counters;
import dev.rdb.agent.serve.Server;
import dev.rdb.agent.store.CaptureRehearsal;
import dev.rdb.agent.store.CaptureStore;
import dev.rdb.agent.store.StoreSettings;
import java.lang.instrument.Instrumentation;

/**
 * Starts the agent proper (loaded by the agent class loader): parses the options, wires transformer,
 * store and bridge, and prints the one startup line on stderr. Bad options: that line says why and
 * the agent stays off; the application runs as if it were not there.
 */
public final class Startup {

  private Startup() {}

  /**
   * Lets the dump writer (this loader's module, nobody else) read the fields of {@code java.util}
   * objects it cannot iterate without running application code: an unmodifiable or synchronized
   * wrapper then shows the collection it wraps, an {@code Optional} or {@code AtomicReference} its
   * value. The application's own access is unchanged. Failure only makes dumps show less.
   */
  private static void openCollectionsToDumps(Instrumentation inst, Counters counters) {
    try {
      Module agent = Startup.class.getModule();
      java.util.Map<String, java.util.Set<Module>> opens = new java.util.HashMap<>();
      for (String pkg : java.util.List.of("java.util", "java.util.concurrent", "java.util.concurrent.atomic")) {
        opens.put(pkg, java.util.Set.of(agent));
      }
      inst.redefineModule(Object.class.getModule(), java.util.Set.of(), java.util.Map.of(), opens,
          java.util.Set.of(), java.util.Map.of());
    } catch (RuntimeException e) {
      counters.error(Counter.DUMP_VALUE_UNREADABLE, "open java.util to the dump writer", e);
    }
  }

  /** Called reflectively by {@code dev.rdb.agent.Main}. */
  public static void start(String options, Instrumentation inst, boolean atLaunch) {
    AgentOptions parsed;
    try {
      parsed = OptionsParser.parse(options);
    } catch (IllegalArgumentException e) {
      System.err.println("rdb: agent disabled: " + e.getMessage());
      return;
    }
    ClassFilter filter;
    String what;
    String main = MainClass.of(System.getProperty("sun.java.command"));
    if (!parsed.includes().isEmpty()) {
      filter = ClassFilter.of(parsed.includes(), parsed.excludes());
      what = filter.description();
    } else {
      if (main == null) {
        System.err.println("rdb: agent disabled: no includes= given and the main class is unknown");
        return;
      }
      filter = ClassFilter.packageOf(MainClass.packageOf(main), parsed.excludes());
      what = filter.description() + " (package of main class " + main + ")";
    }
    CaptureRehearsal.run();
    Counters counters = new Counters();
    CaptureSites sites = new CaptureSites();
    Retransformer retransformer = new Retransformer(inst, counters);
    CaptureStore store = new CaptureStore(sites, counters,
        StoreSettings.of(parsed.keep(), parsed.capture()), retransformer, System::nanoTime);
    if (!Bridge.install(new RealSink(store, counters))) {
      System.err.println("rdb: agent disabled: another rdb agent already runs in this JVM");
      return;
    }
    counters.include(Counter.RATE_LIMITED, Bridge::skippedOverRate);
    if (parsed.dump() != null) {
      openCollectionsToDumps(inst, counters);
      DumpWriter dumps = DumpWriter.start(parsed.dump(), DumpLimits.DEFAULTS, parsed.serve().redaction(),
          counters, store::postMortems, main);
      store.onPromotion(dumps::promoted);
    }
    if (parsed.locals() == LocalsMode.ADAPTIVE) {
      retransformer.start();
    }
    ThreadHook.install(inst, counters);
    inst.addTransformer(new CaptureTransformer(filter, sites, parsed.locals(), counters, module -> {
      if (module.isNamed() && !module.canRead(Bridge.class.getModule())) {
        inst.redefineModule(module, java.util.Set.of(Bridge.class.getModule()), java.util.Map.of(),
            java.util.Map.of(), java.util.Set.of(), java.util.Map.of());
      }
    }), true);
    String loaded = "";
    if (!atLaunch) {
      LoadedClasses.Result r = LoadedClasses.retransform(inst, filter, counters);
      loaded = "; injected: " + r.retransformed() + " loaded classes retransformed"
          + (r.skipped() == 0 ? "" : ", " + r.skipped() + " left alone (-parameters, JDK < 19)")
          + (r.failed() == 0 ? "" : ", " + r.failed() + " failed");
    }
    String serving = Server.start(parsed.serve(), store, counters, inst,
        MainClass.of(System.getProperty("sun.java.command")));
    System.err.println("rdb: capturing " + what
        + (parsed.excludes().isEmpty() ? "" : " except " + String.join(":", parsed.excludes()))
        + "; locals=" + parsed.locals().name().toLowerCase(java.util.Locale.ROOT)
        + ", capture=" + parsed.capture().name().toLowerCase(java.util.Locale.ROOT)
        + ", keep=" + parsed.keep()
        + (parsed.dump() == null ? "" : ", dump=" + parsed.dump())
        + loaded + "; " + serving);
  }
}
