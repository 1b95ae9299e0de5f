package dev.rdb.agent.serve;

import dev.rdb.agent.store.FrameView;
import dev.rdb.agent.store.LocalView;
import dev.rdb.agent.store.PostMortemView;
import java.util.List;

/** Hand-made post-mortems with known values, for tests that serve them. */
final class Crashes {

  static final String SECRET = "hunter2-never-on-the-wire";
  static final String FIELD_SECRET = "field-secret-never-on-the-wire";

  /** An application object with a secret-named field. */
  static final class Shop {
    final String owner = "ann";
    final String apiPassword = FIELD_SECRET;
    final int[] items = {1, 2, 3};
  }

  private Crashes() {}

  static PostMortemView divideByZero(int id, long[] big) {
    ArithmeticException thrown = new ArithmeticException("/ by zero");
    thrown.initCause(new IllegalStateException("root cause"));
    thrown.addSuppressed(new IllegalArgumentException("suppressed one"));
    Shop shop = new Shop();
    return new PostMortemView(id, "2026-11-25T00:00:00Z", "main", "java.lang.ArithmeticException",
        "java.lang.ArithmeticException", "/ by zero", thrown, List.of(
            new FrameView("com.acme.Shop", "divide", "Shop.java", 42, true, true, List.of(
                new LocalView("this", "com.acme.Shop", true, shop),
                new LocalView("by", "int", true, 0),
                new LocalView("password", "java.lang.String", false, SECRET),
                new LocalView("label", "java.lang.String", false, "by 0"),
                new LocalView("big", "long[]", false, big))),
            new FrameView("com.acme.Shop", "total", "Shop.java", 17, true, true, List.of(
                new LocalView("this", "com.acme.Shop", true, shop),
                new LocalView("sum", "int", false, 3))),
            new FrameView("com.acme.Main", "main", "Main.java", 5, false, false, List.of())));
  }
}
