package dev.rdb.agent.start;

import dev.rdb.agent.capture.CaptureSite;
import dev.rdb.agent.metrics.Counter;
import dev.rdb.agent.metrics.Counters;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * {@code locals=adaptive}: retransforms the classes of methods seen in a captured exception, so
 * their next exception carries every local. Runs on one daemon thread ({@code rdb-retransform}),
 * never on the application thread that is unwinding.
 */
final class Retransformer implements Consumer<CaptureSite> {

  private final Instrumentation inst;
  private final Counters counters;
  private final BlockingQueue<String> classNames = new LinkedBlockingQueue<>(10_000);

  Retransformer(Instrumentation inst, Counters counters) {
    this.inst = inst;
    this.counters = counters;
  }

  void start() {
    Thread worker = new Thread(this::run, "rdb-retransform");
    worker.setDaemon(true);
    worker.start();
  }

  @Override
  public void accept(CaptureSite site) {
    classNames.offer(site.className());
  }

  private void run() {
    while (true) {
      try {
        String first = classNames.poll(1, TimeUnit.HOURS);
        if (first == null) {
          continue;
        }
        Set<String> wanted = new HashSet<>();
        wanted.add(first);
        classNames.drainTo(wanted);
        List<Class<?>> classes = new ArrayList<>();
        for (Class<?> c : inst.getAllLoadedClasses()) {
          if (wanted.contains(c.getName()) && inst.isModifiableClass(c)) {
            classes.add(c);
          }
        }
        if (!classes.isEmpty()) {
          inst.retransformClasses(classes.toArray(new Class<?>[0]));
          counters.add(Counter.CLASSES_RETRANSFORMED, classes.size());
        }
      } catch (InterruptedException e) {
        return;
      } catch (Throwable t) {
        counters.error(Counter.RETRANSFORM_FAILED, "retransform", t);
      }
    }
  }
}
