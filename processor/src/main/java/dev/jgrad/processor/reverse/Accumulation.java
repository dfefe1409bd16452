package dev.jgrad.processor.reverse;

import dev.jgrad.processor.analysis.Activity;
import dev.jgrad.processor.ir.Expr;
import dev.jgrad.processor.ir.Reads;
import dev.jgrad.processor.ir.Stmt;
import dev.jgrad.processor.ir.Type;

/**
 * Recognises {@code x = x + e} and {@code x = x - e} (what {@code +=} and {@code -=} lower to).
 * Their adjoint leaves x's adjoint as it is and only adds into e's inputs, instead of taking,
 * zeroing and adding it back.
 */
final class Accumulation {
  private Accumulation() {}

  /** The {@code e} of {@code x = x + e}, or null when the assignment has another shape. */
  static Expr rest(Stmt.Assign a) {
    if (a.target().type() != Type.DOUBLE || !(a.value() instanceof Expr.Binary)) {
      return null;
    }
    Expr.Binary b = (Expr.Binary) a.value();
    if ((b.op().equals("+") || b.op().equals("-")) && b.left().equals(a.target())) {
      return b.right();
    }
    return null;
  }

  static boolean isSubtraction(Stmt.Assign a) {
    return ((Expr.Binary) a.value()).op().equals("-");
  }

  /** Whether {@code e} reads the target variable, so its adjoint must be copied first. */
  static boolean mentionsTarget(Stmt.Assign a, Activity activity) {
    if (!(a.target() instanceof Expr.Read)) {
      return true;
    }
    return Reads.of(rest(a)).contains(((Expr.Read) a.target()).var());
  }
}
