package dev.rdb.agent.capture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rdb.agent.bridge.Bridge;
import dev.rdb.agent.metrics.Counter;
import dev.rdb.agent.store.PostMortemView;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class BridgeTest {

  @Test
  void applicationCodeFailingInsideTheStoreIsCountedAndNotCapturedAgain() throws Exception {
    TestAgent.InstrumentingLoader loader = new TestAgent.InstrumentingLoader("dev.rdb.fixtures.", LocalsMode.EAGER);
    Class<?> hostile = loader.loadClass("dev.rdb.fixtures.Hostile");
    Throwable thrown = null;
    try {
      hostile.getMethod("throwIt", int.class).invoke(null, 1);
    } catch (InvocationTargetException e) {
      thrown = e.getCause();
    }
    assertThat(thrown).isNotNull();
    long bridgeErrors = Bridge.errors();
    long applicationFailures = TestAgent.COUNTERS.get(Counter.APPLICATION_CODE_THREW);
    long frames = TestAgent.COUNTERS.get(Counter.FRAMES_CAPTURED);

    // The store reads getMessage(), which is instrumented and throws: its handler calls the bridge
    // again on this thread, the guard turns that call away, and the store counts the failure.
    Bridge.postMortem(thrown);

    List<PostMortemView> all = TestAgent.STORE.postMortems();
    PostMortemView pm = all.get(all.size() - 1);
    assertThat(pm.throwable()).isSameAs(thrown);
    assertThat(pm.message()).isEqualTo("<getMessage() threw>");
    assertThat(pm.frames().stream().filter(f -> f.captured()).map(f -> f.methodName()))
        .as("the capture of the real crash is kept").contains("throwIt");
    assertThat(TestAgent.COUNTERS.get(Counter.APPLICATION_CODE_THREW)).isEqualTo(applicationFailures + 1);
    assertThat(TestAgent.COUNTERS.get(Counter.FRAMES_CAPTURED)).as("getMessage's frames not captured")
        .isEqualTo(frames);
    assertThat(Bridge.errors()).isEqualTo(bridgeErrors);
  }

  @Test
  void throwablesOverTheRateAreSkippedWholeAndTheRestCapturedWhole() throws Exception {
    TestAgent.InstrumentingLoader loader = new TestAgent.InstrumentingLoader("dev.rdb.fixtures.Storm", LocalsMode.EAGER);
    Method order = loader.loadClass("dev.rdb.fixtures.Storm").getMethod("order", int.class);
    long rateLimited = TestAgent.COUNTERS.get(Counter.RATE_LIMITED) + Bridge.skippedOverRate();
    List<Throwable> storm = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      try {
        order.invoke(null, i);
      } catch (InvocationTargetException e) {
        storm.add(e.getCause());
      }
    }

    Map<Integer, Integer> byCapturedFrames = new TreeMap<>();
    for (Throwable t : storm) {
      Bridge.postMortem(t);
      List<PostMortemView> all = TestAgent.STORE.postMortems();
      PostMortemView pm = all.get(all.size() - 1);
      assertThat(pm.throwable()).isSameAs(t);
      byCapturedFrames.merge((int) pm.frames().stream().filter(f -> f.captured()).count(), 1, Integer::sum);
    }
    assertThat(byCapturedFrames.keySet()).as("captured frames per throwable: both or none, never "
        + "the outer frame alone as if it had thrown").isSubsetOf(0, 2);
    // 100 per throw point and second; the loop may straddle one window's end.
    assertThat(byCapturedFrames.get(2)).as("throwables captured").isBetween(100, 200);
    assertThat(TestAgent.COUNTERS.get(Counter.RATE_LIMITED) + Bridge.skippedOverRate() - rateLimited)
        .as("throwables counted as over the rate").isEqualTo((long) byCapturedFrames.get(0));
    assertThat(Bridge.skippedOverRate()).as("most turned away by the bridge before boxing").isPositive();
  }

  @Test
  void bridgeWithoutEffectWhenGivenNull() {
    long errorsBefore = Bridge.errors();
    Bridge.postMortem(null);
    Bridge.unwound(null, -1, 0, new Object[0]);
    assertThat(Bridge.errors()).isEqualTo(errorsBefore);
  }
}
