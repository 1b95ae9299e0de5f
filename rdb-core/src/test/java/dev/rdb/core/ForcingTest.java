package dev.rdb.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Collections move in growing chunks, never one round trip per element. */
class ForcingTest {

  /** Exports collections of many shapes. */
  static final class Store {
    final List<Integer> numbers = IntStream.range(0, 100_000).boxed()
        .collect(Collectors.toCollection(ArrayList::new));
    final Set<String> names = IntStream.range(0, 3000).mapToObj(i -> "n" + i)
        .collect(Collectors.toCollection(LinkedHashSet::new));
    final TreeMap<String, Long> prices = new TreeMap<>();
    final long[] longs = {1L, Long.MAX_VALUE};
    final List<Object> mixed = List.of(1, "two", 3.0, 'c');

    Store() {
      for (int i = 0; i < 500; i++) {
        prices.put("p" + i, (long) i);
      }
    }

    java.util.Iterator<String> nameIterator() {
      return names.iterator();
    }
  }

  private final Session session = Session.open(new Store(), Policy.readOnly().toBuilder()
      .allow(Policy.Action.CALL, Store.class.getName(), "*").build());

  @AfterEach
  void close() {
    session.close();
  }

  @Test
  void aListOfAHundredThousandIntegersArrivesInAFewGrowingChunks() {
    RemoteRef numbers = (RemoteRef) session.client().root().get("numbers");
    long before = session.roundTrips();
    List<Object> all = numbers.toList();
    long trips = session.roundTrips() - before;
    assertThat(all).hasSize(100_000);
    assertThat(all.get(99_999)).isEqualTo(99_999);
    assertThat(all).allMatch(e -> e instanceof Integer);
    assertThat(trips).as("chunks of 64, 128, … 65536").isBetween(10L, 12L);
  }

  @Test
  void setsMapsArraysAndIteratorsAreForcedToo() {
    RemoteRef root = session.client().root();
    assertThat(((RemoteRef) root.get("names")).toList()).hasSize(3000).startsWith("n0", "n1");
    List<Object> prices = ((RemoteRef) root.get("prices")).toList();
    assertThat(prices).hasSize(500).first().isEqualTo(new MapEntry("p0", 0L));
    assertThat(((RemoteRef) root.get("longs")).toList()).containsExactly(1L, Long.MAX_VALUE);
    assertThat(((RemoteRef) root.get("mixed")).toList()).containsExactly(1, "two", 3.0, 'c');
    RemoteRef iterator = (RemoteRef) root.call("nameIterator");
    assertThat(iterator.toList()).hasSize(3000).endsWith("n2999");
  }

  @Test
  void aSliceAsksForARangeAndSaysWhenItEnded() {
    RemoteRef numbers = (RemoteRef) session.client().root().get("numbers");
    assertThat(numbers.slice(10, 13)).containsExactly(10, 11, 12);
    assertThat(numbers.slice(99_998, 200_000)).containsExactly(99_998, 99_999);
    assertThat(numbers.slice(200_000, 200_001)).isEmpty();
  }
}
