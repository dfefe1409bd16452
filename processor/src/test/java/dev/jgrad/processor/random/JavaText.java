package dev.jgrad.processor.random;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes a generated program as the plain Java that jgrad differentiates. Every compound
 * subexpression is parenthesised: the text is for machines first, and full parentheses leave no
 * doubt about evaluation order when a failure is printed.
 */
final class JavaText {
  /** The package of every generated class. */
  static final String PACKAGE = "rnd";

  private static final SwitchText.Writer WRITER = new SwitchText.Writer() {
    @Override
    public String expr(Expr e) {
      return JavaText.expr(e);
    }

    @Override
    public String value(Expr e) {
      return Types.intInJava(e) ? "(double) " + atom(e) : JavaText.expr(e);
    }

    @Override
    public void block(List<Stmt> body, String indent, StringBuilder out) {
      JavaText.block(body, indent, out);
    }
  };

  private JavaText() {}

  /** A compilation unit with the program's methods in class {@code className}. */
  static String unit(String className, Program program) {
    StringBuilder out = new StringBuilder();
    out.append("package ").append(PACKAGE).append(";\n\n")
        .append("import dev.jgrad.Differentiable;\n\n")
        // Old-style switch cases may fall through on purpose.
        .append("@SuppressWarnings(\"fallthrough\")\n")
        .append("final class ").append(className).append(" {\n")
        .append("  private ").append(className).append("() {}\n");
    constants(program, "  ", out);
    for (Fn fn : program.fns()) {
      out.append('\n');
      method(fn, "  ", out);
    }
    return out.append("}\n").toString();
  }

  /** The constants and methods alone, as they are printed in a failure report. */
  static String methods(Program program) {
    StringBuilder out = new StringBuilder();
    constants(program, "", out);
    for (Fn fn : program.fns()) {
      method(fn, "", out);
    }
    return out.toString();
  }

  /** The class's constants; the oracle declares the same ones. */
  static void constants(Program program, String indent, StringBuilder out) {
    for (Constant c : program.constants()) {
      out.append(indent).append("static final ").append(c.ty().plain()).append(' ')
          .append(c.name()).append(" = ").append(expr(c.init())).append(";\n");
    }
  }

  private static void method(Fn fn, String indent, StringBuilder out) {
    out.append(indent).append("@Differentiable");
    if (fn.rule() != null) {
      out.append("(backward = \"").append(Rule.ruleName(fn.name())).append("\")");
    }
    if (!fn.wrt().isEmpty()) {
      out.append("(wrt = {").append(fn.wrt().stream().map(w -> "\"" + w + "\"")
          .collect(Collectors.joining(", "))).append("})");
    }
    out.append('\n').append(indent).append("static ").append(fn.result().plain()).append(' ')
        .append(fn.name()).append('(')
        .append(fn.params().stream().map(p -> p.ty().plain() + " " + p.name())
            .collect(Collectors.joining(", ")))
        .append(") {\n");
    block(fn.body(), indent + "  ", out);
    out.append(indent).append("}\n");
    if (fn.rule() != null) {
      out.append('\n').append(fn.rule().backward(Rule.ruleName(fn.name())).indent(indent.length()));
    }
  }

  private static void block(List<Stmt> body, String indent, StringBuilder out) {
    for (Stmt s : body) {
      stmt(s, indent, out);
    }
  }

  private static void stmt(Stmt s, String indent, StringBuilder out) {
    if (s instanceof Stmt.Decl d) {
      out.append(indent).append(d.ty().plain()).append(' ').append(d.name()).append(" = ")
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
      out.append(indent).append(label(f.label())).append("for (double ").append(f.element())
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
      // An initialiser stands alone only in a declaration; a returned one needs its type.
      String prefix = r.value() instanceof Expr.ArrayInit ? "new double[] " : "";
      out.append(indent).append("return ").append(prefix).append(expr(r.value())).append(";\n");
    } else {
      throw new IllegalArgumentException("unknown statement " + s);
    }
  }

  private static String label(String label) {
    return label == null ? "" : label + ": ";
  }

  /** An expression without outer parentheses. */
  static String expr(Expr e) {
    if (e instanceof Expr.Num n) {
      return Double.toString(n.value());
    } else if (e instanceof Expr.Int i) {
      return Integer.toString(i.value());
    } else if (e instanceof Expr.Bool b) {
      return Boolean.toString(b.value());
    } else if (e instanceof Expr.Var v) {
      return v.name();
    } else if (e instanceof Expr.Field f) {
      return f.name();
    } else if (e instanceof Expr.Bin b) {
      Expr left = b.left();
      if (Types.arithmetic(b) && Types.intInJava(left) && Types.intInJava(b.right())) {
        // Both sides would be int in Java: force double arithmetic, as the tree means.
        return "(double) " + atom(left) + " " + b.op() + " " + atom(b.right());
      }
      return atom(left) + " " + b.op() + " " + atom(b.right());
    } else if (e instanceof Expr.Neg n) {
      return "-" + atom(n.operand());
    } else if (e instanceof Expr.Not n) {
      return "!" + atom(n.operand());
    } else if (e instanceof Expr.MathCall m) {
      boolean intOverload = m.fn().equals("abs") || m.fn().equals("max")
          || m.fn().equals("min");
      return "Math." + m.fn() + "(" + m.args().stream()
          .map(a -> intOverload && m.ty() == Ty.DOUBLE && Types.intInJava(a)
              ? "(double) " + atom(a) : expr(a))
          .collect(Collectors.joining(", ")) + ")";
    } else if (e instanceof Expr.ToInt t) {
      // (int) of an int would draw javac's redundant-cast warning, an error under -Werror.
      return Types.intInJava(t.operand()) ? "(int) (double) " + atom(t.operand())
          : "(int) " + atom(t.operand());
    } else if (e instanceof Expr.ToDouble t) {
      return t.explicit() ? "(double) " + atom(t.operand()) : expr(t.operand());
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
    } else if (e instanceof Expr.IntArrayInit a) {
      return "{" + a.values().stream().map(String::valueOf).collect(Collectors.joining(", "))
          + "}";
    } else if (e instanceof Expr.Length l) {
      return l.array() + ".length";
    } else if (e instanceof Expr.Invoke c) {
      return c.method() + "(" + c.args().stream().map(JavaText::expr)
          .collect(Collectors.joining(", ")) + ")";
    } else if (e instanceof Expr.Assign a) {
      return expr(a.target()) + " " + a.op() + " " + expr(a.value());
    } else if (e instanceof Expr.Step s) {
      String op = s.up() ? "++" : "--";
      return s.prefix() ? op + expr(s.target()) : expr(s.target()) + op;
    } else if (e instanceof Expr.Switch w) {
      return SwitchText.expression(w, WRITER);
    } else if (e instanceof Expr.NewArray n) {
      return "new double[" + n.length() + "]";
    } else if (e instanceof Expr.ArrayInit a) {
      return "{" + a.elements().stream().map(JavaText::expr)
          .collect(Collectors.joining(", ")) + "}";
    }
    throw new IllegalArgumentException("unknown expression " + e);
  }

  /** An expression that can stand as an operand: parenthesised unless it is a primary. */
  static String atom(Expr e) {
    String text = expr(e);
    boolean primary = e instanceof Expr.Var || e instanceof Expr.Field || e instanceof Expr.Bool
        || e instanceof Expr.Elem || e instanceof Expr.IntElem || e instanceof Expr.Elem2
        || e instanceof Expr.Row
        || e instanceof Expr.Length || e instanceof Expr.Invoke || e instanceof Expr.MathCall
        || (e instanceof Expr.Num n && n.value() >= 0 && !isNegativeZero(n.value()))
        || (e instanceof Expr.Int i && i.value() >= 0)
        || (e instanceof Expr.ToDouble t && !t.explicit() && primaryInt(t.operand()));
    return primary ? text : "(" + text + ")";
  }

  private static boolean primaryInt(Expr e) {
    return e instanceof Expr.Var || e instanceof Expr.Field || e instanceof Expr.IntElem
        || (e instanceof Expr.Int i && i.value() >= 0) || e instanceof Expr.Length;
  }

  private static boolean isNegativeZero(double v) {
    return Double.doubleToRawLongBits(v) == Double.doubleToRawLongBits(-0.0);
  }
}
