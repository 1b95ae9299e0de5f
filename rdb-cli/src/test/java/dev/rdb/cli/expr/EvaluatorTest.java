package dev.rdb.cli.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.rdb.cli.debuggee.CountingPort;
import dev.rdb.cli.debuggee.ShapeCache;
import dev.rdb.cli.debuggee.Step;
import dev.rdb.cli.debuggee.StepResult;
import dev.rdb.cli.debuggee.Value;
import dev.rdb.cli.dump.DumpDebuggee;
import dev.rdb.cli.dump.Dumps;
import org.junit.jupiter.api.Test;

/** Every expression form, evaluated against the recorded graph of the shop dump. */
class EvaluatorTest {
  private static final int ORDER_CHECK = 0;
  private static final int SHOP_CHECKOUT = 1;

  private final DumpDebuggee dump = Dumps.shop();
  private final CountingPort port = new CountingPort(dump.objects());
  private final ShapeCache shapes = new ShapeCache(port);

  private Evaluation eval(int frame, String source) {
    var locals = dump.locals(2, frame, 1);
    String frameClass = dump.postMortem(2).frames().get(frame).className();
    return Evaluator.evaluate(source, new FrameScope(locals, frameClass), port, shapes, 2);
  }

  private Value value(int frame, String source) {
    return eval(frame, source).value();
  }

  private String error(int frame, String source) {
    EvalException e = catchThrowableOfType(EvalException.class, () -> eval(frame, source));
    assertThat(e).as("expected <%s> to fail", source).isNotNull();
    return e.getMessage();
  }

  @Test
  void localsNeedNoRoundTrip() {
    Evaluation e = eval(ORDER_CHECK, "limit");
    assertThat(e.value()).isEqualTo(Value.of(100));
    assertThat(e.roundTrips()).isZero();
  }

  @Test
  void bareNameFallsBackToAFieldOfThis() {
    assertThat(value(ORDER_CHECK, "id")).isEqualTo(Value.of(7L));
  }

  @Test
  void aLongChainIsOneRoundTripWithPipelinedSteps() {
    Evaluation e = eval(SHOP_CHECKOUT, "order.customer.lastOrder.items[1].sku");
    assertThat(e.value()).isEqualTo(Value.of("B-2"));
    assertThat(e.roundTrips()).as("round trips").isEqualTo(1);
    assertThat(port.plans()).hasSize(1);
    assertThat(port.plans().get(0).steps()).hasSize(5);
  }

  @Test
  void theResultOfAChainComesBackDescribedInTheSameExchange() {
    Evaluation e = eval(SHOP_CHECKOUT, "order.items");
    assertThat(e.graph().find((Value.ObjectRef) e.value())).isPresent();
    assertThat(port.exchanges()).isEqualTo(1);
  }

  @Test
  void mapsIndexByKeyAndAnswerGet() {
    assertThat(value(SHOP_CHECKOUT, "counts[\"b\"]")).isEqualTo(Value.of(2));
    assertThat(value(SHOP_CHECKOUT, "counts.get(\"a\")")).isEqualTo(Value.of(1));
    assertThat(value(SHOP_CHECKOUT, "counts[\"zz\"]")).isEqualTo(Value.NULL);
    assertThat(value(SHOP_CHECKOUT, "counts.containsKey(\"a\") && counts.size() == 2")).isEqualTo(Value.of(true));
  }

  @Test
  void arraysIndexAndHaveALength() {
    assertThat(value(ORDER_CHECK, "codes[3]")).isEqualTo(Value.of(4));
    assertThat(value(ORDER_CHECK, "codes.length")).isEqualTo(Value.of(4));
    assertThat(value(ORDER_CHECK, "codes[codes.length - 1] * 10")).isEqualTo(Value.of(40));
    assertThat(error(ORDER_CHECK, "codes[4]")).isEqualTo("codes[4]: index 4 out of bounds for length 4");
  }

  @Test
  void arithmeticFollowsJavaPromotion() {
    assertThat(value(ORDER_CHECK, "limit * 2 + 1")).isEqualTo(Value.of(201));
    assertThat(value(ORDER_CHECK, "limit / 3")).isEqualTo(Value.of(33));
    assertThat(value(ORDER_CHECK, "limit % 7")).isEqualTo(Value.of(2));
    assertThat(value(ORDER_CHECK, "ratio * 4")).isEqualTo(Value.of(1.0));
    assertThat(value(ORDER_CHECK, "expected + 1")).isEqualTo(Value.of(9007199254740994L));
    assertThat(value(ORDER_CHECK, "initial + 1")).isEqualTo(Value.of(82));
    assertThat(value(ORDER_CHECK, "-limit")).isEqualTo(Value.of(-100));
    assertThat(value(SHOP_CHECKOUT, "boxed + 1")).isEqualTo(Value.of(6L));
    assertThat(error(ORDER_CHECK, "limit / (limit - 100)")).contains("division by zero");
  }

  @Test
  void plusConcatenatesWhenEitherSideIsAString() {
    assertThat(value(ORDER_CHECK, "\"id=\" + id + \" \" + status")).isEqualTo(Value.of("id=7 PAID"));
    assertThat(value(ORDER_CHECK, "label + 1 + 2")).isEqualTo(Value.of("rush \"order\"12"));
  }

  @Test
  void comparisonsAndEqualityWorkAcrossNumericTypes() {
    assertThat(value(ORDER_CHECK, "limit >= 100 && limit < 101 && ratio <= 0.25 && id > 6")).isEqualTo(Value.of(true));
    assertThat(value(ORDER_CHECK, "id == 7 && limit != 7.5")).isEqualTo(Value.of(true));
    assertThat(value(ORDER_CHECK, "label == \"rush \\\"order\\\"\"")).isEqualTo(Value.of(true));
    assertThat(value(ORDER_CHECK, "status == this.status && missing == null")).isEqualTo(Value.of(true));
    assertThat(value(ORDER_CHECK, "customer.lastOrder == this")).isEqualTo(Value.of(true));
    assertThat(value(ORDER_CHECK, "!exact || initial == 'Q'")).isEqualTo(Value.of(true));
    assertThat(error(ORDER_CHECK, "label < 3")).contains("'<' needs numbers, got a String");
  }

  @Test
  void pureRightSidesArePrefetchedSoAndStaysOneRoundTrip() {
    Evaluation e = eval(ORDER_CHECK, "customer.name == \"Ada\" && customer.lastOrder.id == 7 || id == 7");
    assertThat(e.value()).isEqualTo(Value.of(true));
    assertThat(e.roundTrips()).isEqualTo(1);
  }

  @Test
  void callsOnTheRightOfAndRunOnlyWhenTheLeftIsTrue() {
    Evaluation skipped = eval(ORDER_CHECK, "customer.name == \"Bob\" && total.signum() > 0");
    assertThat(skipped.value()).isEqualTo(Value.of(false));
    assertThat(port.plans()).allSatisfy(plan -> assertThat(plan.steps()).noneMatch(s -> s instanceof Step.Call));

    Evaluation ran = eval(ORDER_CHECK, "customer.name == \"Ada\" && items.size() == 2");
    assertThat(ran.value()).isEqualTo(Value.of(true));
    assertThat(ran.roundTrips()).as("the call waits for the left side").isEqualTo(2);
  }

  @Test
  void instanceofUsesTheRecordedSupertypes() {
    assertThat(value(ORDER_CHECK, "this instanceof Entity")).isEqualTo(Value.of(true));
    assertThat(value(ORDER_CHECK, "this instanceof com.acme.Order")).isEqualTo(Value.of(true));
    assertThat(value(ORDER_CHECK, "this instanceof Shop")).isEqualTo(Value.of(false));
    assertThat(value(ORDER_CHECK, "label instanceof CharSequence")).isEqualTo(Value.of(true));
    assertThat(value(ORDER_CHECK, "missing instanceof Object")).isEqualTo(Value.of(false));
    assertThat(value(ORDER_CHECK, "limit instanceof Number")).isEqualTo(Value.of(true));
  }

  @Test
  void listLiteralsIndexCompareAndHaveASize() {
    assertThat(value(ORDER_CHECK, "[1, 2, 3][1]")).isEqualTo(Value.of(2));
    assertThat(value(ORDER_CHECK, "[1, limit] == [1, 100]")).isEqualTo(Value.of(true));
    assertThat(value(ORDER_CHECK, "[codes[0], 2].size()")).isEqualTo(Value.of(2));
  }

  @Test
  void copiedStringsAndEnumsAnswerTheirOwnCalls() {
    assertThat(value(SHOP_CHECKOUT, "note.length()")).isEqualTo(Value.of(5000));
    assertThat(value(ORDER_CHECK, "status.name()")).isEqualTo(Value.of("PAID"));
  }

  @Test
  void whatTheDumpDidNotRecordSaysWhy() {
    assertThat(error(ORDER_CHECK, "warehouse.name")).isEqualTo("warehouse.name: not in dump (depth limit)");
    assertThat(error(ORDER_CHECK, "history[200]"))
        .isEqualTo("history[200]: not in dump (element limit: 3 of 250 recorded)");
    assertThat(error(ORDER_CHECK, "items[1].color")).isEqualTo("items[1].color: not in dump (field limit)");
  }

  @Test
  void methodCallsOnADumpSayTheyNeedALiveAgent() {
    EvalException e = catchThrowableOfType(EvalException.class, () -> eval(ORDER_CHECK, "total.scale()"));
    assertThat(e.getMessage()).isEqualTo("total.scale(): calling scale() needs a live agent: a dump holds recorded values only");
    assertThat(e.failure()).isEqualTo(StepResult.Failure.NEEDS_LIVE_AGENT);
  }

  @Test
  void badNamesAndOperandsGiveOneLineErrors() {
    assertThat(error(ORDER_CHECK, "nope"))
        .isEqualTo("unknown name 'nope': not a local, a field of this, or a static field");
    assertThat(error(ORDER_CHECK, "Order.MAX")).isEqualTo("Order.MAX: static fields are not recorded in dumps");
    assertThat(error(ORDER_CHECK, "missing.x")).isEqualTo("missing.x: missing is null");
    assertThat(error(SHOP_CHECKOUT, "password + \"x\"")).isEqualTo("password + \"x\": password is redacted");
    assertThat(error(ORDER_CHECK, "limit.x")).contains("limit is int 100, a copied value");
    assertThat(error(ORDER_CHECK, "id.foo()")).isEqualTo("id.foo(): a copied long value has no members");
    assertThat(error(ORDER_CHECK, "Math.max(1, 2)")).contains("static method calls are not supported");
    assertThat(error(ORDER_CHECK, "this[0]")).contains("Order is not an array, list or map");
    assertThat(error(ORDER_CHECK, "1 && true")).contains("'&&' needs a boolean, got int 1");
  }

  @Test
  void shapesAreFetchedOncePerType() {
    eval(ORDER_CHECK, "id");
    eval(ORDER_CHECK, "total");
    eval(ORDER_CHECK, "customer");
    assertThat(port.shapeLookups()).isEqualTo(1);
  }
}
