package dev.jgrad.processor.analysis;

import dev.jgrad.processor.ir.Expr;
import dev.jgrad.processor.ir.Reads;
import dev.jgrad.processor.ir.Stmt;
import dev.jgrad.processor.ir.Var;
import java.util.ArrayList;
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

  private final AssignmentFacts assignments;
  private final Function<Stmt.Loop, Counters.Counter> counterReset;
  private final Map<Stmt.If, Boolean> decisions = new IdentityHashMap<>();
  private final Map<Stmt.Loop, TripCount> trips = new IdentityHashMap<>();
  private final Map<Stmt.Loop, Counters.Counter> counters;

  private Recomputed(Function<Stmt.Loop, Counters.Counter> counterReset,
      Map<Stmt.Loop, Counters.Counter> counters, AssignmentFacts assignments) {
    this.counterReset = counterReset;
    this.counters = counters;
    this.assignments = assignments;
  }

  /**
   * @param counterReset the counter a loop's reverse sets itself, if any
   * @param counters every loop's counter and start, reset or not
   */
  static Recomputed of(List<Stmt> body, Function<Stmt.Loop, Counters.Counter> counterReset,
      Map<Stmt.Loop, Counters.Counter> counters, AssignmentFacts assignments) {
    Recomputed r = new Recomputed(counterReset, counters, assignments);
    r.visit(body, new ArrayList<>());
    return r;
  }

  boolean decides(Stmt.If s) {
    return decisions.containsKey(s);
  }

  TripCount trips(Stmt.Loop l) {
    return trips.get(l);
  }

  private void visit(List<Stmt> stmts, List<Stmt.Loop> enclosing) {
    for (Stmt s : stmts) {
      if (s instanceof Stmt.If) {
        Stmt.If i = (Stmt.If) s;
        if (plain(i.condition()) && stable(Reads.of(i.condition()), enclosing, s)) {
          decisions.put(i, true);
        }
        visit(i.whenTrue(), enclosing);
        visit(i.whenFalse(), enclosing);
      } else if (s instanceof Stmt.Loop) {
        Stmt.Loop l = (Stmt.Loop) s;
        TripCount t = tripCount(l);
        if (t != null && stable(Reads.of(t.start()), enclosing, s)
            && stable(Reads.of(t.end()), enclosing, s)) {
          trips.put(l, t);
        }
        List<Stmt.Loop> inner = new ArrayList<>(enclosing);
        inner.add(l);
        visit(l.body(), inner);
        visit(l.update(), inner);
      }
    }
  }

  private boolean stable(Set<Var> vars, List<Stmt.Loop> enclosing, Stmt at) {
    for (Var v : vars) {
      // Assigned once before the test, outside loops: a lowering's exit code, which has no
      // initial assignment, is read as 0 until then in both sweeps alike.
      if (assignments.count(v) != 0 && !assignments.onceBefore(v, at)
          && !walkedBack(v, enclosing)) {
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
