package dev.jgrad.processor.analysis;

import dev.jgrad.processor.ir.Expr;
import dev.jgrad.processor.ir.Method;
import dev.jgrad.processor.ir.Reads;
import dev.jgrad.processor.ir.Stmt;
import dev.jgrad.processor.ir.Type;
import dev.jgrad.processor.ir.Var;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Loops that overwrite every element of an array, as in {@code for (j = 0; j < d; j++) z[j] =
 * ...;} with {@code z = new double[d]}. After such a loop the array's old contents are gone
 * from the forward sweep, and its reverse puts them all back (where they were saved), so a later
 * write to the array need not be saved for the sake of a read before the loop.
 *
 * <p>Only the plainest shape counts: a local array made once by {@code new} (a parameter may be
 * the same array as another parameter, which the alias classes do not show); the counter set
 * to 0 just before the loop, stepped by one, compared with the array's length (or with the very
 * expression it was allocated with, of variables assigned once and no array element) and
 * nothing else, so the loop cannot stop early; the element write at the top of the body; no
 * other name for the array; and no reverse code in the loop that reads the array, since those
 * reads would see what the later, unsaved writes left there.
 */
final class FullWrites {
  private final Function<Stmt, Set<Var>> reads;
  private final Function<Var, List<Var>> aliases;
  private final AssignmentFacts assignments;
  private final Map<Stmt.Loop, Var> full = new IdentityHashMap<>();

  private FullWrites(Function<Stmt, Set<Var>> reads, Function<Var, List<Var>> aliases,
      AssignmentFacts assignments) {
    this.reads = reads;
    this.aliases = aliases;
    this.assignments = assignments;
  }

  /** The array each loop of {@code m} overwrites completely, for the loops that do. */
  static Map<Stmt.Loop, Var> of(Method m, Function<Stmt, Set<Var>> reads,
      Function<Var, List<Var>> aliases, AssignmentFacts assignments) {
    FullWrites f = new FullWrites(reads, aliases, assignments);
    f.block(m.body());
    return f.full;
  }

  private void block(List<Stmt> stmts) {
    for (int k = 0; k < stmts.size(); k++) {
      Stmt s = stmts.get(k);
      if (s instanceof Stmt.If) {
        block(((Stmt.If) s).whenTrue());
        block(((Stmt.If) s).whenFalse());
      } else if (s instanceof Stmt.Loop) {
        Stmt.Loop l = (Stmt.Loop) s;
        block(l.body());
        Var array = k > 0 ? overwritten(stmts.get(k - 1), l) : null;
        if (array != null) {
          full.put(l, array);
        }
      }
    }
  }

  private Var overwritten(Stmt before, Stmt.Loop l) {
    CountedLoop shape = CountedLoop.of(l);
    if (shape == null || !shape.up() || shape.inclusive()
        || zeroed(before) != shape.counter()) {
      return null;
    }
    Var j = shape.counter();
    for (Stmt s : l.body()) {
      Var array = elementWritten(s, j);
      if (array != null && bounds(shape.end(), array) && untouched(l, array)) {
        return array;
      }
    }
    return null;
  }

  /** {@code j} of {@code j = 0}. */
  private static Var zeroed(Stmt s) {
    if (!(s instanceof Stmt.Assign) || !(((Stmt.Assign) s).target() instanceof Expr.Read)) {
      return null;
    }
    Stmt.Assign a = (Stmt.Assign) s;
    boolean zero = a.value() instanceof Expr.Literal
        && ((Expr.Literal) a.value()).text().equals("0");
    return zero && a.target().type() == Type.INT ? ((Expr.Read) a.target()).var() : null;
  }

  /** {@code a} of a top-level {@code a[j] = ...} with {@code a} a vector. */
  private static Var elementWritten(Stmt s, Var j) {
    if (!(s instanceof Stmt.Assign) || !(((Stmt.Assign) s).target() instanceof Expr.Index)) {
      return null;
    }
    Expr.Index t = (Expr.Index) ((Stmt.Assign) s).target();
    return t.array() instanceof Expr.Read && t.array().type() == Type.DOUBLE_ARRAY
        && CountedLoop.isRead(t.index(), j) ? ((Expr.Read) t.array()).var() : null;
  }

  /**
   * Whether {@code limit} is the length of {@code array}, a local made once by {@code new}:
   * {@code a.length}, or the expression it was made with, of variables assigned once and no
   * array element (an element may change while every name stays put). A parameter, or an array
   * a call returned, may be the same array as another parameter: never counted.
   */
  private boolean bounds(Expr limit, Var array) {
    Expr made = array.isParameter() ? null : assignments.onlyValue(array);
    if (!(made instanceof Expr.NewArray) || made.type() != Type.DOUBLE_ARRAY) {
      return false;
    }
    if (limit instanceof Expr.Length
        && CountedLoop.isRead(((Expr.Length) limit).array(), array)) {
      return true;
    }
    if (!limit.equals(((Expr.NewArray) made).dimensions().get(0)) || readsElement(limit)) {
      return false;
    }
    for (Var v : Reads.of(limit)) {
      if (assignments.count(v) > (v.isParameter() ? 0 : 1)) {
        return false;
      }
    }
    return true;
  }


  /**
   * The array changes only as the loop's shape says (the counter is checked by
   * {@link CountedLoop}), has no other name, and nothing in the loop reads it in reverse.
   */
  private boolean untouched(Stmt.Loop l, Var array) {
    if (aliases.apply(array).size() != 1) {
      return false;
    }
    for (Stmt s : Walk.flatten(l.body())) {
      if (s instanceof Stmt.Assign && CountedLoop.isRead(((Stmt.Assign) s).target(), array)
          || s instanceof Stmt.Call || reads.apply(s).contains(array)) {
        return false;
      }
    }
    return true;
  }

  private static boolean readsElement(Expr e) {
    boolean[] found = {e instanceof Expr.Index};
    dev.jgrad.processor.ir.Exprs.forEachChild(e, child -> found[0] |= readsElement(child));
    return found[0];
  }
}
