package dev.rdb.cli.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rdb.cli.debuggee.Value;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ParserTest {

  /** A fully parenthesised form of the tree, so precedence and structure show in one string. */
  static String shape(Expr expr) {
    if (expr instanceof Expr.Literal l) {
      Value v = l.value();
      if (v instanceof Value.Text t) return '"' + t.text() + '"';
      if (v instanceof Value.Primitive p) return p.typeName() + ":" + p.boxed();
      return "null";
    }
    if (expr instanceof Expr.ListLiteral l) {
      return l.elements().stream().map(ParserTest::shape).collect(Collectors.joining(", ", "[", "]"));
    }
    if (expr instanceof Expr.Name n) return n.name();
    if (expr instanceof Expr.Member m) return shape(m.target()) + "." + m.name();
    if (expr instanceof Expr.Index i) return shape(i.target()) + "[" + shape(i.index()) + "]";
    if (expr instanceof Expr.Call c) {
      String args = c.args().stream().map(ParserTest::shape).collect(Collectors.joining(", "));
      return (c.target() == null ? "" : shape(c.target()) + ".") + c.name() + "(" + args + ")";
    }
    if (expr instanceof Expr.Unary u) return "(" + Operators.symbol(u.op()) + shape(u.operand()) + ")";
    if (expr instanceof Expr.Binary b) {
      return "(" + shape(b.left()) + " " + Operators.symbol(b.op()) + " " + shape(b.right()) + ")";
    }
    Expr.InstanceOf i = (Expr.InstanceOf) expr;
    return "(" + shape(i.operand()) + " instanceof " + i.type() + ")";
  }

  private static String parsed(String source) {
    return shape(Parser.parse(source));
  }

  @Test
  void memberChainsIndexAndCallsBindLeftToRight() {
    assertThat(parsed("order.items[0].price.scale()")).isEqualTo("order.items[int:0].price.scale()");
    assertThat(parsed("m[\"k\"].get(k, 2)")).isEqualTo("m[\"k\"].get(k, int:2)");
    assertThat(parsed("total()")).isEqualTo("total()");
  }

  @Test
  void literalsOfEveryKindAreDecoded() {
    assertThat(parsed("f(1, 2L, 1.5, 2.5f, 3d, 'c', \"s\\n\", true, false, null, [1, [2]])"))
        .isEqualTo("f(int:1, long:2, double:1.5, float:2.5, double:3.0, char:c, \"s\n\", "
            + "boolean:true, boolean:false, null, [int:1, [int:2]])");
    assertThat(parsed("'\\u0041'")).isEqualTo("char:A");
    assertThat(parsed("1e3")).isEqualTo("double:1000.0");
  }

  @Test
  void precedenceFollowsJava() {
    assertThat(parsed("a || b && c == d + e * f")).isEqualTo("(a || (b && (c == (d + (e * f)))))");
    assertThat(parsed("!a.b && -x < 3 % 2")).isEqualTo("((!a.b) && ((-x) < (int:3 % int:2)))");
    assertThat(parsed("(a + b) * c")).isEqualTo("((a + b) * c)");
    assertThat(parsed("a - b - c")).isEqualTo("((a - b) - c)");
  }

  @Test
  void instanceofTakesQualifiedAndArrayTypes() {
    assertThat(parsed("x instanceof java.util.List && y instanceof int[]"))
        .isEqualTo("((x instanceof java.util.List) && (y instanceof int[]))");
  }

  @Test
  void minIntIsALiteralOnlyAfterMinus() {
    assertThat(parsed("-2147483648")).isEqualTo("int:-2147483648");
    assertThatThrownBy(() -> Parser.parse("2147483648"))
        .hasMessageContaining("too large for int");
  }

  @Test
  void errorsPointAtTheColumn() {
    assertColumn("order..total", 6, "expected a field or method name after '.'");
    assertColumn("a +", 3, "expression expected at the end");
    assertColumn("a = 1", 2, "use '==' to compare");
    assertColumn("a & b", 2, "use '&&'");
    assertColumn("f(1, 2", 6, "',' or ')'");
    assertColumn("\"abc", 0, "unterminated string");
    assertColumn("x[1", 3, "']' to close the index");
    assertColumn("a b", 2, "unexpected 'b' after the expression");
    assertColumn("#", 0, "unexpected character '#'");
    assertColumn("", 0, "expression expected");
  }

  @Test
  void pointAtDrawsTheExpressionAndACaret() {
    ExprSyntaxException error = catchSyntax("order..total");
    assertThat(error.pointAt(2)).isEqualTo("  order..total\n        ^ expected a field or method name after '.', found '.'");
  }

  @Test
  void deepNestingIsRefusedNotAStackOverflow() {
    String deep = "(".repeat(3000) + "1" + ")".repeat(3000);
    assertThat(catchSyntax(deep).getMessage()).contains("nested too deeply");
    assertThat(catchSyntax("!".repeat(3000) + "a").getMessage()).contains("nested too deeply");
  }

  @Test
  void hugeInputIsRefusedBeforeLexing() {
    assertThat(catchSyntax("a".repeat(Lexer.MAX_LENGTH + 1)).getMessage()).contains("too long");
  }

  @Test
  void prefixTokenizingStopsQuietlyAtTheFirstBadCharacter() {
    assertThat(Lexer.tokenizePrefix("p.a + #x")).extracting(Token::text).containsExactly("p", ".", "a", "+");
  }

  private static void assertColumn(String source, int column, String message) {
    ExprSyntaxException error = catchSyntax(source);
    assertThat(error.column()).as("column of error in <%s>: %s", source, error.getMessage()).isEqualTo(column);
    assertThat(error.getMessage()).as("message for <%s>", source).contains(message);
  }

  private static ExprSyntaxException catchSyntax(String source) {
    try {
      Parser.parse(source);
    } catch (ExprSyntaxException e) {
      return e;
    }
    throw new AssertionError("expected a syntax error for <" + source + ">");
  }
}
