package dev.rdb.bench.core;

import dev.rdb.core.Batch;
import dev.rdb.core.RemoteRef;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * (b) The five-step navigation {@code root.shop.orders[0].customer.name()} over loopback TCP, one
 * operation per round trip against one pipelined batch. The {@code roundTrips} and
 * {@code navigations} counters give round trips per navigation. Target: the pipelined chain takes 1 round trip.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
public class PipelineBench {

  /** The remote object graph. */
  public static final class Root {
    final Shop shop = new Shop();
  }

  static final class Shop {
    final List<Order> orders = List.of(new Order(), new Order());
  }

  static final class Order {
    final Customer customer = new Customer();
  }

  static final class Customer {
    private final String name = "Ada";

    public String name() {
      return name;
    }
  }

  /**
   * Round trips and navigations counted over each iteration, reported next to the time; their
   * quotient is the round trips per navigation.
   */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class Trips {
    public long roundTrips;
    public long navigations;
  }

  private LoopbackSession session;
  private RemoteRef root;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    session = new LoopbackSession(new Root(), LoopbackSession.Sockets.CHANNELS);
    root = session.client.root();
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    session.close();
  }

  @Benchmark
  public Object oneRoundTripPerStep(Trips trips) {
    long before = session.client.stats().roundTrips();
    RemoteRef shop = (RemoteRef) root.get("shop");
    RemoteRef orders = (RemoteRef) shop.get("orders");
    RemoteRef first = (RemoteRef) orders.index(0);
    RemoteRef customer = (RemoteRef) first.get("customer");
    Object name = customer.call("name");
    trips.roundTrips += session.client.stats().roundTrips() - before;
    trips.navigations++;
    return name;
  }

  @Benchmark
  public Object pipelined(Trips trips) {
    long before = session.client.stats().roundTrips();
    Batch b = session.client.batch();
    Batch.Step<Object> shop = b.get(root, "shop");
    Batch.Step<Object> orders = b.get(shop, "orders");
    Batch.Step<Object> first = b.index(orders, 0);
    Batch.Step<Object> customer = b.get(first, "customer");
    Batch.Step<Object> name = b.call(customer, "name");
    b.execute();
    trips.roundTrips += session.client.stats().roundTrips() - before;
    trips.navigations++;
    return name.value();
  }
}
