package dev.jgrad.processor.analysis;

import dev.jgrad.processor.ir.Expr;
import dev.jgrad.processor.ir.Reads;
import dev.jgrad.processor.ir.Stmt;
import dev.jgrad.processor.ir.Var;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * What the reverse sweep can compute again instead of reading back from a tape, because it reads
 * values that are the same there as when the forward sweep computed it. Branch decisions:
 * {@code if (row == ell)} on parameters never assigned, or {@code if ((used & 1 << c) != 0)}
 * inside the loop over {@code c}, whose reverse walks {@code c} back anyway. Trip counts: a loop
 * {@code j = start; while (j < end) {...; j = j + 1;}} that stops on that test alone runs
 * {@code max(0, end - start)} times.
 *
 * <p>Each variable read must be a scalar never assigned, a local assigned once outside loops
 * before the test (it keeps its value from there on, and nothing saves or restores it), or the
 * counter of an enclosing loop that the reverse sets and steps back itself ({@link Counters});
 * the expressions may not read an array element, call a method of the user's or read a static
 * field that is not a compile-time constant.
 */
public final class Recomputed {
  /**
   * A loop's trip count from its start and end: {@code end - start} counting up with {@code <},
   * one more with {@code <=}; {@code start - end} counting down with {@code >}, one more with
   * {@code >=}; never below 0.
   */
  public record TripCount(Expr start, Expr end, boolean up, boolean inclusive) {}

  private final Map<Var, Integer> assignments = new HashMap<>();
  private final Map<Var, Integer> depthOfAssignment = new HashMap<>();
  /** Where each variable is assigned, as the statement's index in a walk in program order. */
  private final Map<Var, Integer> assignedAt = new HashMap<>();
  private int order;
  private final Function<Stmt.Loop, Counters.Counter> counterReset;
  private final Map<Stmt.If, Boolean> decisions = new IdentityHashMap<>();
  private final Map<Stmt.Loop, TripCount> trips = new IdentityHashMap<>();
  private final Map<Stmt.Loop, Counters.Counter> counters;

  private Recomputed(Function<Stmt.Loop, Counters.Counter> counterReset,
      Map<Stmt.Loop, Counters.Counter> counters) {
    this.counterReset = counterReset;
    this.counters = counters;
  }

  /**
   * @param counterReset the counter a loop's reverse sets itself, if any
   * @param counters every loop's counter and start, reset or not
   */
  static Recomputed of(List<Stmt> body, Function<Stmt.Loop, Counters.Counter> counterReset,
      Map<Stmt.Loop, Counters.Counter> counters) {
    Recomputed r = new Recomputed(counterReset, counters);
    r.count(body, 0);
    r.order = 0;
    r.visit(body, new ArrayList<>());
    return r;
  }

  boolean decides(Stmt.If s) {
    return decisions.containsKey(s);
  }

  TripCount trips(Stmt.Loop l) {
    return trips.get(l);
  }

  private void count(List<Stmt> stmts, int depth) {
    for (Stmt s : stmts) {
      order++;
      Var v = s instanceof Stmt.Assign && ((Stmt.Assign) s).target() instanceof Expr.Read
          ? ((Expr.Read) ((Stmt.Assign) s).target()).var()
          : s instanceof Stmt.Call ? ((Stmt.Call) s).result() : null;
      if (v != null) {
        assignments.merge(v, 1, Integer::sum);
        depthOfAssignment.put(v, depth);
        assignedAt.put(v, order);
      }
      if (s instanceof Stmt.If) {
        count(((Stmt.If) s).whenTrue(), depth);
        count(((Stmt.If) s).whenFalse(), depth);
      } else if (s instanceof Stmt.Loop) {
        count(((Stmt.Loop) s).body(), depth + 1);
        count(((Stmt.Loop) s).update(), depth + 1);
      }
    }
  }

  private void visit(List<Stmt> stmts, List<Stmt.Loop> enclosing) {
    for (Stmt s : stmts) {
      order++;
      if (s instanceof Stmt.If) {
        Stmt.If i = (Stmt.If) s;
        if (plain(i.condition()) && stable(Reads.of(i.condition()), enclosing, order)) {
          decisions.put(i, true);
        }
        visit(i.whenTrue(), enclosing);
        visit(i.whenFalse(), enclosing);
      } else if (s instanceof Stmt.Loop) {
        Stmt.Loop l = (Stmt.Loop) s;
        TripCount t = tripCount(l);
        if (t != null && stable(Reads.of(t.start()), enclosing, order)
            && stable(Reads.of(t.end()), enclosing, order)) {
          trips.put(l, t);
        }
        List<Stmt.Loop> inner = new ArrayList<>(enclosing);
        inner.add(l);
        visit(l.body(), inner);
        visit(l.update(), inner);
      }
    }
  }

  private boolean stable(Set<Var> vars, List<Stmt.Loop> enclosing, int at) {
    for (Var v : vars) {
      int n = assignments.getOrDefault(v, 0);
      // Assigned before the test, outside loops: it ran at most once, and before the test if at
      // all (a lowering's exit code is read as 0 until then, in both sweeps alike).
      boolean once = n == 1 && !v.isParameter() && depthOfAssignment.get(v) == 0
          && assignedAt.get(v) < at;
      if (n != 0 && !once && !walkedBack(v, enclosing)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The loop's count from its counter's start and the one test it stops on, when the counter
   * moves by one each trip and nothing else assigns it ({@link Counters}), or null.
   */
  private TripCount tripCount(Stmt.Loop l) {
    Counters.Counter c = counters.get(l);
    CountedLoop shape = CountedLoop.of(l);
    if (c == null || shape == null || !plain(shape.end())
        || Reads.of(shape.end()).contains(c.counter())) {
      return null;
    }
    return new TripCount(c.start(), shape.end(), shape.up(), shape.inclusive());
  }

  /** Whether {@code v} is the counter of an enclosing loop whose reverse sets and steps it. */
  private boolean walkedBack(Var v, List<Stmt.Loop> enclosing) {
    for (Stmt.Loop l : enclosing) {
      Counters.Counter c = counterReset.apply(l);
      if (c != null && c.counter() == v) {
        return true;
      }
    }
    return false;
  }

  /** No array element, no call of the user's, no field whose first read may run code. */
  private static boolean plain(Expr e) {
    if (e instanceof Expr.Length && ((Expr.Length) e).array() instanceof Expr.Read) {
      return true; // the array variable is checked like the others
    }
    if (e instanceof Expr.Index || e instanceof Expr.PlainCall
        || e instanceof Expr.Constant && ((Expr.Constant) e).readsField()
        || e.type().isArray()) {
      return false;
    }
    boolean[] ok = {true};
    dev.jgrad.processor.ir.Exprs.forEachChild(e, child -> ok[0] &= plain(child));
    return ok[0];
  }
}
