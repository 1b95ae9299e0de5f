package dev.rdb.cli.expr;

import dev.rdb.cli.debuggee.Value;

/**
 * The operators the evaluator computes locally, with Java's rules: binary numeric promotion
 * (int, long, float, double; char and short promote to int), integer division by zero is an
 * error, {@code +} concatenates when either side is a string. {@code ==} on strings compares their
 * contents: the debugger holds copies, so identity would be meaningless.
 */
final class Operators {
  private Operators() {}

  static Value not(Value operand) {
    return Value.of(!bool(operand, "!"));
  }

  static Value negate(Value operand) {
    Object n = number(operand, "-");
    if (n instanceof Double d) return Value.of(-d);
    if (n instanceof Float f) return Value.of(-f);
    if (n instanceof Long l) return Value.of(-l);
    return Value.of(-((Number) n).intValue());
  }

  static boolean bool(Value value, String op) {
    if (value instanceof Value.Primitive p && p.boxed() instanceof Boolean b) {
      return b;
    }
    throw new EvalException("'" + op + "' needs a boolean, got " + describe(value), null);
  }

  static Value arithmetic(TokenKind op, Value left, Value right) {
    String symbol = symbol(op);
    if (op == TokenKind.PLUS && (left instanceof Value.Text || right instanceof Value.Text)) {
      return Value.of(text(left) + text(right));
    }
    Object a = number(left, symbol);
    Object b = number(right, symbol);
    if (a instanceof Double || b instanceof Double) {
      double x = ((Number) a).doubleValue();
      double y = ((Number) b).doubleValue();
      return Value.of(switch (op) {
        case PLUS -> x + y;
        case MINUS -> x - y;
        case STAR -> x * y;
        case SLASH -> x / y;
        default -> x % y;
      });
    }
    if (a instanceof Float || b instanceof Float) {
      float x = ((Number) a).floatValue();
      float y = ((Number) b).floatValue();
      return Value.of(switch (op) {
        case PLUS -> x + y;
        case MINUS -> x - y;
        case STAR -> x * y;
        case SLASH -> x / y;
        default -> x % y;
      });
    }
    if ((op == TokenKind.SLASH || op == TokenKind.PERCENT) && ((Number) b).longValue() == 0) {
      throw new EvalException("division by zero", null);
    }
    if (a instanceof Long || b instanceof Long) {
      long x = ((Number) a).longValue();
      long y = ((Number) b).longValue();
      return Value.of(switch (op) {
        case PLUS -> x + y;
        case MINUS -> x - y;
        case STAR -> x * y;
        case SLASH -> x / y;
        default -> x % y;
      });
    }
    int x = ((Number) a).intValue();
    int y = ((Number) b).intValue();
    return Value.of(switch (op) {
      case PLUS -> x + y;
      case MINUS -> x - y;
      case STAR -> x * y;
      case SLASH -> x / y;
      default -> x % y;
    });
  }

  static Value compare(TokenKind op, Value left, Value right) {
    String symbol = symbol(op);
    Object a = number(left, symbol);
    Object b = number(right, symbol);
    int c;
    if (a instanceof Double || b instanceof Double || a instanceof Float || b instanceof Float) {
      double x = ((Number) a).doubleValue();
      double y = ((Number) b).doubleValue();
      // NaN compares false with every operator, as in Java.
      if (Double.isNaN(x) || Double.isNaN(y)) {
        return Value.of(false);
      }
      c = Double.compare(x == 0.0 ? 0.0 : x, y == 0.0 ? 0.0 : y);
    } else {
      c = Long.compare(((Number) a).longValue(), ((Number) b).longValue());
    }
    return Value.of(switch (op) {
      case LT -> c < 0;
      case LE -> c <= 0;
      case GT -> c > 0;
      default -> c >= 0;
    });
  }

  static boolean equal(Value left, Value right) {
    if (left instanceof Value.Null || right instanceof Value.Null) {
      return left instanceof Value.Null && right instanceof Value.Null;
    }
    if (isNumeric(left) && isNumeric(right)) {
      Object a = number(left, "==");
      Object b = number(right, "==");
      if (a instanceof Long || a instanceof Integer) {
        if (b instanceof Long || b instanceof Integer) {
          return ((Number) a).longValue() == ((Number) b).longValue();
        }
      }
      return ((Number) a).doubleValue() == ((Number) b).doubleValue();
    }
    if (left instanceof Value.Primitive a && right instanceof Value.Primitive b
        && a.boxed() instanceof Boolean && b.boxed() instanceof Boolean) {
      return a.boxed().equals(b.boxed());
    }
    if (left instanceof Value.Text a && right instanceof Value.Text b) {
      if (a.isCut() || b.isCut()) {
        if (a.length() != b.length()) {
          return false;
        }
        throw new EvalException("cannot compare strings that were cut (length " + a.length() + ")", null);
      }
      return a.text().equals(b.text());
    }
    if (left instanceof Value.EnumConstant a && right instanceof Value.EnumConstant b) {
      return a.equals(b);
    }
    if (left instanceof Value.ObjectRef a && right instanceof Value.ObjectRef b) {
      return a.id().equals(b.id());
    }
    if (left instanceof Value.ListValue a && right instanceof Value.ListValue b) {
      if (a.elements().size() != b.elements().size()) {
        return false;
      }
      for (int i = 0; i < a.elements().size(); i++) {
        if (!equal(a.elements().get(i), b.elements().get(i))) {
          return false;
        }
      }
      return true;
    }
    if (left instanceof Value.Primitive && right instanceof Value.Primitive) {
      throw new EvalException("cannot compare " + describe(left) + " with " + describe(right), null);
    }
    return false;
  }

  private static boolean isNumeric(Value value) {
    return value instanceof Value.Primitive p && !(p.boxed() instanceof Boolean);
  }

  /** The value as a Java number after unary promotion (char, byte, short become Integer). */
  private static Object number(Value value, String op) {
    if (value instanceof Value.Primitive p) {
      Object boxed = p.boxed();
      if (boxed instanceof Character c) return (int) c;
      if (boxed instanceof Byte || boxed instanceof Short) return ((Number) boxed).intValue();
      if (boxed instanceof Number) return boxed;
    }
    throw new EvalException("'" + op + "' needs numbers, got " + describe(value), null);
  }

  /** How {@code +} shows a value inside a string: like Java, a reference by its summary. */
  static String text(Value value) {
    if (value instanceof Value.Text t) return t.isCut() ? t.text() + "…" : t.text();
    if (value instanceof Value.Primitive p) return String.valueOf(p.boxed());
    if (value instanceof Value.Null) return "null";
    if (value instanceof Value.EnumConstant e) return e.name();
    if (value instanceof Value.ObjectRef r) return r.summary();
    if (value instanceof Value.ListValue l) {
      StringBuilder out = new StringBuilder("[");
      for (int i = 0; i < l.elements().size(); i++) {
        out.append(i == 0 ? "" : ", ").append(text(l.elements().get(i)));
      }
      return out.append(']').toString();
    }
    throw new EvalException("cannot use " + describe(value) + " in a string", null);
  }

  static String describe(Value value) {
    if (value instanceof Value.Null) return "null";
    if (value instanceof Value.Redacted) return "a redacted value";
    if (value instanceof Value.Text) return "a String";
    if (value instanceof Value.Primitive p) return p.typeName() + " " + p.boxed();
    return value.typeName();
  }

  static String symbol(TokenKind op) {
    return switch (op) {
      case PLUS -> "+";
      case MINUS -> "-";
      case STAR -> "*";
      case SLASH -> "/";
      case PERCENT -> "%";
      case LT -> "<";
      case LE -> "<=";
      case GT -> ">";
      case GE -> ">=";
      case EQ -> "==";
      case NE -> "!=";
      case AND -> "&&";
      case OR -> "||";
      case NOT -> "!";
      default -> op.name();
    };
  }
}
