package dev.jgrad.processor.random;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes a generated program a second time, as forward-mode code over Hipparchus {@code
 * Gradient}: every double becomes a Gradient and every double operation the matching {@link
 * OracleOps} call, while ints, booleans and the control flow stay as they are. The statement
 * structure is the plain program's, so Java's evaluation order is the same in both.
 */
final class OracleText {
  private static final Map<String, String> ARITHMETIC =
      Map.of("+", "add", "-", "sub", "*", "mul", "/", "div", "%", "rem");
  private static final Map<String, String> COMPARE =
      Map.of("<", "lt", "<=", "le", ">", "gt", ">=", "ge", "==", "eq", "!=", "ne");

  private static final SwitchText.Writer WRITER = new SwitchText.Writer() {
    @Override
    public String expr(Expr e) {
      return OracleText.expr(e);
    }

    @Override
    public String value(Expr e) {
      return OracleText.expr(e);
    }

    @Override
    public void block(List<Stmt> body, String indent, StringBuilder out) {
      OracleText.block(body, indent, out);
    }
  };

  private OracleText() {}

  /** A compilation unit with the oracle methods in class {@code className}. */
  static String unit(String className, Program program) {
    StringBuilder out = new StringBuilder();
    out.append("package ").append(JavaText.PACKAGE).append(";\n\n")
        .append("import static dev.jgrad.processor.random.OracleOps.*;\n\n")
        .append("import org.hipparchus.analysis.differentiation.Gradient;\n\n")
        // Old-style switch cases may fall through on purpose.
        .append("@SuppressWarnings(\"fallthrough\")\n")
        .append("final class ").append(className).append(" {\n")
        .append("  private ").append(className).append("() {}\n");
    // Plain doubles: a Gradient constant needs the run's number of free parameters.
    JavaText.constants(program, "  ", out);
    for (Fn fn : program.fns()) {
      out.append("\n  static ").append(fn.result().oracle()).append(' ').append(fn.name())
          .append('(')
          .append(fn.params().stream().map(p -> p.ty().oracle() + " " + p.name())
              .collect(Collectors.joining(", ")))
          .append(") {\n");
      block(fn.body(), "    ", out);
      out.append("  }\n");
    }
    return out.append("}\n").toString();
  }

  private static void block(List<Stmt> body, String indent, StringBuilder out) {
    for (Stmt s : body) {
      stmt(s, indent, out);
    }
  }

  private static void stmt(Stmt s, String indent, StringBuilder out) {
    if (s instanceof Stmt.Decl d) {
      out.append(indent).append(d.ty().oracle()).append(' ').append(d.name()).append(" = ")
          .append(expr(d.init())).append(";\n");
    } else if (s instanceof Stmt.Eval e) {
      out.append(indent).append(expr(e.expr())).append(";\n");
    } else if (s instanceof Stmt.If i) {
      out.append(indent).append("if (").append(expr(i.condition())).append(") {\n");
      block(i.then(), indent + "  ", out);
      if (i.otherwise() != null) {
        out.append(indent).append("} else {\n");
        block(i.otherwise(), indent + "  ", out);
      }
      out.append(indent).append("}\n");
    } else if (s instanceof Stmt.For f) {
      String c = f.counter();
      out.append(indent).append(label(f.label()));
      if (f.down()) {
        out.append("for (int ").append(c).append(" = ").append(atom(f.bound())).append(" - 1; ")
            .append(c).append(" >= 0; ").append(c).append("--) {\n");
      } else {
        out.append("for (int ").append(c).append(" = 0; ").append(c).append(" < ")
            .append(atom(f.bound())).append("; ").append(c).append("++) {\n");
      }
      block(f.body(), indent + "  ", out);
      out.append(indent).append("}\n");
    } else if (s instanceof Stmt.ForEach f) {
      out.append(indent).append(label(f.label())).append("for (Gradient ").append(f.element())
          .append(" : ").append(f.array()).append(") {\n");
      block(f.body(), indent + "  ", out);
      out.append(indent).append("}\n");
    } else if (s instanceof Stmt.While w) {
      String test = w.guard() + " < " + w.max() + " && " + atom(w.condition());
      out.append(indent).append("int ").append(w.guard()).append(" = 0;\n");
      out.append(indent).append(label(w.label()))
          .append(w.doWhile() ? "do {\n" : "while (" + test + ") {\n");
      out.append(indent).append("  ").append(w.guard()).append("++;\n");
      block(w.body(), indent + "  ", out);
      out.append(indent).append(w.doWhile() ? "} while (" + test + ");\n" : "}\n");
    } else if (s instanceof Stmt.Break b) {
      out.append(indent).append("break").append(b.label() == null ? "" : " " + b.label())
          .append(";\n");
    } else if (s instanceof Stmt.Continue c) {
      out.append(indent).append("continue").append(c.label() == null ? "" : " " + c.label())
          .append(";\n");
    } else if (s instanceof Stmt.Switch w) {
      SwitchText.statement(w, indent, out, WRITER);
    } else if (s instanceof Stmt.Yield y) {
      out.append(indent).append("yield ").append(WRITER.value(y.value())).append(";\n");
    } else if (s instanceof Stmt.Return r) {
      out.append(indent).append("return ").append(expr(r.value())).append(";\n");
    } else {
      throw new IllegalArgumentException("unknown statement " + s);
    }
  }

  private static String label(String label) {
    return label == null ? "" : label + ": ";
  }

  /** The oracle text of {@code e}: a Gradient expression where {@code e} is a double. */
  static String expr(Expr e) {
    if (e instanceof Expr.Num n) {
      return "k(" + n.value() + ")";
    } else if (e instanceof Expr.Field f && f.ty() == Ty.DOUBLE) {
      return "k(" + f.name() + ")";
    } else if (e instanceof Expr.Bin b && Types.arithmetic(b)) {
      return ARITHMETIC.get(b.op()) + "(" + expr(b.left()) + ", " + expr(b.right()) + ")";
    } else if (e instanceof Expr.Bin b && Types.doubleComparison(b)) {
      return COMPARE.get(b.op()) + "(" + expr(b.left()) + ", " + expr(b.right()) + ")";
    } else if (e instanceof Expr.Bin b) {
      return atom(b.left()) + " " + b.op() + " " + atom(b.right());
    } else if (e instanceof Expr.Neg n) {
      return n.ty() == Ty.DOUBLE ? "neg(" + expr(n.operand()) + ")" : "-" + atom(n.operand());
    } else if (e instanceof Expr.Not n) {
      return "!" + atom(n.operand());
    } else if (e instanceof Expr.MathCall m) {
      String args = m.args().stream().map(OracleText::expr).collect(Collectors.joining(", "));
      // int abs, max and min stay Java's; every double function is an OracleOps method.
      return m.ty() == Ty.INT ? "Math." + m.fn() + "(" + args + ")" : m.fn() + "(" + args + ")";
    } else if (e instanceof Expr.ToInt t) {
      return "toInt(" + expr(t.operand()) + ")";
    } else if (e instanceof Expr.ToDouble t) {
      return "k(" + expr(t.operand()) + ")";
    } else if (e instanceof Expr.Cond c) {
      return atom(c.condition()) + " ? " + atom(c.whenTrue()) + " : " + atom(c.whenFalse());
    } else if (e instanceof Expr.Elem a) {
      return a.array() + "[" + expr(a.index()) + "]";
    } else if (e instanceof Expr.IntElem a) {
      return a.array() + "[" + expr(a.index()) + "]";
    } else if (e instanceof Expr.Elem2 a) {
      return a.matrix() + "[" + expr(a.row()) + "][" + expr(a.col()) + "]";
    } else if (e instanceof Expr.Row r) {
      return r.matrix() + "[" + expr(r.row()) + "]";
    } else if (e instanceof Expr.Invoke c) {
      return c.method() + "(" + c.args().stream().map(OracleText::expr)
          .collect(Collectors.joining(", ")) + ")";
    } else if (e instanceof Expr.Assign a && a.ty() == Ty.DOUBLE) {
      // t op= v is t = t op v for doubles: Java reads t before it evaluates v, and so does the
      // call, whose first argument is evaluated first.
      String t = expr(a.target());
      String value = a.op().equals("=") ? expr(a.value())
          : ARITHMETIC.get(a.op().substring(0, 1)) + "(" + t + ", " + expr(a.value()) + ")";
      return t + " = " + value;
    } else if (e instanceof Expr.Assign a) {
      return expr(a.target()) + " " + a.op() + " " + expr(a.value());
    } else if (e instanceof Expr.Step s && s.ty() == Ty.DOUBLE) {
      String t = expr(s.target());
      String update = t + " = " + (s.up() ? "add(" : "sub(") + t + ", k(1.0))";
      return s.prefix() ? update : "first(" + t + ", " + update + ")";
    } else if (e instanceof Expr.Switch w) {
      return SwitchText.expression(w, WRITER);
    } else if (e instanceof Expr.NewArray n) {
      return "zeros(" + n.length() + ")";
    } else if (e instanceof Expr.ArrayInit a) {
      return "new Gradient[] {" + a.elements().stream().map(OracleText::expr)
          .collect(Collectors.joining(", ")) + "}";
    }
    // Literals, variables, lengths and int steps read the same in both.
    return JavaText.expr(e);
  }

  private static String atom(Expr e) {
    String text = expr(e);
    boolean primary = e instanceof Expr.Var || e instanceof Expr.Field || e instanceof Expr.Bool
        || e instanceof Expr.Elem || e instanceof Expr.IntElem || e instanceof Expr.Elem2
        || e instanceof Expr.Row
        || e instanceof Expr.Length || e instanceof Expr.Invoke || e instanceof Expr.MathCall
        || e instanceof Expr.Num || e instanceof Expr.ToInt || e instanceof Expr.ToDouble
        || (e instanceof Expr.Int i && i.value() >= 0)
        || (e instanceof Expr.Bin b && (Types.arithmetic(b) || Types.doubleComparison(b)))
        || (e instanceof Expr.Neg n && n.ty() == Ty.DOUBLE);
    return primary ? text : "(" + text + ")";
  }
}
