package dev.jgrad.processor.reverse;

import dev.jgrad.processor.analysis.Activity;
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
  /** Functions whose derivative is written with their own value: tanh' = 1 - tanh^2. */
  private static final Set<String> OWN_VALUE =
      Set.of("exp", "expm1", "tanh", "tan", "pow", "cbrt", "hypot");

  private static final Set<String> COSTLY = Set.of("exp", "expm1", "log", "log1p", "log10",
      "pow", "tanh", "sinh", "cosh", "sin", "cos", "tan", "asin", "acos", "atan", "atan2",
      "cbrt", "hypot");

  private Intermediates() {}

  /**
   * The costly calls in {@code e} whose values its adjoint reads, inner ones before the calls
   * that contain them.
   */
  static List<Expr.MathCall> of(Expr e, Activity activity) {
    List<Expr.MathCall> out = new ArrayList<>();
    collect(e, false, activity, out);
    return out;
  }

  /**
   * @param needed whether the adjoint reads {@code e}'s value: as the other factor of an active
   *     product, a divisor, an argument of a function's derivative, or inside a value that is
   */
  private static void collect(Expr e, boolean needed, Activity activity,
      List<Expr.MathCall> out) {
    if (e instanceof Expr.Conditional || e instanceof Expr.PlainCall || e instanceof Expr.Index) {
      return;
    }
    if (e instanceof Expr.Binary) {
      Expr.Binary b = (Expr.Binary) e;
      boolean l = activity.isActive(b.left());
      boolean r = activity.isActive(b.right());
      switch (b.op()) {
        case "*":
          collect(b.left(), needed || r, activity, out);
          collect(b.right(), needed || l, activity, out);
          break;
        case "/":
          collect(b.left(), needed || r, activity, out);
          collect(b.right(), needed || l || r, activity, out);
          break;
        case "+":
        case "-":
          collect(b.left(), needed, activity, out);
          collect(b.right(), needed, activity, out);
          break;
        default:
          collect(b.left(), true, activity, out);
          collect(b.right(), true, activity, out);
      }
    } else if (e instanceof Expr.MathCall) {
      Expr.MathCall call = (Expr.MathCall) e;
      boolean active = activity.isActive(e);
      // Most derivatives read the argument (log: 1/x, sin: cos x); exp's reads only its value.
      call.args().forEach(a -> collect(a, needed || active && !OWN_VALUE.contains(
          call.function()), activity, out));
      boolean kept = needed || active && OWN_VALUE.contains(call.function());
      if (kept && e.type() == Type.DOUBLE && COSTLY.contains(call.function())
          && !out.contains(e)) {
        out.add(call);
      }
    } else {
      dev.jgrad.processor.ir.Exprs.forEachChild(e, child -> collect(child, needed, activity,
          out));
    }
  }
}
