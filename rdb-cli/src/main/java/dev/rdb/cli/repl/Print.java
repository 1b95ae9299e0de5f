package dev.rdb.cli.repl;

import dev.rdb.cli.debuggee.ObjectGraph;
import dev.rdb.cli.debuggee.Value;
import dev.rdb.cli.expr.EvalException;
import dev.rdb.cli.expr.Evaluation;
import dev.rdb.cli.expr.Evaluator;
import java.util.List;
import java.util.Map;
import org.jline.utils.AttributedString;

/** {@code p EXPR}: evaluate and print on one line, typed. */
final class Print implements ReplCommand {
  @Override
  public String name() {
    return "p";
  }

  @Override
  public List<String> aliases() {
    return List.of("print");
  }

  @Override
  public String usage() {
    return "p EXPR";
  }

  @Override
  public String summary() {
    return "evaluate EXPR and print it on one line";
  }

  @Override
  public Reply run(Session session, String argument) {
    Evaluated e = evaluate(session, Arguments.expression(name(), argument), session.limits().depth());
    AttributedString line = session.renderer().typed(e.value(), e.graph());
    return Reply.of(List.of(line), data(argument, e, line.toString()));
  }

  /** A value and the descriptions to print it, with a describe only if the evaluation lacked one. */
  record Evaluated(Value value, ObjectGraph graph) {}

  static Evaluated evaluate(Session session, String source, int depth) {
    var scope = session.scope();
    Evaluation evaluation;
    try {
      evaluation = Evaluator.evaluate(source, scope, session.debuggee().objects(), session.shapes(), depth);
    } catch (EvalException e) {
      if (session.hasPostMortem() && !session.frame().captured() && e.getMessage().startsWith("unknown name")) {
        throw new CommandException(e.getMessage() + " (frame #" + session.frameIndex()
            + " was not captured, so it has no locals)");
      }
      throw e;
    }
    ObjectGraph graph = evaluation.graph().plus(scope.locals().graph());
    if (evaluation.value() instanceof Value.ObjectRef ref && needsDescribe(graph, ref)) {
      graph = session.debuggee().objects().describe(List.of(ref), depth).plus(graph);
    }
    return new Evaluated(evaluation.value(), graph);
  }

  private static boolean needsDescribe(ObjectGraph graph, Value.ObjectRef ref) {
    return graph.find(ref).isEmpty() && graph.absence(ref).isEmpty();
  }

  static Map<String, Object> data(String source, Evaluated e, Object text) {
    return JsonData.map("expression", source, "type", e.value().typeName(),
        "value", JsonData.value(e.value()), "text", text);
  }
}
