package dev.rdb.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;

/**
 * The serving side on CALLs built from fuzzer input: operations known and unknown, operands of
 * every tag, pipelined references forward and backward, nesting. Every CALL must get its REPLY
 * (one result per operation) or FAIL, the connection must stay open, and the server must count
 * no internal error. Seeds in {@code src/test/resources/dev/rdb/core/DispatcherFuzzTestInputs}
 * run in every build.
 */
class DispatcherFuzzTest {
  private static final String[] OPS = {"get", "getStatic", "set", "setStatic", "call",
      "callStatic", "index", "length", "slice", "toString", "equals", "hashCode", "same",
      "identityHash", "describe", "shape", "bogus"};
  private static final String[] TAGS = {"I", "S", "B", "C", "F", "E", "X", "R", "Y", "T", "P",
      "L", "M", "D", "H", "!", "?"};
  private static final String[] NAMES = {"order", "items", "frames", "id", "price", "toString",
      "size", "get", "getClass", "getName", "locals", "value", "numbers", "name", "x"};

  private static ScriptedPeer peer;
  private static long nextId;

  private static ScriptedPeer peer() {
    if (peer == null) {
      peer = ScriptedPeer.connect(ConnectionOptions.builder().token(Session.TOKEN)
          .root(new Fixtures.Debuggee()).policy(Fixtures.readOnlyDebuggee()).name("fuzz")
          .build());
    }
    return peer;
  }

  @AfterAll
  static void closePeer() {
    if (peer != null) {
      peer.close();
      peer = null;
    }
  }

  @FuzzTest(maxDuration = "3m")
  void everyCallGetsAnAnswerAndTheServerKeepsServing(FuzzedDataProvider data) throws Exception {
    ScriptedPeer p = peer();
    int count = data.consumeInt(0, 6);
    List<Object> ops = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ops.add(op(data, p));
    }
    long id = ++nextId;
    p.send(List.of("CALL", id, ops));
    List<?> answer = (List<?>) CompletableFuture.supplyAsync(() -> {
      try {
        return p.receiveSkippingReleases();
      } catch (java.io.IOException e) {
        throw new AssertionError("server closed the connection: "
            + p.server.closeReason().map(Throwable::getMessage).orElse("?"), e);
      }
    }).get(30, TimeUnit.SECONDS);
    assertThat(answer.get(1)).as("answer to call %s: %s", id, answer).isEqualTo(id);
    if ("REPLY".equals(answer.get(0))) {
      assertThat((List<?>) answer.get(2)).hasSize(ops.size());
    } else {
      assertThat(answer.get(0)).isEqualTo("FAIL");
    }
    assertThat(p.server.isOpen()).isTrue();
    assertThat(p.server.stats().internalErrors()).as("internal errors").isZero();
  }

  private static Object op(FuzzedDataProvider data, ScriptedPeer p) {
    List<Object> op = new ArrayList<>();
    op.add(data.consumeBoolean() ? data.pickValue(OPS) : data.consumeString(8));
    int operands = data.consumeInt(0, 5);
    for (int i = 0; i < operands; i++) {
      op.add(operand(data, p, 0));
    }
    return op;
  }

  private static Object operand(FuzzedDataProvider data, ScriptedPeer p, int depth) {
    switch (data.consumeInt(0, 13)) {
      case 0:
        return null;
      case 1:
        return data.consumeLong(-2, 70000);
      case 2:
        return data.pickValue(NAMES);
      case 3:
        return data.consumeBoolean();
      case 4:
        return data.consumeDouble();
      case 5:
        return List.of("Y", data.consumeBoolean() ? p.rootId() : data.consumeLong(-1, 50));
      case 6:
        return List.of("P", data.consumeLong(-1, 6));
      case 7:
        return List.of("I", data.consumeLong());
      case 8:
        if (depth < 3) {
          List<Object> list = new ArrayList<>();
          list.add(data.pickValue(TAGS));
          int n = data.consumeInt(0, 6);
          for (int i = 0; i < n; i++) {
            list.add(operand(data, p, depth + 1));
          }
          return list;
        }
        return data.consumeString(10);
      case 9:
        if (depth < 3) {
          List<Object> list = new ArrayList<>();
          int n = data.consumeInt(0, 4);
          for (int i = 0; i < n; i++) {
            list.add(operand(data, p, depth + 1));
          }
          return list;
        }
        return 0L;
      case 10:
        return Map.of(data.consumeString(5), data.consumeLong());
      case 11:
        return java.util.Arrays.asList("R", data.consumeLong(0, 100), data.consumeLong(0, 5),
            data.consumeString(20), data.consumeBoolean() ? null : data.consumeLong(-1, 100),
            null);
      case 12:
        return data.consumeBytes(8);
      default:
        return java.util.Arrays.asList("T", data.consumeLong(0, 100), 1L, "java.lang.Error",
            null, List.of(List.of("A", "b", "C.java", data.consumeLong())), null);
    }
  }
}
