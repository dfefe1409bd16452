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
 * Branch decisions the reverse sweep can evaluate again instead of reading back from a tape:
 * conditions over values that are the same there as when the forward sweep tested them.
 * {@code if (row == ell)} on parameters never assigned, or {@code if ((used & 1 << c) != 0)}
 * inside the loop over {@code c}, whose reverse walks {@code c} back anyway.
 *
 * <p>Each variable of the condition must be a scalar never assigned, a local assigned once
 * outside loops (it keeps its value from there on, and nothing saves or restores it), or the
 * counter of an enclosing loop that the reverse sets and steps back itself ({@link Counters});
 * the condition may not read an array element, call a method of the user's or read a static
 * field that is not a compile-time constant.
 */
final class Decisions {
  private final Map<Var, Integer> assignments = new HashMap<>();
  private final Map<Var, Integer> depthOfAssignment = new HashMap<>();
  /** Where each variable is assigned, as the statement's index in a walk in program order. */
  private final Map<Var, Integer> assignedAt = new HashMap<>();
  private int order;
  private final Function<Stmt.Loop, Counters.Counter> counterReset;
  private final Map<Stmt.If, Boolean> recomputed = new IdentityHashMap<>();

  private Decisions(Function<Stmt.Loop, Counters.Counter> counterReset) {
    this.counterReset = counterReset;
  }

  static Map<Stmt.If, Boolean> of(List<Stmt> body,
      Function<Stmt.Loop, Counters.Counter> counterReset) {
    Decisions d = new Decisions(counterReset);
    d.count(body, 0);
    d.order = 0;
    d.visit(body, new ArrayList<>());
    return d.recomputed;
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
          recomputed.put(i, true);
        }
        visit(i.whenTrue(), enclosing);
        visit(i.whenFalse(), enclosing);
      } else if (s instanceof Stmt.Loop) {
        Stmt.Loop l = (Stmt.Loop) s;
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
