package dev.jgrad.processor.ir;

import java.util.List;

/**
 * A statement of the lowered method. Control flow stays structured: the reverse sweep mirrors it
 * with recorded branch decisions and trip counts, so no control-flow graph is needed.
 */
public interface Stmt {
  /** The source line it came from, for the generated code's comments. */
  int line();

  /**
   * {@code target = value}. The target is a {@link Expr.Read} of a local or an {@link Expr.Index}
   * of an array element. Compound assignments arrive here already expanded ({@code x = x + e}).
   * {@code declaration} marks a local's initialiser, whose target held no value before.
   */
  record Assign(Expr target, Expr value, int line, boolean declaration) implements Stmt {
    public Assign(Expr target, Expr value, int line) {
      this(target, value, line, false);
    }
  }

  /**
   * {@code result = Owner.method(args)} for a differentiable callee; {@code result} is a fresh
   * temporary, or null when the call's value is not used.
   */
  record Call(Var result, Callee callee, List<Expr> args, int line) implements Stmt {}

  record If(Expr condition, List<Stmt> whenTrue, List<Stmt> whenFalse, int line)
      implements Stmt {}

  /** {@code while (condition) { body; update; }}: a {@code for} loop's update is kept apart. */
  record Loop(Expr condition, List<Stmt> body, List<Stmt> update, int line) implements Stmt {}
}
