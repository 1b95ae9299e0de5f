package oracle;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;
import java.util.function.IntUnaryOperator;

/** Tricky shapes; each returns normally unless {@code fail}, then throws a Boom with locals set. */
public final class Cases {

  static final Object LOCK = new Object();

  private Cases() {}

  static int longDouble(int seed, boolean fail) {
    long big = (1L << 40) + seed;
    double ratio = 2.5 * seed;
    float half = 0.5f;
    char letter = 'q';
    boolean flag = seed > 2;
    short sh = (short) (seed + 12);
    byte by = (byte) -seed;
    return Boom.maybe(fail, "ld") + (int) big + (int) ratio + (int) half + letter + (flag ? 1 : 0) + sh + by;
  }

  static int reusedSlots(int n, boolean fail) {
    {
      int counter = n * 2;
      if (counter < 0) {
        return counter;
      }
    }
    {
      String text = "reused" + (n % 3);
      if (n > 0) {
        return Boom.maybe(fail, text);
      }
    }
    return 0;
  }

  static int nestedScopes(int n, boolean fail) {
    int outer = n + 1;
    {
      int middle = outer * 2;
      {
        int inner = middle + 3;
        return Boom.maybe(fail, "nested") + inner;
      }
    }
  }

  static int loopVariables(List<String> items, boolean fail) {
    int total = 0;
    for (int i = 0; i < 4; i++) {
      total += i;
    }
    for (String item : items) {
      if (item.equals("c")) {
        return Boom.maybe(fail, "loop") + total;
      }
    }
    return total;
  }

  static int patternVariable(Object o, boolean fail) {
    if (o instanceof String s && s.length() > 2) {
      int len = s.length();
      return Boom.maybe(fail, "pattern") + len;
    }
    return 0;
  }

  static int tryWithResources(boolean fail) {
    try (Resource r = new Resource("r1")) {
      int inside = 5;
      return Boom.maybe(fail, "twr") + inside;
    }
  }

  static synchronized int synchronizedMethod(int x, boolean fail) {
    int doubled = x * 2;
    return Boom.maybe(fail, "sm") + doubled;
  }

  static int synchronizedBlock(int x, boolean fail) {
    synchronized (LOCK) {
      int inBlock = x + 1;
      return Boom.maybe(fail, "sb") + inBlock;
    }
  }

  static int stringSwitch(String key, boolean fail) {
    switch (key) {
      case "alpha":
        return 1;
      case "beta":
        int chosen = 9;
        return Boom.maybe(fail, "switch") + chosen;
      default:
        return 0;
    }
  }

  static int lambda(int start, boolean fail) {
    IntUnaryOperator twice = v -> {
      int w = v * 2;
      return Boom.maybe(fail, "lambda") + w;
    };
    return twice.applyAsInt(start);
  }

  static int anonymous(int base, boolean fail) {
    IntSupplier supplier = new IntSupplier() {
      @Override
      public int getAsInt() {
        int fromAnonymous = base + 1;
        return Boom.maybe(fail, "anon") + fromAnonymous;
      }
    };
    return supplier.getAsInt();
  }

  record Range(int low, int high) {
    int scaled(int factor, boolean fail) {
      int s = (high - low) * factor;
      return Boom.maybe(fail, "record") + s;
    }
  }

  interface Shape {
    default int describe(String prefix, boolean fail) {
      int count = prefix.length() + 4;
      return Boom.maybe(fail, prefix) + count;
    }
  }

  static final class Square implements Shape {}

  @SafeVarargs
  static <T extends Comparable<T>> int genericVarargs(boolean fail, T... values) {
    T best = values[0];
    List<T> seen = new ArrayList<>();
    for (T v : values) {
      seen.add(v);
      if (v.compareTo(best) > 0) {
        best = v;
      }
    }
    return Boom.maybe(fail, "generic") + seen.size();
  }

  static int finallyChangesValue(boolean fail) {
    int state = 1;
    try {
      state = 2;
      return Boom.maybe(fail, "finally") + state;
    } finally {
      state = 3;
    }
  }

  static final class Resource implements AutoCloseable {
    final String name;

    Resource(String name) {
      this.name = name;
    }

    @Override
    public void close() {
    }
  }

  static final class Built {
    final int value;

    Built(int value, boolean fail) {
      super();
      int local = value * 3;
      this.value = local + Boom.maybe(fail, "ctor");
    }
  }
}
