package dev.rdb.agent.start;

import dev.rdb.agent.bridge.Bridge;
import dev.rdb.agent.capture.CaptureSites;
import dev.rdb.agent.capture.CaptureTransformer;
import dev.rdb.agent.capture.ClassFilter;
import dev.rdb.agent.capture.LocalsMode;
import dev.rdb.agent.metrics.Counters;
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
    if (!parsed.includes().isEmpty()) {
      filter = ClassFilter.of(parsed.includes(), parsed.excludes());
      what = filter.description();
    } else {
      String main = MainClass.of(System.getProperty("sun.java.command"));
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
    System.err.println("rdb: capturing " + what
        + (parsed.excludes().isEmpty() ? "" : " except " + String.join(":", parsed.excludes()))
        + "; locals=" + parsed.locals().name().toLowerCase(java.util.Locale.ROOT)
        + ", capture=" + parsed.capture().name().toLowerCase(java.util.Locale.ROOT)
        + ", keep=" + parsed.keep()
        + (atLaunch ? "" : "; classes loaded before attach are not instrumented"));
  }
}
