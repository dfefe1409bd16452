package dev.jgrad.processor.reverse;

import dev.jgrad.processor.analysis.Walk;
import dev.jgrad.processor.ir.Expr;
import dev.jgrad.processor.ir.Exprs;
import dev.jgrad.processor.ir.Stmt;
import java.util.List;

/**
 * Whether a loop calls nothing but {@code Math}: no differentiable method, no helper of the
 * user's, no static field that is not a compile-time constant (its first read runs its class's
 * initializer). Only such a loop may keep the tapes' tops in locals, since any other code could
 * run generated code that uses the thread's stacks while their recorded tops are stale.
 */
final class CallFree {
  private CallFree() {}

  static boolean loop(Stmt.Loop loop) {
    for (Stmt s : Walk.flatten(List.of(loop))) {
      if (s instanceof Stmt.Call) {
        return false;
      }
      boolean free = s instanceof Stmt.Assign
          ? expr(((Stmt.Assign) s).target()) && expr(((Stmt.Assign) s).value())
          : s instanceof Stmt.If ? expr(((Stmt.If) s).condition())
          : expr(((Stmt.Loop) s).condition());
      if (!free) {
        return false;
      }
    }
    return true;
  }

  private static boolean expr(Expr e) {
    if (e instanceof Expr.PlainCall
        || e instanceof Expr.Constant && ((Expr.Constant) e).readsField()) {
      return false;
    }
    boolean[] free = {true};
    Exprs.forEachChild(e, child -> free[0] &= expr(child));
    return free[0];
  }
}
