package dev.rdb.agent.start;

import dev.rdb.agent.bridge.Sink;
import dev.rdb.agent.metrics.Counters;
import dev.rdb.agent.store.CaptureStore;
import dev.rdb.agent.store.PostMortemView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The bridge's sink: hands captures and promotions to the store, reads it back as plain values. */
final class RealSink implements Sink {

  private final CaptureStore store;
  private final Counters counters;

  RealSink(CaptureStore store, Counters counters) {
    this.store = store;
    this.counters = counters;
  }

  @Override
  public long unwound(Throwable thrown, int siteId, int point, Object[] locals) {
    return store.unwound(thrown, siteId, point, locals);
  }

  @Override
  public void uncaught(Thread thread, Throwable thrown) {
    store.uncaught(thread, thrown);
  }

  @Override
  public void postMortem(Throwable thrown) {
    store.postMortem(thrown);
  }

  @Override
  public void postMortem(Throwable thrown, String name) {
    store.postMortem(thrown, name);
  }

  @Override
  public List<Map<String, Object>> postMortems() {
    List<Map<String, Object>> all = new ArrayList<>();
    for (PostMortemView pm : store.postMortems()) {
      all.add(pm.asMap());
    }
    return all;
  }

  @Override
  public Map<String, Long> counters() {
    return counters.snapshot();
  }
}
