package dev.jgrad.processor.random;

import java.util.ArrayList;
import java.util.List;

/**
 * Rebuilds a program with some expressions or blocks replaced, visiting them in a fixed
 * pre-order, so that the shrinker can number the places it may change and change one of them.
 */
final class Walk {
  /** Called on every expression; returns its replacement, or null to keep it and go inside. */
  interface ExprEdit {
    /**
     * @param fixed whether the node itself must stay as it is: an assignment target, or the
     *     expression of an expression statement (Java allows only some kinds there)
     */
    Expr apply(Expr e, boolean fixed);
  }

  /** Called on every block; returns its replacement, or null to keep it and go inside. */
  interface BlockEdit {
    List<Stmt> apply(List<Stmt> block);
  }

  private Walk() {}

  static Program exprs(Program p, ExprEdit edit) {
    List<Fn> fns = new ArrayList<>();
    for (Fn fn : p.fns()) {
      fns.add(fn.withBody(stmts(fn.body(), edit)));
    }
    return p.withFns(fns);
  }

  static Program blocks(Program p, BlockEdit edit) {
    List<Fn> fns = new ArrayList<>();
    for (Fn fn : p.fns()) {
      fns.add(fn.withBody(block(fn.body(), edit)));
    }
    return p.withFns(fns);
  }

  // ---- blocks -----------------------------------------------------------------------------

  private static List<Stmt> block(List<Stmt> body, BlockEdit edit) {
    if (body == null) {
      return null;
    }
    List<Stmt> replaced = edit.apply(body);
    if (replaced != null) {
      return replaced;
    }
    List<Stmt> out = new ArrayList<>();
    for (Stmt s : body) {
      out.add(nested(s, edit));
    }
    return out;
  }

  private static Stmt nested(Stmt s, BlockEdit edit) {
    // Blocks inside switch expressions first, in the order the expression walk visits them.
    s = stmt(s, inSwitchExpressions(edit), false);
    if (s instanceof Stmt.If i) {
      return new Stmt.If(i.condition(), block(i.then(), edit), block(i.otherwise(), edit));
    } else if (s instanceof Stmt.For f) {
      return new Stmt.For(f.label(), f.counter(), f.bound(), f.down(), block(f.body(), edit));
    } else if (s instanceof Stmt.ForEach f) {
      return new Stmt.ForEach(f.label(), f.element(), f.array(), block(f.body(), edit));
    } else if (s instanceof Stmt.While w) {
      return new Stmt.While(w.label(), w.guard(), w.max(), w.condition(), block(w.body(), edit),
          w.doWhile());
    } else if (s instanceof Stmt.Switch w) {
      List<Case> cases = new ArrayList<>();
      for (Case c : w.cases()) {
        cases.add(c.withBody(block(c.body(), edit)));
      }
      return new Stmt.Switch(w.selector(), w.arrow(), cases);
    }
    return s;
  }

  /**
   * An expression edit that applies {@code edit} to the case blocks of switch expressions and
   * leaves everything else alone.
   */
  private static ExprEdit inSwitchExpressions(BlockEdit edit) {
    return (e, fixed) -> {
      if (!(e instanceof Expr.Switch w)) {
        return null;
      }
      ExprEdit self = inSwitchExpressions(edit);
      List<Case> cases = new ArrayList<>();
      for (Case c : w.cases()) {
        cases.add(new Case(c.labels(), block(c.body(), edit),
            c.value() == null ? null : expr(c.value(), self, false)));
      }
      return new Expr.Switch(expr(w.selector(), self, false), w.arrow(), cases);
    };
  }

  // ---- expressions ------------------------------------------------------------------------

  private static List<Stmt> stmts(List<Stmt> body, ExprEdit edit) {
    if (body == null) {
      return null;
    }
    List<Stmt> out = new ArrayList<>();
    for (Stmt s : body) {
      out.add(stmt(s, edit));
    }
    return out;
  }

  private static Stmt stmt(Stmt s, ExprEdit edit) {
    return stmt(s, edit, true);
  }

  /** {@code deep}: also into nested blocks; else only the statement's own expressions. */
  private static Stmt stmt(Stmt s, ExprEdit edit, boolean deep) {
    if (s instanceof Stmt.Decl d) {
      return new Stmt.Decl(d.ty(), d.name(), expr(d.init(), edit, false));
    } else if (s instanceof Stmt.Eval e) {
      return new Stmt.Eval(expr(e.expr(), edit, true));
    } else if (s instanceof Stmt.If i) {
      return new Stmt.If(expr(i.condition(), edit, false), inner(i.then(), edit, deep),
          inner(i.otherwise(), edit, deep));
    } else if (s instanceof Stmt.For f) {
      return new Stmt.For(f.label(), f.counter(), expr(f.bound(), edit, false), f.down(),
          inner(f.body(), edit, deep));
    } else if (s instanceof Stmt.ForEach f) {
      return new Stmt.ForEach(f.label(), f.element(), f.array(), inner(f.body(), edit, deep));
    } else if (s instanceof Stmt.While w) {
      return new Stmt.While(w.label(), w.guard(), w.max(), expr(w.condition(), edit, false),
          inner(w.body(), edit, deep), w.doWhile());
    } else if (s instanceof Stmt.Switch w) {
      Expr selector = expr(w.selector(), edit, false);
      List<Case> cases = new ArrayList<>();
      for (Case c : w.cases()) {
        cases.add(c.withBody(inner(c.body(), edit, deep)));
      }
      return new Stmt.Switch(selector, w.arrow(), cases);
    } else if (s instanceof Stmt.Yield y) {
      return new Stmt.Yield(expr(y.value(), edit, false));
    } else if (s instanceof Stmt.Return r) {
      return new Stmt.Return(expr(r.value(), edit, false));
    }
    return s;
  }

  private static List<Stmt> inner(List<Stmt> body, ExprEdit edit, boolean deep) {
    return deep ? stmts(body, edit) : body;
  }

  private static Expr expr(Expr e, ExprEdit edit, boolean fixed) {
    Expr replaced = edit.apply(e, fixed);
    if (replaced != null) {
      return replaced;
    }
    if (e instanceof Expr.Bin b) {
      return new Expr.Bin(b.op(), expr(b.left(), edit, false), expr(b.right(), edit, false),
          b.ty());
    } else if (e instanceof Expr.Neg n) {
      return new Expr.Neg(expr(n.operand(), edit, false));
    } else if (e instanceof Expr.Not n) {
      return new Expr.Not(expr(n.operand(), edit, false));
    } else if (e instanceof Expr.MathCall m) {
      return new Expr.MathCall(m.fn(), list(m.args(), edit), m.ty());
    } else if (e instanceof Expr.ToInt t) {
      return new Expr.ToInt(expr(t.operand(), edit, false));
    } else if (e instanceof Expr.ToDouble t) {
      return new Expr.ToDouble(expr(t.operand(), edit, false), t.explicit());
    } else if (e instanceof Expr.Cond c) {
      return new Expr.Cond(expr(c.condition(), edit, false), expr(c.whenTrue(), edit, false),
          expr(c.whenFalse(), edit, false), c.ty());
    } else if (e instanceof Expr.Elem a) {
      return new Expr.Elem(a.array(), expr(a.index(), edit, false));
    } else if (e instanceof Expr.IntElem a) {
      return new Expr.IntElem(a.array(), expr(a.index(), edit, false));
    } else if (e instanceof Expr.Elem2 a) {
      return new Expr.Elem2(a.matrix(), expr(a.row(), edit, false), expr(a.col(), edit, false));
    } else if (e instanceof Expr.Row r) {
      return new Expr.Row(r.matrix(), expr(r.row(), edit, false));
    } else if (e instanceof Expr.Invoke c) {
      return new Expr.Invoke(c.method(), list(c.args(), edit));
    } else if (e instanceof Expr.Assign a) {
      return new Expr.Assign(expr(a.target(), edit, true), a.op(), expr(a.value(), edit, false));
    } else if (e instanceof Expr.Step s) {
      return new Expr.Step(expr(s.target(), edit, true), s.prefix(), s.up());
    } else if (e instanceof Expr.ArrayInit a) {
      return new Expr.ArrayInit(list(a.elements(), edit));
    } else if (e instanceof Expr.Switch w) {
      Expr selector = expr(w.selector(), edit, false);
      List<Case> cases = new ArrayList<>();
      for (Case c : w.cases()) {
        cases.add(new Case(c.labels(), stmts(c.body(), edit),
            c.value() == null ? null : expr(c.value(), edit, false)));
      }
      return new Expr.Switch(selector, w.arrow(), cases);
    }
    return e;
  }

  private static List<Expr> list(List<Expr> items, ExprEdit edit) {
    List<Expr> out = new ArrayList<>();
    for (Expr e : items) {
      out.add(expr(e, edit, false));
    }
    return out;
  }
}
