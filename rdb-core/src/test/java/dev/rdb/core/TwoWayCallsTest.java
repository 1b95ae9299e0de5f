package dev.rdb.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Both ends export and call; local objects travel by reference and arrive as proxies. */
class TwoWayCallsTest {

  /** Implemented on both ends; each bounce crosses the connection once more. */
  public interface Bouncer {
    int bounce(Bouncer other, int depth);
  }

  static final class CountingBouncer implements Bouncer {
    final List<String> threads = new CopyOnWriteArrayList<>();

    @Override
    public int bounce(Bouncer other, int depth) {
      threads.add(Thread.currentThread().getName());
      return depth == 0 ? 0 : 1 + other.bounce(this, depth - 1);
    }
  }

  /** What the server exports for the proxy tests. */
  static final class Names {
    final List<String> names = new ArrayList<>(List.of("bob", "alice", "carol"));
  }

  @Test
  void callbacksNestTenDeepInBothDirectionsWithoutDeadlock() {
    CountingBouncer serverBouncer = new CountingBouncer();
    CountingBouncer clientBouncer = new CountingBouncer();
    try (Session s = Session.open(
        ConnectionOptions.builder().token(Session.TOKEN).root(serverBouncer).policy(Policy.full())
            .name("server").build(),
        ConnectionOptions.builder().token(Session.TOKEN).root(clientBouncer).policy(Policy.full())
            .name("client").build())) {
      Bouncer remote = s.client().root().as(Bouncer.class);
      int depth = remote.bounce(clientBouncer, 20);
      assertThat(depth).isEqualTo(20);
      assertThat(serverBouncer.threads).hasSize(11).allMatch(t -> t.startsWith("rdb-worker-"));
      assertThat(clientBouncer.threads).hasSize(10).allMatch(t -> t.startsWith("rdb-worker-"));
    }
  }

  @Test
  void clientComparatorSortsARemoteList() {
    Names names = new Names();
    try (Session s = Session.open(names, Policy.full())) {
      RemoteRef list = (RemoteRef) s.client().root().get("names");
      List<String> comparedOnClient = new CopyOnWriteArrayList<>();
      Comparator<String> reverse = (a, b) -> {
        comparedOnClient.add(a + "/" + b);
        return b.compareTo(a);
      };
      list.call("sort", reverse);
      assertThat(names.names).containsExactly("carol", "bob", "alice");
      assertThat(comparedOnClient).as("compare ran on the client").isNotEmpty();
    }
  }

  @Test
  void clientConsumerSeesEveryElementOfARemoteForEach() {
    try (Session s = Session.open(new Names(), Policy.full())) {
      RemoteRef list = (RemoteRef) s.client().root().get("names");
      List<Object> seen = new ArrayList<>();
      Consumer<Object> collect = seen::add;
      list.call("forEach", collect);
      assertThat(seen).containsExactly("bob", "alice", "carol");
    }
  }

  @Test
  void aRemoteObjectCanBeUsedThroughAnInterfaceProxy() {
    try (Session s = Session.open(new Names(), Policy.full())) {
      @SuppressWarnings("unchecked")
      List<String> list = ((RemoteRef) s.client().root().get("names")).as(List.class);
      assertThat(list.size()).isEqualTo(3);
      assertThat(list.get(1)).isEqualTo("alice");
      assertThat(list.contains("carol")).isTrue();
      list.add("dave");
      assertThat(list.size()).isEqualTo(4);
    }
  }

  @Test
  void aProxyPassedBackArrivesAsTheOriginalObject() {
    Names names = new Names();
    try (Session s = Session.open(names, Policy.full())) {
      RemoteRef list = (RemoteRef) s.client().root().get("names");
      Object proxy = list.as(List.class);
      assertThat(list.call("equals", proxy)).isEqualTo(true);
    }
  }
}
