package dev.rdb.cli.repl;

import dev.rdb.cli.debuggee.Local;
import dev.rdb.cli.debuggee.TypeShape;
import dev.rdb.cli.debuggee.Value;
import dev.rdb.cli.expr.ExprSyntaxException;
import dev.rdb.cli.expr.Lexer;
import dev.rdb.cli.expr.Token;
import dev.rdb.cli.expr.TokenKind;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Completes command names in the first word, and inside expressions locals, fields of this, and
 * the fields and methods of the type a dotted chain reaches. Types come from the locals' values
 * and from declared field types in shapes, which {@link dev.rdb.cli.debuggee.ShapeCache} fetches
 * once per type: no round trip per keystroke, none at all once a type is known.
 */
final class ReplCompleter implements Completer {
  private static final Set<String> EXPRESSION_COMMANDS = Set.of("p", "print", "pp", "fields");

  private final Interpreter interpreter;

  ReplCompleter(Interpreter interpreter) {
    this.interpreter = interpreter;
  }

  @Override
  public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
    candidates(line.line().substring(0, line.cursor())).forEach(c -> candidates.add(c));
  }

  /** Candidates for the text before the cursor; package-private so tests need no terminal. */
  List<Candidate> candidates(String before) {
    String stripped = before.stripLeading();
    int space = stripped.indexOf(' ');
    List<Candidate> out = new ArrayList<>();
    if (space < 0) {
      for (String name : interpreter.table().names()) {
        out.add(new Candidate(name, name, "commands", null, null, null, true));
      }
      return out;
    }
    String command = stripped.substring(0, space);
    String rest = stripped.substring(space + 1);
    if (command.equals("help")) {
      interpreter.table().names().forEach(n -> out.add(new Candidate(n, n, "commands", null, null, null, true)));
    } else if (command.equals("set") && !rest.contains(" ")) {
      out.add(new Candidate("depth", "depth", null, null, null, null, true));
      out.add(new Candidate("width", "width", null, null, null, null, true));
    } else if (EXPRESSION_COMMANDS.contains(command)) {
      try {
        members(rest, out);
      } catch (RuntimeException e) {
        // Completion never disturbs typing; an error while looking up a type just gives nothing.
        return List.of();
      }
    }
    return out;
  }

  private void members(String expression, List<Candidate> out) {
    List<Token> tokens;
    try {
      tokens = Lexer.tokenize(expression);
    } catch (ExprSyntaxException insideALiteralOrBroken) {
      return;
    }
    int end = tokens.size() - 1;
    boolean partial = end > 0 && tokens.get(end - 1).kind() == TokenKind.IDENT
        && tokens.get(end - 1).end() == expression.length();
    if (partial) {
      end--;
    }
    List<String> chain = new ArrayList<>();
    while (end >= 2 && tokens.get(end - 1).kind() == TokenKind.DOT && tokens.get(end - 2).kind() == TokenKind.IDENT) {
      chain.add(0, tokens.get(end - 2).text());
      end -= 2;
    }
    if (end > 0 && tokens.get(end - 1).kind() == TokenKind.DOT) {
      return;
    }
    Session session = interpreter.session();
    if (!session.hasPostMortem()) {
      return;
    }
    if (chain.isEmpty()) {
      Set<String> names = new LinkedHashSet<>();
      session.frameLocals().locals().forEach(l -> names.add(l.name()));
      thisType(session).flatMap(t -> session.shapes().shape(t)).ifPresent(shape -> {
        shape.fields().forEach(f -> names.add(f.name()));
      });
      names.forEach(n -> out.add(new Candidate(n, n, "names", null, null, null, false)));
      return;
    }
    Optional<String> type = headType(session, chain.get(0));
    for (String member : chain.subList(1, chain.size())) {
      type = type.flatMap(t -> fieldType(session, t, member));
    }
    type.ifPresent(t -> {
      if (t.endsWith("[]")) {
        out.add(new Candidate("length", "length", "fields", null, null, null, false));
        return;
      }
      session.shapes().shape(t).ifPresent(shape -> {
        shape.fields().forEach(f -> out.add(new Candidate(f.name(), f.name(), "fields", null, null, null, false)));
        shape.methods().stream().distinct()
            .forEach(m -> out.add(new Candidate(m + "(", m + "()", "methods", null, null, null, false)));
      });
    });
  }

  private static Optional<String> thisType(Session session) {
    return session.frameLocals().find("this").map(Local::value)
        .filter(v -> v instanceof Value.ObjectRef).map(Value::typeName);
  }

  private static Optional<String> headType(Session session, String name) {
    Optional<Local> local = session.frameLocals().find(name);
    if (local.isPresent()) {
      Value value = local.get().value();
      return Optional.of(value instanceof Value.ObjectRef ref ? ref.type() : erase(local.get().declaredType()));
    }
    return thisType(session).flatMap(t -> fieldType(session, t, name));
  }

  private static Optional<String> fieldType(Session session, String type, String field) {
    return session.shapes().shape(type).flatMap(s -> s.field(field)).map(TypeShape.FieldShape::declaredType)
        .map(ReplCompleter::erase);
  }

  /** {@code java.util.List<com.acme.Item>} → {@code java.util.List}: shapes are per class. */
  private static String erase(String type) {
    int generic = type.indexOf('<');
    return generic < 0 ? type : type.substring(0, generic) + type.substring(type.lastIndexOf('>') + 1);
  }
}
