package dev.rdb.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** References die on the client; the server frees them, in batches; disconnect frees all. */
class ReleaseTest {

  /** Exports a list of 1000 distinct objects. */
  static final class Warehouse {
    final List<Object> boxes = new ArrayList<>();

    Warehouse() {
      for (int i = 0; i < 1000; i++) {
        boxes.add(new StringBuilder("box" + i));
      }
    }
  }

  @Test
  void serverTableReturnsToBaselineAfterTheClientDropsItsReferencesAndGcRuns() {
    try (Session s = Session.open(new Warehouse(), Policy.readOnly())) {
      RemoteRef boxes = (RemoteRef) s.client().root().get("boxes");
      int baseline = s.server().stats().exportedObjects();
      fetchAndDrop(boxes, () -> assertThat(s.server().stats().exportedObjects())
          .isGreaterThanOrEqualTo(baseline + 1000));
      awaitWithGc(() -> s.server().stats().exportedObjects() == baseline,
          () -> "server table " + s.server().stats().exportedObjects() + ", baseline " + baseline);
      assertThat(s.client().stats().importedRefs()).isLessThanOrEqualTo(baseline);
      // The baseline counts it: released too, the table would never come back to the baseline.
      Reference.reachabilityFence(boxes);
    }
  }

  @Test
  void releaseIsBatchedNotSentPerReference() {
    try (Session s = Session.open(new Warehouse(), Policy.readOnly())) {
      RemoteRef boxes = (RemoteRef) s.client().root().get("boxes");
      int baseline = s.server().stats().exportedObjects();
      fetchAndDrop(boxes, () -> { });
      awaitWithGc(() -> s.server().stats().exportedObjects() == baseline,
          () -> "server table " + s.server().stats().exportedObjects());
      int releases = s.clientChannel().sentOfKind("RELEASE").size();
      assertThat(releases).as("RELEASE messages for 1000 dropped references")
          .isBetween(1, 20);
      assertThat(s.client().stats().releasesSent()).isEqualTo(releases);
      Reference.reachabilityFence(boxes);
    }
  }

  @Test
  void disconnectFreesEverythingTheServerExported() {
    Session s = Session.open(new Warehouse(), Policy.readOnly());
    RemoteRef boxes = (RemoteRef) s.client().root().get("boxes");
    List<Object> kept = boxes.toList();
    assertThat(s.server().stats().exportedObjects()).isGreaterThan(1000);
    s.client().close();
    awaitWithGc(() -> !s.server().isOpen() && s.server().stats().exportedObjects() == 0,
        () -> "server open: " + s.server().isOpen() + ", exported: "
            + s.server().stats().exportedObjects());
    assertThat(kept).hasSize(1000);
  }

  /** Runs {@code whileHeld} before the fetched references may be collected and released. */
  private static void fetchAndDrop(RemoteRef boxes, Runnable whileHeld) {
    List<Object> all = boxes.toList();
    assertThat(all).hasSize(1000).allMatch(o -> o instanceof RemoteRef);
    whileHeld.run();
    Reference.reachabilityFence(all);
  }

  private static void awaitWithGc(BooleanSupplier condition,
      java.util.function.Supplier<String> state) {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not reached within 30 s: " + state.get());
      }
      System.gc();
      Thread.onSpinWait();
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
