package serve;

/** Crashes with known locals: a secret-named one, a Runtime and the current thread. */
final class Checkout {

  private final String customer;
  private final String apiToken;
  private final int[] items = {3, 5, 7};

  Checkout(String customer, String apiToken) {
    this.customer = customer;
    this.apiToken = apiToken;
  }

  int total(int[] amounts, int by) {
    int sum = 0;
    for (int a : amounts) {
      sum += a;
    }
    return sum / by;
  }

  long pay(long amount, int by) {
    String password = "pw-" + customer + "-" + apiToken;
    Runtime runtime = Runtime.getRuntime();
    Thread self = Thread.currentThread();
    String label = customer + " pays " + amount;
    long share = amount / by;
    return share + password.length() + runtime.availableProcessors() + self.getId() + label.length();
  }

  /** Throws explicitly: HotSpot's fast throw would give a hot {@code x / 0} no stack trace. */
  long refund(long amount) {
    String label = customer + " refunds " + amount;
    if (amount > 0) {
      throw new IllegalArgumentException(label);
    }
    return amount;
  }
}
