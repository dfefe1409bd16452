package dev.jgrad.processor.reverse;

import dev.jgrad.processor.analysis.Walk;
import dev.jgrad.processor.ir.Expr;
import dev.jgrad.processor.ir.Reads;
import dev.jgrad.processor.ir.Stmt;
import dev.jgrad.processor.ir.Type;
import dev.jgrad.processor.ir.Var;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A loop's trip count, known before the loop starts, for loops that step an
 * int counter by one towards a bound nothing in the loop changes: {@code i < n}, {@code i <= n},
 * {@code i > 0} and the like, with no other condition (an early exit would make the bound loose,
 * and a loose bound reserves room never used). It lets the loop reserve its tape room once.
 */
final class TripBound {
  private TripBound() {}

  /** Java text of a {@code long}: the number of iterations, or null. */
  static String of(Stmt.Loop loop, Printer printer) {
    if (loop.update().size() != 1 || !(loop.update().get(0) instanceof Stmt.Assign)) {
      return null;
    }
    Stmt.Assign step = (Stmt.Assign) loop.update().get(0);
    Var counter = stepped(step);
    if (counter == null) {
      return null;
    }
    boolean up = ((Expr.Binary) step.value()).op().equals("+");
    // Only a loop that stops on this test alone: a cap joined with another condition by &&
    // (i < maxIter && error > tol) bounds the trips too loosely to reserve for.
    String bound = bound(loop.condition(), counter, up, assignedIn(loop), printer);
    return bound != null && assignedOnlyByStep(loop, counter, step) ? bound : null;
  }

  /** The counter of {@code i = i + 1} or {@code i = i - 1}, or null. */
  private static Var stepped(Stmt.Assign a) {
    if (!(a.target() instanceof Expr.Read) || a.target().type() != Type.INT
        || !(a.value() instanceof Expr.Binary)) {
      return null;
    }
    Var v = ((Expr.Read) a.target()).var();
    Expr.Binary b = (Expr.Binary) a.value();
    boolean plusOrMinus = b.op().equals("+") || b.op().equals("-");
    boolean one = b.right() instanceof Expr.Literal
        && ((Expr.Literal) b.right()).text().equals("1");
    boolean self = b.left() instanceof Expr.Read && ((Expr.Read) b.left()).var() == v;
    return plusOrMinus && one && self ? v : null;
  }

  /**
   * For {@code i < e} counting up, {@code e - i}; for {@code i <= e}, one more; mirrored for
   * {@code e > i} and for counting down. Null unless {@code e} is fixed during the loop.
   */
  private static String bound(Expr test, Var counter, boolean up, Assigned assigned,
      Printer printer) {
    if (!(test instanceof Expr.Binary)) {
      return null;
    }
    Expr.Binary b = (Expr.Binary) test;
    String op = b.op();
    Expr other;
    if (isCounter(b.left(), counter)) {
      other = b.right();
    } else if (isCounter(b.right(), counter)) {
      other = b.left();
      op = mirrored(op);
    } else {
      return null;
    }
    if (op == null || !fixed(other, assigned)) {
      return null;
    }
    String limit = "(long) " + printer.print(other, Printer.UNARY);
    String name = counter.name();
    if (up && op.equals("<")) {
      return limit + " - " + name;
    }
    if (up && op.equals("<=")) {
      return limit + " - " + name + " + 1";
    }
    String floor = isZero(other) ? "" : " - " + printer.print(other, Printer.UNARY);
    if (!up && op.equals(">")) {
      return "(long) " + name + floor;
    }
    if (!up && op.equals(">=")) {
      return "(long) " + name + floor + " + 1";
    }
    return null;
  }

  private static boolean isZero(Expr e) {
    return e instanceof Expr.Literal && ((Expr.Literal) e).text().equals("0");
  }

  private static String mirrored(String op) {
    switch (op) {
      case "<":
        return ">";
      case "<=":
        return ">=";
      case ">":
        return "<";
      case ">=":
        return "<=";
      default:
        return null;
    }
  }

  private static boolean isCounter(Expr e, Var counter) {
    return e instanceof Expr.Read && ((Expr.Read) e).var() == counter;
  }

  /**
   * An int expression of variables the loop never assigns, with no array element in it except
   * the length of a row ({@code a[c].length}) of a matrix whose rows the loop never replaces.
   */
  private static boolean fixed(Expr e, Assigned assigned) {
    if (e.type() != Type.INT || mentionsElement(e)
        || assigned.rowsReplaced() && mentionsRowLength(e)) {
      return false;
    }
    for (Var v : Reads.of(e)) {
      if (assigned.vars().contains(v)) {
        return false;
      }
    }
    return true;
  }

  private static boolean mentionsRowLength(Expr e) {
    if (e instanceof Expr.Length && ((Expr.Length) e).array() instanceof Expr.Index) {
      return true;
    }
    boolean[] found = {false};
    dev.jgrad.processor.ir.Exprs.forEachChild(e, child -> found[0] |= mentionsRowLength(child));
    return found[0];
  }

  private static boolean mentionsElement(Expr e) {
    if (e instanceof Expr.Length && ((Expr.Length) e).array() instanceof Expr.Index) {
      Expr.Index row = (Expr.Index) ((Expr.Length) e).array();
      // The matrix variable is among the expression's reads, checked by the caller.
      return !(row.array() instanceof Expr.Read) || mentionsElement(row.index());
    }
    if (e instanceof Expr.Index || e instanceof Expr.PlainCall) {
      return true;
    }
    boolean[] found = {false};
    dev.jgrad.processor.ir.Exprs.forEachChild(e, child -> found[0] |= mentionsElement(child));
    return found[0];
  }

  /** What a loop changes: variables it assigns, and whether it replaces any matrix row. */
  private record Assigned(Set<Var> vars, boolean rowsReplaced) {}

  private static Assigned assignedIn(Stmt.Loop loop) {
    Set<Var> out = new HashSet<>();
    boolean rowsReplaced = false;
    for (Stmt s : Walk.flatten(List.of(loop))) {
      if (s instanceof Stmt.Assign && ((Stmt.Assign) s).target() instanceof Expr.Read) {
        out.add(((Expr.Read) ((Stmt.Assign) s).target()).var());
      } else if (s instanceof Stmt.Assign && ((Stmt.Assign) s).target().type().isArray()) {
        // A row replaced, maybe through another name of the matrix: no row length is fixed.
        rowsReplaced = true;
      } else if (s instanceof Stmt.Call) {
        out.add(((Stmt.Call) s).result());
      }
    }
    return new Assigned(out, rowsReplaced);
  }

  /** Whether the step is the only assignment to the counter inside the loop. */
  private static boolean assignedOnlyByStep(Stmt.Loop loop, Var counter, Stmt.Assign step) {
    for (Stmt s : Walk.flatten(List.of(loop))) {
      if (s != step && s instanceof Stmt.Assign && ((Stmt.Assign) s).target() instanceof Expr.Read
          && ((Expr.Read) ((Stmt.Assign) s).target()).var() == counter) {
        return false;
      }
    }
    return true;
  }
}
