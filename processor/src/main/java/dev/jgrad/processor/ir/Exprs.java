package dev.jgrad.processor.ir;

import java.util.function.Consumer;

/** Structural helpers over {@link Expr} trees. */
public final class Exprs {
  private Exprs() {}

  /** Calls {@code action} on each direct child of {@code e}, left to right. */
  public static void forEachChild(Expr e, Consumer<Expr> action) {
    if (e instanceof Expr.Index) {
      action.accept(((Expr.Index) e).array());
      action.accept(((Expr.Index) e).index());
    } else if (e instanceof Expr.Length) {
      action.accept(((Expr.Length) e).array());
    } else if (e instanceof Expr.Unary) {
      action.accept(((Expr.Unary) e).operand());
    } else if (e instanceof Expr.Binary) {
      action.accept(((Expr.Binary) e).left());
      action.accept(((Expr.Binary) e).right());
    } else if (e instanceof Expr.Conditional) {
      Expr.Conditional c = (Expr.Conditional) e;
      action.accept(c.condition());
      action.accept(c.whenTrue());
      action.accept(c.whenFalse());
    } else if (e instanceof Expr.MathCall) {
      ((Expr.MathCall) e).args().forEach(action);
    } else if (e instanceof Expr.PlainCall) {
      ((Expr.PlainCall) e).args().forEach(action);
    } else if (e instanceof Expr.Cast) {
      action.accept(((Expr.Cast) e).operand());
    } else if (e instanceof Expr.NewArray) {
      ((Expr.NewArray) e).dimensions().forEach(action);
    } else if (e instanceof Expr.ArrayLiteral) {
      ((Expr.ArrayLiteral) e).elements().forEach(action);
    }
  }

  /** The variable at the root of an lvalue or array expression ({@code a} in {@code a[i][j]}). */
  public static Var base(Expr e) {
    Expr cur = e;
    while (cur instanceof Expr.Index) {
      cur = ((Expr.Index) cur).array();
    }
    return cur instanceof Expr.Read ? ((Expr.Read) cur).var() : null;
  }

  /** Whether any variable in {@code e} is one of {@code vars}. */
  public static boolean mentions(Expr e, java.util.Set<Var> vars) {
    for (Var v : Reads.of(e)) {
      if (vars.contains(v)) {
        return true;
      }
    }
    return false;
  }
}
