package dev.rdb.cli.expr;

import dev.rdb.cli.debuggee.Value;
import java.util.List;
import java.util.Objects;

/**
 * The syntax tree of an expression. Every node keeps its span in the source ({@code start} inclusive,
 * {@code end} exclusive) so errors can name the sub-expression that failed.
 */
public sealed interface Expr
    permits Expr.Literal, Expr.ListLiteral, Expr.Name, Expr.Member, Expr.Index, Expr.Call,
        Expr.Unary, Expr.Binary, Expr.InstanceOf {

  int start();

  int end();

  /** A number, string, char, boolean or null. */
  record Literal(Value value, int start, int end) implements Expr {
    public Literal {
      Objects.requireNonNull(value, "value");
    }
  }

  /** {@code [a, b, c]}: passed to calls as a list. */
  record ListLiteral(List<Expr> elements, int start, int end) implements Expr {
    public ListLiteral {
      elements = List.copyOf(elements);
    }
  }

  /** A bare name: a local, a field of {@code this}, or the start of a static path. */
  record Name(String name, int start, int end) implements Expr {
    public Name {
      Objects.requireNonNull(name, "name");
    }
  }

  /** {@code target.name}. */
  record Member(Expr target, String name, int start, int end) implements Expr {
    public Member {
      Objects.requireNonNull(target, "target");
      Objects.requireNonNull(name, "name");
    }
  }

  /** {@code target[index]}: array or list element, or map value by key. */
  record Index(Expr target, Expr index, int start, int end) implements Expr {
    public Index {
      Objects.requireNonNull(target, "target");
      Objects.requireNonNull(index, "index");
    }
  }

  /** {@code target.name(args)}; a null target means {@code this}. */
  record Call(Expr target, String name, List<Expr> args, int start, int end) implements Expr {
    public Call {
      Objects.requireNonNull(name, "name");
      args = List.copyOf(args);
    }
  }

  /** {@code !operand} or {@code -operand}. */
  record Unary(TokenKind op, Expr operand, int start, int end) implements Expr {
    public Unary {
      Objects.requireNonNull(op, "op");
      Objects.requireNonNull(operand, "operand");
    }
  }

  /** {@code left op right} for arithmetic, comparison and logical operators. */
  record Binary(TokenKind op, Expr left, Expr right, int start, int end) implements Expr {
    public Binary {
      Objects.requireNonNull(op, "op");
      Objects.requireNonNull(left, "left");
      Objects.requireNonNull(right, "right");
    }
  }

  /** {@code operand instanceof Type}, the type as written (simple or qualified, may end in []). */
  record InstanceOf(Expr operand, String type, int start, int end) implements Expr {
    public InstanceOf {
      Objects.requireNonNull(operand, "operand");
      Objects.requireNonNull(type, "type");
    }
  }
}
