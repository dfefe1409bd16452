package dev.jgrad.processor.reverse;

import dev.jgrad.processor.ir.Expr;
import dev.jgrad.processor.ir.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Prints IR expressions as Java source, with only the parentheses Java needs. Floating-point
 * addition is not associative, so a right operand of equal precedence keeps its parentheses.
 */
public final class Printer {
  private final String ownerClass;
  private final Map<Expr, String> bound;

  /**
   * @param ownerClass the simple name of the user's class, for its plain helper methods
   * @param bound subexpressions already held in named locals (identity keys)
   */
  public Printer(String ownerClass, Map<Expr, String> bound) {
    this.ownerClass = ownerClass;
    this.bound = bound;
  }

  public String print(Expr e) {
    return print(e, 0);
  }

  /** Prints {@code e} so it can stand as an operand of an operator with {@code context}. */
  String print(Expr e, int context) {
    String name = bound.get(e);
    if (name != null) {
      return name;
    }
    int own = precedence(e);
    String text = text(e);
    return own < context ? "(" + text + ")" : text;
  }

  private String text(Expr e) {
    if (e instanceof Expr.Literal) {
      return ((Expr.Literal) e).text();
    }
    if (e instanceof Expr.Constant) {
      return ((Expr.Constant) e).javaText();
    }
    if (e instanceof Expr.Read) {
      return ((Expr.Read) e).var().name();
    }
    if (e instanceof Expr.Index) {
      Expr.Index i = (Expr.Index) e;
      return print(i.array(), ATOM) + "[" + print(i.index()) + "]";
    }
    if (e instanceof Expr.Length) {
      return print(((Expr.Length) e).array(), ATOM) + ".length";
    }
    if (e instanceof Expr.Unary) {
      Expr.Unary u = (Expr.Unary) e;
      String operand = print(u.operand(), UNARY);
      // "- -x" and "-(-x)" must not print as "--x", which Java reads as a decrement.
      boolean clash = operand.startsWith(u.op()) && (u.op().equals("-") || u.op().equals("+"));
      return u.op() + (clash ? "(" + operand + ")" : operand);
    }
    if (e instanceof Expr.Binary) {
      Expr.Binary b = (Expr.Binary) e;
      int p = precedence(e);
      return print(b.left(), p) + " " + b.op() + " " + print(b.right(), p + 1);
    }
    if (e instanceof Expr.Conditional) {
      Expr.Conditional c = (Expr.Conditional) e;
      return print(c.condition(), TERNARY + 1) + " ? " + print(c.whenTrue(), TERNARY + 1)
          + " : " + print(c.whenFalse(), TERNARY);
    }
    if (e instanceof Expr.MathCall) {
      Expr.MathCall m = (Expr.MathCall) e;
      return m.owner() + "." + m.function() + "(" + list(m.args()) + ")";
    }
    if (e instanceof Expr.PlainCall) {
      Expr.PlainCall c = (Expr.PlainCall) e;
      String owner = c.owner() == null ? ownerClass : c.owner();
      return owner + "." + c.method() + "(" + list(c.args()) + ")";
    }
    if (e instanceof Expr.Cast) {
      Expr.Cast c = (Expr.Cast) e;
      return "(" + c.type().javaName() + ") " + print(c.operand(), UNARY);
    }
    if (e instanceof Expr.NewArray) {
      Expr.NewArray n = (Expr.NewArray) e;
      String base = n.type() == Type.INT_ARRAY ? "int" : "double";
      StringBuilder sb = new StringBuilder("new " + base);
      for (Expr d : n.dimensions()) {
        sb.append('[').append(print(d)).append(']');
      }
      sb.append("[]".repeat(n.type().dimensions() - n.dimensions().size()));
      return sb.toString();
    }
    if (e instanceof Expr.ArrayLiteral) {
      Expr.ArrayLiteral a = (Expr.ArrayLiteral) e;
      return "new " + a.type().javaName() + " {" + literalElements(a) + "}";
    }
    throw new IllegalStateException("cannot print " + e);
  }

  private String literalElements(Expr.ArrayLiteral a) {
    List<String> parts = new ArrayList<>();
    for (Expr x : a.elements()) {
      parts.add(x instanceof Expr.ArrayLiteral
          ? "{" + literalElements((Expr.ArrayLiteral) x) + "}" : print(x));
    }
    return String.join(", ", parts);
  }

  private String list(List<Expr> args) {
    List<String> parts = new ArrayList<>();
    args.forEach(a -> parts.add(print(a)));
    return String.join(", ", parts);
  }

  static final int TERNARY = 1;
  static final int UNARY = 14;
  static final int ATOM = 16;

  static int precedence(Expr e) {
    if (e instanceof Expr.Conditional) {
      return TERNARY;
    }
    if (e instanceof Expr.Binary) {
      switch (((Expr.Binary) e).op()) {
        case "||":
          return 2;
        case "&&":
          return 3;
        case "|":
          return 4;
        case "^":
          return 5;
        case "&":
          return 6;
        case "==":
        case "!=":
          return 7;
        case "<":
        case ">":
        case "<=":
        case ">=":
          return 8;
        case "<<":
        case ">>":
        case ">>>":
          return 9;
        case "+":
        case "-":
          return 10;
        default:
          return 11;
      }
    }
    if (e instanceof Expr.Unary || e instanceof Expr.Cast) {
      return UNARY;
    }
    if (e instanceof Expr.Literal && ((Expr.Literal) e).text().startsWith("-")
        || e instanceof Expr.Constant && ((Expr.Constant) e).javaText().startsWith("-")) {
      return UNARY;
    }
    return ATOM;
  }
}
