package dev.jgrad.processor.analysis;

import dev.jgrad.processor.ir.Expr;
import dev.jgrad.processor.ir.Stmt;
import dev.jgrad.processor.ir.Var;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a method assigns each variable, read once for the analyses that ask whether a value can
 * change: how many assignments (to the variable itself, or a call's result) the method has, and
 * for the last of them, its loop depth, its value and its place in program order. Every
 * statement's place in that order is kept too, so that "assigned before this statement" is a
 * comparison.
 */
final class AssignmentFacts {
  private final Map<Var, Integer> count = new HashMap<>();
  private final Map<Var, Integer> depth = new HashMap<>();
  private final Map<Var, Integer> at = new HashMap<>();
  private final Map<Var, Expr> value = new HashMap<>();
  private final Map<Stmt, Integer> order = new IdentityHashMap<>();

  static AssignmentFacts of(List<Stmt> body) {
    AssignmentFacts f = new AssignmentFacts();
    f.walk(body, 0);
    return f;
  }

  private void walk(List<Stmt> stmts, int d) {
    for (Stmt s : stmts) {
      order.put(s, order.size());
      Var v = s instanceof Stmt.Assign && ((Stmt.Assign) s).target() instanceof Expr.Read
          ? ((Expr.Read) ((Stmt.Assign) s).target()).var()
          : s instanceof Stmt.Call ? ((Stmt.Call) s).result() : null;
      if (v != null) {
        count.merge(v, 1, Integer::sum);
        depth.put(v, d);
        at.put(v, order.get(s));
        value.put(v, s instanceof Stmt.Assign ? ((Stmt.Assign) s).value() : null);
      }
      if (s instanceof Stmt.If) {
        walk(((Stmt.If) s).whenTrue(), d);
        walk(((Stmt.If) s).whenFalse(), d);
      } else if (s instanceof Stmt.Loop) {
        walk(((Stmt.Loop) s).body(), d + 1);
        walk(((Stmt.Loop) s).update(), d + 1);
      }
    }
  }

  /** How many statements of the method assign {@code v}. */
  int count(Var v) {
    return count.getOrDefault(v, 0);
  }

  /**
   * Whether {@code v} is a local assigned exactly once, outside loops, before {@code s} in
   * program order: it ran at most once, and before {@code s} if at all.
   */
  boolean onceBefore(Var v, Stmt s) {
    return count(v) == 1 && !v.isParameter() && depth.get(v) == 0 && at.get(v) < order.get(s);
  }

  /** The value of {@code v}'s only assignment, or null (none, several, or a call's result). */
  Expr onlyValue(Var v) {
    return count(v) == 1 ? value.get(v) : null;
  }
}
