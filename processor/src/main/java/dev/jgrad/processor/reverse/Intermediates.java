package dev.jgrad.processor.reverse;

import dev.jgrad.processor.ir.Expr;
import dev.jgrad.processor.ir.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The costly intermediate values of an assignment that the forward sweep keeps for the reverse
 * sweep, rather than the reverse sweep computing them again: calls of {@code Math} functions
 * that take tens of nanoseconds ({@code exp}, {@code log}, {@code tanh}, ...). The adjoint of
 * {@code exp(x)} is its own value, of {@code x * log(y)} needs {@code log(y)}; a saved double
 * costs a push and a pop.
 *
 * <p>Calls inside a conditional's branches are left alone: the forward sweep must not evaluate
 * a branch that is not taken.
 */
final class Intermediates {
  private static final Set<String> COSTLY = Set.of("exp", "expm1", "log", "log1p", "log10",
      "pow", "tanh", "sinh", "cosh", "sin", "cos", "tan", "asin", "acos", "atan", "atan2",
      "cbrt", "hypot");

  private Intermediates() {}

  /** The costly calls in {@code e}, inner ones before the calls that contain them. */
  static List<Expr.MathCall> of(Expr e) {
    List<Expr.MathCall> out = new ArrayList<>();
    collect(e, out);
    return out;
  }

  private static void collect(Expr e, List<Expr.MathCall> out) {
    if (e instanceof Expr.Conditional || e instanceof Expr.PlainCall || e instanceof Expr.Index) {
      return;
    }
    dev.jgrad.processor.ir.Exprs.forEachChild(e, child -> collect(child, out));
    if (e instanceof Expr.MathCall && e.type() == Type.DOUBLE
        && COSTLY.contains(((Expr.MathCall) e).function()) && !out.contains(e)) {
      out.add((Expr.MathCall) e);
    }
  }
}
