package dev.jgrad.processor.analysis;

import dev.jgrad.processor.ir.Expr;
import dev.jgrad.processor.ir.Reads;
import dev.jgrad.processor.ir.Var;
import java.util.Set;

/**
 * The variables whose values the adjoint of an expression reads: the operands of non-linear
 * operations, indices of active array elements, and conditions. {@code s = s + x} reads nothing
 * (its adjoint only adds), which is why a running sum needs no tape.
 */
final class PartialReads {
  private final Activity activity;

  PartialReads(Activity activity) {
    this.activity = activity;
  }

  void collect(Expr e, Set<Var> out) {
    if (!activity.isActive(e)) {
      return;
    }
    if (e instanceof Expr.Index) {
      Expr cur = e;
      while (cur instanceof Expr.Index) {
        Reads.collect(((Expr.Index) cur).index(), out);
        cur = ((Expr.Index) cur).array();
      }
    } else if (e instanceof Expr.Unary) {
      collect(((Expr.Unary) e).operand(), out);
    } else if (e instanceof Expr.Binary) {
      Expr.Binary b = (Expr.Binary) e;
      collect(b.left(), out);
      collect(b.right(), out);
      switch (b.op()) {
        case "*":
          if (activity.isActive(b.left())) {
            Reads.collect(b.right(), out);
          }
          if (activity.isActive(b.right())) {
            Reads.collect(b.left(), out);
          }
          break;
        case "/":
        case "%":
          Reads.collect(b.right(), out);
          if (activity.isActive(b.right())) {
            Reads.collect(b.left(), out);
          }
          break;
        default:
          break;
      }
    } else if (e instanceof Expr.Conditional) {
      Expr.Conditional c = (Expr.Conditional) e;
      Reads.collect(c.condition(), out);
      collect(c.whenTrue(), out);
      collect(c.whenFalse(), out);
    } else if (e instanceof Expr.MathCall) {
      Expr.MathCall c = (Expr.MathCall) e;
      c.args().forEach(a -> collect(a, out));
      if (!c.function().equals("toRadians") && !c.function().equals("toDegrees")) {
        c.args().forEach(a -> Reads.collect(a, out));
      }
    } else if (e instanceof Expr.ArrayLiteral) {
      ((Expr.ArrayLiteral) e).elements().forEach(a -> collect(a, out));
    }
  }
}
