package dev.jgrad.processor.reverse;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.jgrad.processor.ir.Expr;
import java.util.List;

/**
 * The table of local derivatives of {@code Math} functions: one case per function, each giving
 * d(out)/d(argument) in terms of the argument {@code x} and, where cheaper, the output {@code y}.
 * Kinks and domain edges go through {@code dev.jgrad.runtime.Partials}, where the conventions are
 * written down.
 */
final class Rules {
  static final ClassName PARTIALS = ClassName.get("dev.jgrad.runtime", "Partials");

  private final ExprAdjoint adj;

  Rules(ExprAdjoint adj) {
    this.adj = adj;
  }

  void apply(Expr.MathCall call, Term g) {
    List<Expr> args = call.args();
    Expr a = args.get(0);
    String f = call.function();
    switch (f) {
      case "max":
      case "min":
        String share = f + "Share";
        Expr b = args.get(1);
        if (adj.isActive(a)) {
          adj.propagate(a, g.times(partial(share, a, b)));
        }
        if (adj.isActive(b)) {
          adj.propagate(b, g.times(partial(share, b, a)));
        }
        return;
      case "pow":
        pow(call, g);
        return;
      case "atan2":
        atan2(call, g);
        return;
      case "hypot":
        for (Expr arg : args) {
          if (adj.isActive(arg)) {
            adj.propagate(arg, g.times(Term.atom(CodeBlock.of("$T.hypotSlope($L, $L)", PARTIALS,
                adj.value(arg).code(), adj.value(call).code()))));
          }
        }
        return;
      default:
        adj.propagate(a, unary(f, a, call, g));
    }
  }

  /** g times d f(x)/dx for the one-argument functions. */
  private Term unary(String f, Expr a, Expr.MathCall call, Term g) {
    switch (f) {
      case "exp":
        return g.times(y(call));
      case "log":
        return g.over(x(a));
      case "log10":
        return g.over(x(a).times(Term.atom("Math.log(10.0)")));
      case "log1p":
        return g.over(Term.of("1.0 + " + x(a).wrap(Term.ADD + 1), Term.ADD));
      case "expm1":
        return g.times(Term.of(y(call).code() + " + 1.0", Term.ADD));
      case "sqrt":
        return g.over(Term.of("2.0 * " + y(call).code(), Term.MUL));
      case "cbrt":
        String y = y(call).code().toString();
        return g.over(Term.of("3.0 * " + y + " * " + y, Term.MUL));
      case "sin":
        return g.times(Term.atom("Math.cos(" + x(a).code() + ")"));
      case "cos":
        return g.times(Term.atom("Math.sin(" + x(a).code() + ")")).negated();
      case "tan":
        return g.times(Term.of("1.0 + " + square(y(call)), Term.ADD));
      case "asin":
        return g.over(Term.atom("Math.sqrt(1.0 - " + square(x(a)) + ")"));
      case "acos":
        return g.over(Term.atom("Math.sqrt(1.0 - " + square(x(a)) + ")")).negated();
      case "atan":
        return g.over(Term.of("1.0 + " + square(x(a)), Term.ADD));
      case "sinh":
        return g.times(Term.atom("Math.cosh(" + x(a).code() + ")"));
      case "cosh":
        return g.times(Term.atom("Math.sinh(" + x(a).code() + ")"));
      case "tanh":
        return g.times(Term.of("1.0 - " + square(y(call)), Term.ADD));
      case "abs":
        // Math.signum is 0 at 0: the subgradient 0 at the kink, as PyTorch.
        return g.times(Term.atom("Math.signum(" + x(a).code() + ")"));
      case "toRadians":
        return g.times(Term.of("Math.PI / 180.0", Term.MUL));
      case "toDegrees":
        return g.times(Term.of("180.0 / Math.PI", Term.MUL));
      default:
        throw new IllegalStateException("no derivative rule for Math." + f);
    }
  }

  private void pow(Expr.MathCall call, Term g) {
    Expr base = call.args().get(0);
    Expr exponent = call.args().get(1);
    if (adj.isActive(base)) {
      Double p = constant(exponent);
      Term slope;
      if (p == null) {
        slope = partial("powBase", base, exponent);
      } else if (p == 0.0) {
        slope = null;
      } else if (p == 1.0) {
        slope = Term.atom("1.0");
      } else if (p == 2.0) {
        slope = Term.of("2.0 * " + x(base).wrap(Term.MUL + 1), Term.MUL);
      } else {
        slope = Term.of(p + " * Math.pow(" + x(base).code() + ", " + (p - 1.0) + ")", Term.MUL);
      }
      if (slope != null) {
        adj.propagate(base, p != null && p == 1.0 ? g : g.times(slope));
      }
    }
    if (adj.isActive(exponent)) {
      adj.propagate(exponent, g.times(Term.atom(CodeBlock.of("$T.powExponent($L, $L)", PARTIALS,
          x(base).code(), y(call).code()))));
    }
  }

  private void atan2(Expr.MathCall call, Term g) {
    Expr yArg = call.args().get(0);
    Expr xArg = call.args().get(1);
    Term yv = adj.value(yArg);
    Term xv = adj.value(xArg);
    String norm = adj.bind(CodeBlock.of("$L + $L", square(xv), square(yv)));
    if (adj.isActive(yArg)) {
      adj.propagate(yArg, g.times(xv).over(Term.atom(norm)));
    }
    if (adj.isActive(xArg)) {
      adj.propagate(xArg, g.times(yv).over(Term.atom(norm)).negated());
    }
  }

  private Term partial(String method, Expr first, Expr second) {
    return Term.atom(CodeBlock.of("$T.$L($L, $L)", PARTIALS, method, adj.value(first).code(),
        adj.value(second).code()));
  }

  private Term x(Expr a) {
    return adj.value(a);
  }

  private Term y(Expr.MathCall call) {
    return adj.value(call);
  }

  private static String square(Term t) {
    String v = t.wrap(Term.MUL + 1).toString();
    return v + " * " + v;
  }

  /** The value of a literal exponent such as {@code 2.0} or {@code 3}, else null. */
  private static Double constant(Expr e) {
    if (e instanceof Expr.Literal) {
      try {
        return Double.parseDouble(((Expr.Literal) e).text().replace("_", "")
            .replaceAll("[dD]$", ""));
      } catch (NumberFormatException ex) {
        return null;
      }
    }
    return null;
  }
}
