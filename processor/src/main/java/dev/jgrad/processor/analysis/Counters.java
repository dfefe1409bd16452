package dev.jgrad.processor.analysis;

import dev.jgrad.processor.ir.Expr;
import dev.jgrad.processor.ir.Reads;
import dev.jgrad.processor.ir.Stmt;
import dev.jgrad.processor.ir.Type;
import dev.jgrad.processor.ir.Var;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loop counters the reverse sweep can set itself: {@code j = start; while (...) { ...; j = j +
 * 1; }} ends with {@code j == start + trips}, so the reverse of the loop starts from that value
 * instead of popping the one the next {@code j = start} overwrote. Saves one int per run of an
 * inner loop.
 *
 * <p>Only where the start is an int expression of scalars, nothing in the loop assigns the
 * counter but its step (which runs once per trip: no early exit guards it) or any variable of
 * the start, so the start still has its value when the loop ends.
 */
public final class Counters {
  /** A loop's counter and the expression it starts from. */
  public record Counter(Var counter, Expr start, boolean up) {}

  private Counters() {}

  static Map<Stmt.Loop, Counter> of(List<Stmt> body) {
    Map<Stmt.Loop, Counter> out = new IdentityHashMap<>();
    block(body, out);
    return out;
  }

  private static void block(List<Stmt> stmts, Map<Stmt.Loop, Counter> out) {
    for (int k = 0; k < stmts.size(); k++) {
      Stmt s = stmts.get(k);
      if (s instanceof Stmt.If) {
        block(((Stmt.If) s).whenTrue(), out);
        block(((Stmt.If) s).whenFalse(), out);
      } else if (s instanceof Stmt.Loop) {
        Stmt.Loop l = (Stmt.Loop) s;
        block(l.body(), out);
        Counter c = k > 0 ? counter(stmts.get(k - 1), l) : null;
        if (c != null) {
          out.put(l, c);
        }
      }
    }
  }

  private static Counter counter(Stmt before, Stmt.Loop l) {
    CountedLoop.Step step = CountedLoop.step(l);
    if (step == null || !(before instanceof Stmt.Assign)
        || !CountedLoop.isRead(((Stmt.Assign) before).target(), step.counter())) {
      return null;
    }
    Expr start = ((Stmt.Assign) before).value();
    if (!scalarInts(start) || Reads.of(start).contains(step.counter())) {
      return null;
    }
    Set<Var> assigned = new HashSet<>();
    for (Stmt s : Walk.flatten(l.body())) {
      if (s instanceof Stmt.Assign && ((Stmt.Assign) s).target() instanceof Expr.Read) {
        assigned.add(((Expr.Read) ((Stmt.Assign) s).target()).var());
      } else if (s instanceof Stmt.Call) {
        assigned.add(((Stmt.Call) s).result());
      }
    }
    if (Reads.of(start).stream().anyMatch(assigned::contains)) {
      return null;
    }
    return new Counter(step.counter(), start, step.up());
  }

  /** An int expression of literals and int variables: no element, call or field read. */
  private static boolean scalarInts(Expr e) {
    if (e.type() != Type.INT || e instanceof Expr.Index || e instanceof Expr.Length
        || e instanceof Expr.PlainCall || e instanceof Expr.MathCall
        || e instanceof Expr.Constant && ((Expr.Constant) e).readsField()) {
      return false;
    }
    boolean[] ok = {true};
    dev.jgrad.processor.ir.Exprs.forEachChild(e, child -> ok[0] &= scalarInts(child));
    return ok[0];
  }
}
