package dev.jgrad.processor.reverse;

import dev.jgrad.processor.analysis.CountedLoop;
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
    // Only a loop that stops on its counter's test alone: a cap joined with another condition
    // by && (i < maxIter && error > tol) bounds the trips too loosely to reserve for.
    CountedLoop c = CountedLoop.of(loop);
    if (c == null || !fixed(c.end(), assignedIn(loop))) {
      return null;
    }
    String name = c.counter().name();
    String inclusive = c.inclusive() ? " + 1" : "";
    if (c.up()) {
      return "(long) " + printer.print(c.end(), Printer.UNARY) + " - " + name + inclusive;
    }
    String floor = isZero(c.end()) ? "" : " - " + printer.print(c.end(), Printer.UNARY);
    return "(long) " + name + floor + inclusive;
  }

  private static boolean isZero(Expr e) {
    return e instanceof Expr.Literal && ((Expr.Literal) e).text().equals("0");
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
}
