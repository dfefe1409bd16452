package dev.jgrad.processor.analysis;

import dev.jgrad.processor.ir.Expr;
import dev.jgrad.processor.ir.Stmt;
import dev.jgrad.processor.ir.Type;
import dev.jgrad.processor.ir.Var;

/**
 * A loop that steps an int counter by one towards an end it tests alone: {@code i < n},
 * {@code i <= n}, {@code i > 0}, {@code n > i} and the like. The shape that lets the tape
 * reserve room ahead ({@code TripBound}), a refill cover a whole array ({@link FullWrites}) and
 * the reverse compute the trip count again ({@link Recomputed}).
 *
 * @param up whether the step is {@code + 1}
 * @param end what the counter is compared with
 * @param inclusive whether the test is {@code <=} or {@code >=}
 */
public record CountedLoop(Var counter, boolean up, Expr end, boolean inclusive) {
  /** The counter and direction of a loop's step. */
  public record Step(Var counter, boolean up) {}

  /**
   * The counter of a loop whose only update is {@code i = i + 1} or {@code i = i - 1} (an early
   * exit guards the update, so such a loop has none), with nothing else in the loop assigning
   * it; or null.
   */
  public static Step step(Stmt.Loop l) {
    if (l.update().size() != 1 || !(l.update().get(0) instanceof Stmt.Assign)) {
      return null;
    }
    Stmt.Assign a = (Stmt.Assign) l.update().get(0);
    if (!(a.target() instanceof Expr.Read) || a.target().type() != Type.INT
        || !(a.value() instanceof Expr.Binary)) {
      return null;
    }
    Var v = ((Expr.Read) a.target()).var();
    Expr.Binary b = (Expr.Binary) a.value();
    boolean plusOrMinus = b.op().equals("+") || b.op().equals("-");
    boolean one = b.right() instanceof Expr.Literal
        && ((Expr.Literal) b.right()).text().equals("1");
    if (!plusOrMinus || !one || !isRead(b.left(), v)) {
      return null;
    }
    for (Stmt s : Walk.flatten(l.body())) {
      if (s instanceof Stmt.Assign && isRead(((Stmt.Assign) s).target(), v)) {
        return null;
      }
    }
    return new Step(v, b.op().equals("+"));
  }

  /** The loop's shape, or null; the end may still change inside the loop (callers check). */
  public static CountedLoop of(Stmt.Loop l) {
    Step step = step(l);
    if (step == null || !(l.condition() instanceof Expr.Binary)) {
      return null;
    }
    Expr.Binary test = (Expr.Binary) l.condition();
    boolean left = isRead(test.left(), step.counter());
    boolean right = isRead(test.right(), step.counter());
    if (left == right) {
      return null;
    }
    // As "counter op end": "end > i" is "i < end".
    String op = left ? test.op() : mirrored(test.op());
    boolean towards = step.up() ? op.equals("<") || op.equals("<=")
        : op.equals(">") || op.equals(">=");
    Expr end = left ? test.right() : test.left();
    if (!towards || end.type() != Type.INT) {
      return null;
    }
    return new CountedLoop(step.counter(), step.up(), end, op.endsWith("="));
  }

  private static String mirrored(String op) {
    return switch (op) {
      case "<" -> ">";
      case "<=" -> ">=";
      case ">" -> "<";
      case ">=" -> "<=";
      default -> "";
    };
  }

  static boolean isRead(Expr e, Var v) {
    return e instanceof Expr.Read && ((Expr.Read) e).var() == v;
  }
}
