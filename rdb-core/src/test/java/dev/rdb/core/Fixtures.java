package dev.rdb.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Plain classes the tests export, shaped like what the agent serves. */
final class Fixtures {
  private Fixtures() {}

  /** Read-only, plus the calls an agent allows on its own debuggee objects. */
  static Policy readOnlyDebuggee() {
    return Policy.readOnly().toBuilder()
        .allow(Policy.Action.CALL, Debuggee.class.getName(), "*")
        .allow(Policy.Action.CALL, Order.class.getName(), "type")
        .allow(Policy.Action.CALL, Order.class.getName(), "total")
        .build();
  }

  enum Status { OPEN, SHIPPED }

  static final class Item {
    private final String name;
    private final int price;

    Item(String name, int price) {
      this.name = name;
      this.price = price;
    }

    int price() {
      return price;
    }

    @Override
    public String toString() {
      return name + "@" + price;
    }
  }

  static final class Order {
    static int created = 7;
    private final long id;
    private final List<Item> items = new ArrayList<>();
    private Status status = Status.OPEN;
    private char grade = 'A';
    private float discount = 0.5f;
    private double total = 12.25;
    private short shorty = 3;
    private byte tiny = 4;
    private boolean paid;
    private final String customerPassword = "hunter2";
    private Integer boxed = 42;
    private final Map<String, String> settings = Map.of("apiToken", "abc", "color", "red");
    int[] numbers = {1, 2, 3};

    Order(long id) {
      this.id = id;
    }

    Order add(String name, int price) {
      items.add(new Item(name, price));
      return this;
    }

    int total() {
      return items.stream().mapToInt(Item::price).sum();
    }

    String pick(int i) {
      return "int";
    }

    String pick(long l) {
      return "long";
    }

    String pick(Object o) {
      return "Object";
    }

    String pick(String s) {
      return "String";
    }

    String widen(double d) {
      return "double:" + d;
    }

    String join(String sep, Object... parts) {
      StringBuilder s = new StringBuilder();
      for (Object p : parts) {
        s.append(s.length() == 0 ? "" : sep).append(p);
      }
      return s.toString();
    }

    void fail(String message) {
      throw new IllegalStateException(message, new java.io.IOException("disk full"));
    }

    Throwable lastError() {
      return new IllegalArgumentException("bad id");
    }

    String passwordHint() {
      return "starts with h";
    }

    Status status() {
      return status;
    }

    String statusName(Status s) {
      return s.name();
    }

    static String describeAll() {
      return "orders:" + created;
    }

    Class<?> type() {
      return Order.class;
    }
  }

  /** Like the agent's LocalView. */
  static final class Local {
    final String name;
    final String type;
    final Object value;

    Local(String name, String type, Object value) {
      this.name = name;
      this.type = type;
      this.value = value;
    }
  }

  /** Like the agent's FrameView. */
  static final class Frame {
    final String className;
    final String methodName;
    final int line;
    final List<Local> locals;

    Frame(String className, String methodName, int line, List<Local> locals) {
      this.className = className;
      this.methodName = methodName;
      this.line = line;
      this.locals = locals;
    }
  }

  /** Like the agent's Debuggee: methods return lists of plain objects. */
  static final class Debuggee {
    final Order order = new Order(1).add("book", 12).add("pen", 3);

    List<Frame> frames() {
      List<Frame> frames = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        frames.add(new Frame("com.acme.Service" + i, "handle", 100 + i, List.of(
            new Local("this", "com.acme.Service" + i, order),
            new Local("i", "int", i))));
      }
      return frames;
    }

    Order order() {
      return order;
    }
  }
}
