package oracle;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs every case once failing: either straight away ("interpreted") or after 100,000 calls that
 * do not fail ("jit"). With the agent, writes what rdb captured for each failure to the report file.
 */
public final class Main {

  static final Map<String, Consumer<Boolean>> CASES = new LinkedHashMap<>();

  static {
    CASES.put("longDouble", f -> Cases.longDouble(3, f));
    CASES.put("reusedSlots", f -> Cases.reusedSlots(4, f));
    CASES.put("nestedScopes", f -> Cases.nestedScopes(2, f));
    CASES.put("loopVariables", f -> Cases.loopVariables(List.of("a", "b", "c"), f));
    CASES.put("patternVariable", f -> Cases.patternVariable("abcd", f));
    CASES.put("tryWithResources", f -> Cases.tryWithResources(f));
    CASES.put("synchronizedMethod", f -> Cases.synchronizedMethod(21, f));
    CASES.put("synchronizedBlock", f -> Cases.synchronizedBlock(1, f));
    CASES.put("stringSwitch", f -> Cases.stringSwitch("beta", f));
    CASES.put("lambda", f -> Cases.lambda(8, f));
    CASES.put("anonymous", f -> Cases.anonymous(10, f));
    CASES.put("record", f -> new Cases.Range(1, 4).scaled(2, f));
    CASES.put("interfaceDefault", f -> new Cases.Square().describe("p", f));
    CASES.put("genericVarargs", f -> Cases.genericVarargs(f, "b", "z", "a"));
    CASES.put("finallyChangesValue", f -> Cases.finallyChangesValue(f));
    CASES.put("constructor", f -> new Cases.Built(5, f));
  }

  public static void main(String[] args) throws Exception {
    boolean jit = args[0].equals("jit");
    for (Map.Entry<String, Consumer<Boolean>> c : CASES.entrySet()) {
      if (jit) {
        for (int i = 0; i < 100_000; i++) {
          c.getValue().accept(false);
        }
      }
      try {
        c.getValue().accept(true);
      } catch (Boom e) {
        dev.rdb.agent.Rdb.postMortem(e);
      }
    }
    if (args.length > 1) {
      write(Path.of(args[1]));
    }
  }

  /** One line per captured local of a frame in this package: case, frame index, method, name, type, value. */
  private static void write(Path file) throws Exception {
    List<String> names = List.copyOf(CASES.keySet());
    try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file))) {
      List<Map<String, Object>> pms = dev.rdb.agent.Rdb.postMortems();
      for (int p = 0; p < pms.size(); p++) {
        int frameIndex = 0;
        for (Object f : (List<?>) pms.get(p).get("frames")) {
          Map<?, ?> frame = (Map<?, ?>) f;
          if (!String.valueOf(frame.get("className")).startsWith("oracle.")
              || frame.get("className").equals("oracle.Main")) {
            continue;
          }
          out.println(names.get(p) + "\t" + frameIndex + "\t" + frame.get("methodName") + "\tframe\t-\t"
              + frame.get("line"));
          for (Object l : (List<?>) frame.get("locals")) {
            Map<?, ?> local = (Map<?, ?>) l;
            out.println(names.get(p) + "\t" + frameIndex + "\t" + frame.get("methodName") + "\t"
                + local.get("name") + "\t" + local.get("type") + "\t" + normalize(local.get("value")));
          }
          frameIndex++;
        }
      }
    }
  }

  static String normalize(Object v) {
    if (v == null) {
      return "null";
    }
    if (v instanceof Number || v instanceof Boolean || v instanceof Character || v instanceof String) {
      return String.valueOf(v);
    }
    return "<" + v.getClass().getTypeName() + ">";
  }
}
