package sample;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An object graph with every shape a dump must handle, and a crash below it. */
public final class Warehouse {

  enum Zone { COLD, DRY }

  static final class Bin {
    final String label;
    final Zone zone;
    final BigDecimal weight;
    Warehouse owner;

    Bin(String label, Zone zone, String weight) {
      this.label = label;
      this.zone = zone;
      this.weight = new BigDecimal(weight);
    }
  }

  private final String name = "north";
  private final String password = "hunter2";
  private final List<Bin> bins = new ArrayList<>();
  private final Map<String, Object> settings = new LinkedHashMap<>();
  private final long[] counts = {9_007_199_254_740_993L, -1L, 0L};
  private final char grade = 'Q';
  private final Object boxed = 5L;
  private final String notes = "n".repeat(1_500);
  private final Zone zone = Zone.DRY;
  private final List<String> tags = Collections.unmodifiableList(new ArrayList<>(List.of("fragile", "cold")));

  Warehouse() {
    for (int i = 0; i < 3; i++) {
      Bin bin = new Bin("B-" + i, i % 2 == 0 ? Zone.COLD : Zone.DRY, i + ".25");
      bin.owner = this;
      bins.add(bin);
    }
    settings.put("apiToken", "tok-secret-123");
    settings.put("region", "EU");
    settings.put("favourite", bins.get(1));
  }

  /** Fails two frames down, with a shared bin, a cycle and secrets on the way. */
  static int restock(int wanted) {
    Warehouse warehouse = new Warehouse();
    Bin first = warehouse.bins.get(0);
    String apiKey = "key-local-456";
    return warehouse.allocate(first, wanted, apiKey);
  }

  private int allocate(Bin bin, int wanted, String apiKey) {
    int free = bins.size() - 3;
    double ratio = 2.5;
    return wanted / free + (int) ratio + apiKey.length() + bin.label.length();
  }
}
