package dev.rdb.cli.live;

import dev.rdb.core.Connection;
import dev.rdb.core.ConnectionOptions;
import dev.rdb.core.MemoryChannel;
import dev.rdb.core.Policy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * An agent in memory: an rdb-core server over {@link MemoryChannel#pair()} exporting a
 * {@link Root} that follows the debuggee contract of docs/ARCHITECTURE.md (method and field names
 * as the real agent's), and a {@link LiveDebuggee} connected to it.
 */
public final class FakeAgent implements AutoCloseable {
  static final String TOKEN = "fake-token";

  final Root root;
  final Connection server;
  public final LiveDebuggee debuggee;

  private FakeAgent(Root root, Connection server, LiveDebuggee debuggee) {
    this.root = root;
    this.server = server;
    this.debuggee = debuggee;
  }

  public static FakeAgent start(Root root, Policy base) {
    MemoryChannel.Pair pair = MemoryChannel.pair();
    Policy policy = base.toBuilder().allow(Policy.Action.CALL, Root.class.getName(), "*").build();
    CompletableFuture<Connection> server = CompletableFuture.supplyAsync(() -> Connection.accept(pair.server(),
        ConnectionOptions.builder().token(TOKEN).root(root).policy(policy).name("fake-agent").build()));
    Connection client = Connection.connect(pair.client(), ConnectionOptions.builder().token(TOKEN).name("rdb").build());
    return new FakeAgent(root, server.join(), LiveDebuggee.over(client, "fake:7777"));
  }

  /** A root without post-mortems. */
  public static Root empty() {
    return new Root(Map.of());
  }

  /** A root with one post-mortem: {@code Cart.total} divided by zero, called from {@code Shop.checkout}. */
  public static Root sample() {
    Map<String, Object> cart = new java.util.LinkedHashMap<>();
    cart.put("apples", 3);
    cart.put("pears", 0);
    List<FrameView> frames = List.of(
        new FrameView("com.acme.Cart", "total", "Cart.java", 21, true, true, List.of(
            new LocalView("items", "java.util.Map<java.lang.String, java.lang.Integer>", true, cart),
            new LocalView("count", "int", false, 0))),
        new FrameView("com.acme.Shop", "checkout", "Shop.java", 9, true, true, List.of(
            new LocalView("customer", "java.lang.String", true, "Ada"))),
        new FrameView("java.lang.Thread", "run", "Thread.java", 840, false, false, List.of()));
    Root root = new Root(Map.of());
    root.postMortems.add(new PostMortemView(1, "2026-11-25T23:00:00Z", "main", "ArithmeticException",
        "java.lang.ArithmeticException", "/ by zero", new ArithmeticException("/ by zero"), frames));
    return root;
  }

  public long roundTrips() {
    return debuggee.connection().stats().roundTrips();
  }

  @Override
  public void close() {
    debuggee.close();
    server.close();
  }

  // ------------------------------------------------------------ the contract's views

  public record PostMortemView(int id, String time, String thread, String name, String exceptionType,
      String message, Throwable throwable, List<FrameView> frames) {}

  public record FrameView(String className, String methodName, String fileName, int line, boolean captured,
      boolean namesAvailable, List<LocalView> locals) {}

  public record LocalView(String name, String type, boolean argument, Object value) {}

  public record ThreadView(String name, String state, boolean daemon, List<String> stack) {}

  /** The debuggee root: what the agent's dev.rdb.agent.serve.Debuggee offers. */
  public static final class Root {
    final List<PostMortemView> postMortems = new ArrayList<>();
    final Map<String, Class<?>> classes;
    volatile CountDownLatch block;

    Root(Map<String, Class<?>> classes) {
      this.classes = classes;
    }

    public List<PostMortemView> postMortems() throws InterruptedException {
      CountDownLatch latch = block;
      if (latch != null) {
        latch.await(30, TimeUnit.SECONDS);
      }
      return List.copyOf(postMortems);
    }

    public PostMortemView postMortem(int id) {
      for (PostMortemView pm : postMortems) {
        if (pm.id() == id) {
          return pm;
        }
      }
      throw new IllegalArgumentException("no post-mortem " + id);
    }

    public List<ThreadView> threads() {
      return List.of(new ThreadView("main", "RUNNABLE", false, List.of("com.acme.Shop.main(Shop.java:9)")),
          new ThreadView("worker-1", "WAITING", true, List.of("java.lang.Object.wait(Native Method)",
              "com.acme.Worker.run(Worker.java:30)")));
    }

    public Class<?> loadedClass(String name) {
      return classes.get(name);
    }

    public String policy() {
      return "readonly";
    }
  }
}
