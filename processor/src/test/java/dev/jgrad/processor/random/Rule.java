package dev.jgrad.processor.random;

import java.util.List;

/**
 * A helper with a hand-written backward rule ({@code @Differentiable(backward = ...)}): jgrad
 * calls the rule instead of deriving the body, and the oracle differentiates the body, so the
 * two agree only if jgrad passes the rule the right arguments and uses what it returns or adds.
 * The body is fixed: the shrinker may drop the helper, never change it (see {@link WellFormed}).
 */
enum Rule {
  /**
   * One parameter; the rule returns the gradient and reuses the output. Written without the
   * cancellation of {@code 1 - out} near 1 (which loses relative precision eps / (1 - out) and
   * made saturated sigmoids fail the oracle comparisons): out^2 e^{-p} is the same derivative.
   */
  SIGMOID(List.of("p")) {
    @Override
    Expr body() {
      return div(num(1.0), add(num(1.0), call("exp", new Expr.Neg(var("p")))));
    }

    @Override
    String backward(String name) {
      return "static double " + name + "(double p, double out, double upstream) {\n"
          + "  return out < 0.5 ? upstream * (1.0 - out) * out\n"
          + "      : upstream * out * out * Math.exp(-p);\n"
          + "}\n";
    }
  },
  /** One parameter; the rule recomputes from the input. */
  SOFTPLUS(List.of("p")) {
    @Override
    Expr body() {
      return call("log1p", call("exp", var("p")));
    }

    @Override
    String backward(String name) {
      return "static double " + name + "(double p, double out, double upstream) {\n"
          + "  return upstream / (1.0 + Math.exp(-p));\n"
          + "}\n";
    }
  },
  /**
   * Two parameters; the rule adds into one buffer for each. tanh' is 1 / cosh^2 rather than
   * 1 - tanh^2, for the same reason as the sigmoid's.
   */
  SCALED_TANH(List.of("p", "q")) {
    @Override
    Expr body() {
      return new Expr.Bin("*", var("q"), call("tanh", var("p")), Ty.DOUBLE);
    }

    @Override
    String backward(String name) {
      return "static void " + name
          + "(double p, double q, double out, double upstream, double[] dP, double[] dQ) {\n"
          + "  double c = Math.cosh(p);\n"
          + "  dP[0] += upstream * q / (c * c);\n"
          + "  dQ[0] += upstream * Math.tanh(p);\n"
          + "}\n";
    }
  };

  private final List<String> params;

  Rule(List<String> params) {
    this.params = params;
  }

  /** The helper's double parameters. */
  List<Fn.Param> params() {
    return params.stream().map(p -> new Fn.Param(p, Ty.DOUBLE)).toList();
  }

  /** What the helper returns. */
  abstract Expr body();

  /** The rule's text, a method called {@code name}. */
  abstract String backward(String name);

  /** The helper {@code name}. */
  Fn helper(String name) {
    return new Fn(name, params(), List.of(), List.of(new Stmt.Return(body())), Ty.DOUBLE, this);
  }

  static String ruleName(String helper) {
    return helper + "Backward";
  }

  private static Expr var(String name) {
    return new Expr.Var(name, Ty.DOUBLE);
  }

  private static Expr num(double v) {
    return new Expr.Num(v);
  }

  private static Expr call(String fn, Expr arg) {
    return new Expr.MathCall(fn, List.of(arg), Ty.DOUBLE);
  }

  private static Expr add(Expr a, Expr b) {
    return new Expr.Bin("+", a, b, Ty.DOUBLE);
  }

  private static Expr div(Expr a, Expr b) {
    return new Expr.Bin("/", a, b, Ty.DOUBLE);
  }
}
