package dev.rdb.cli.it;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A target JVM for the integration tests, run in its own process: each line {@code crash} on stdin
 * starts a thread {@code checkout-worker} that dies of an uncaught
 * {@code IllegalStateException: checkout failed for Ada} caused by {@code ArithmeticException: / by
 * zero} in {@code Checkout.subtotal} (a cart line with quantity 0), eleven frames below
 * {@code Checkout.run}; then it prints {@code crashed}. It exits when stdin ends.
 */
public final class CrashingTarget {
  private CrashingTarget() {}

  public static void main(String[] args) throws Exception {
    System.out.println("ready");
    System.out.flush();
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line;
    while ((line = in.readLine()) != null) {
      if (line.strip().equals("crash")) {
        Thread worker = new Thread(new Checkout("Ada"), "checkout-worker");
        worker.setUncaughtExceptionHandler((t, e) -> { });
        worker.start();
        worker.join();
        System.out.println("crashed");
        System.out.flush();
      }
    }
  }

  /** A cart line. */
  static final class Line {
    final String sku;
    final int quantity;
    final long cents;

    Line(String sku, int quantity, long cents) {
      this.sku = sku;
      this.quantity = quantity;
      this.cents = cents;
    }
  }

  /** A customer's cart. */
  static final class Cart {
    final String customer;
    final List<Line> lines = new ArrayList<>();

    Cart(String customer) {
      this.customer = customer;
    }

    void add(String sku, int quantity, long cents) {
      lines.add(new Line(sku, quantity, cents));
    }

    void clear() {
      lines.clear();
    }
  }

  /** The work that crashes. */
  static final class Checkout implements Runnable {
    private final String customer;

    Checkout(String customer) {
      this.customer = customer;
    }

    @Override
    public void run() {
      Cart cart = new Cart(customer);
      cart.add("apple", 3, 250);
      cart.add("pear", 0, 100);
      int attempts = 1;
      try {
        subtotal(cart, 10);
      } catch (ArithmeticException e) {
        throw new IllegalStateException("checkout failed for " + cart.customer + " after " + attempts + " attempt", e);
      }
    }

    long subtotal(Cart cart, int depth) {
      if (depth > 0) {
        return subtotal(cart, depth - 1);
      }
      long sum = 0;
      for (Line line : cart.lines) {
        long unit = line.cents / line.quantity;
        sum += unit * line.quantity;
      }
      return sum;
    }
  }
}
