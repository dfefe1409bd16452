package dev.jgrad.processor.random;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether a program is valid Java of the generated shape: every name declared before use with
 * the right type, calls that match their method, jumps inside loops and last in their block,
 * methods that end with a return. The shrinker only compiles candidates that pass, so javac
 * errors in the user's code never pass for a fault.
 */
final class WellFormed {
  private final Program program;
  private final Map<String, Ty> vars = new HashMap<>();
  /**
   * The enclosing jump targets, innermost last: a loop's label (or "" without one), or {@link
   * #SWITCH} for a switch statement, which an unlabelled break leaves.
   */
  private List<String> loops = new ArrayList<>();
  /** For each enclosing switch statement, whether a break leaves it. */
  private final List<Boolean> broken = new ArrayList<>();
  /** How many switch expressions enclose the statement: return is out, yield is in. */
  private int yielding;
  /** The arrays the method created, which it may return. */
  private final Set<String> fresh = new HashSet<>();
  private Fn current;

  private static final String SWITCH = "#switch";

  private WellFormed(Program program) {
    this.program = program;
  }

  static boolean check(Program program) {
    try {
      WellFormed w = new WellFormed(program);
      for (Fn fn : program.fns()) {
        w.method(fn);
      }
      return true;
    } catch (IllegalStateException e) {
      return false;
    }
  }

  private static void require(boolean condition) {
    if (!condition) {
      throw new IllegalStateException();
    }
  }

  private void method(Fn fn) {
    vars.clear();
    loops.clear();
    broken.clear();
    yielding = 0;
    fresh.clear();
    current = fn;
    for (Fn.Param p : fn.params()) {
      vars.put(p.name(), p.ty());
    }
    for (String w : fn.wrt()) {
      require(vars.get(w) != null && vars.get(w).differentiable());
    }
    require(!fn.body().isEmpty() && fn.body().get(fn.body().size() - 1) instanceof Stmt.Return);
    // A rule is right only for the body it was written for.
    require(fn.rule() == null || fn.equals(fn.rule().helper(fn.name())));
    block(fn.body());
  }

  /** Checks a block; returns whether it can complete normally. */
  private boolean block(List<Stmt> body) {
    List<String> declared = new ArrayList<>();
    boolean completes = true;
    for (Stmt s : body) {
      require(completes);
      completes = stmt(s, declared);
    }
    declared.forEach(vars::remove);
    declared.forEach(fresh::remove);
    return completes;
  }

  private boolean stmt(Stmt s, List<String> declared) {
    if (s instanceof Stmt.Decl d) {
      require(d.init().ty() == d.ty());
      expr(d.init());
      declare(d.name(), d.ty(), declared);
      if (d.init() instanceof Expr.NewArray || d.init() instanceof Expr.ArrayInit
          || d.init() instanceof Expr.Var v && fresh.contains(v.name())) {
        fresh.add(d.name());
      }
    } else if (s instanceof Stmt.Eval e) {
      require(e.expr() instanceof Expr.Assign || e.expr() instanceof Expr.Step
          || e.expr() instanceof Expr.Invoke);
      expr(e.expr());
    } else if (s instanceof Stmt.If i) {
      bool(i.condition());
      boolean then = block(i.then());
      boolean otherwise = i.otherwise() == null || block(i.otherwise());
      return then || otherwise;
    } else if (s instanceof Stmt.For f) {
      require(f.bound().ty() == Ty.INT);
      expr(f.bound());
      loop(f.label(), List.of(f.counter()), Ty.INT, f.body());
    } else if (s instanceof Stmt.ForEach f) {
      require(vars.get(f.array()) == Ty.ARRAY);
      loop(f.label(), List.of(f.element()), Ty.DOUBLE, f.body());
    } else if (s instanceof Stmt.While w) {
      // The guard is declared in the enclosing block, before the loop.
      declare(w.guard(), Ty.INT, declared);
      bool(w.condition());
      loop(w.label(), List.of(), Ty.INT, w.body());
    } else if (s instanceof Stmt.Switch w) {
      return switchStatement(w);
    } else if (s instanceof Stmt.Yield y) {
      require(yielding > 0 && y.value().ty() == Ty.DOUBLE);
      expr(y.value());
      return false;
    } else if (s instanceof Stmt.Break b) {
      require(b.label() == null ? !loops.isEmpty() : loops.contains(b.label()));
      if (b.label() == null && loops.get(loops.size() - 1).equals(SWITCH)) {
        broken.set(broken.size() - 1, true);
      }
      return false;
    } else if (s instanceof Stmt.Continue c) {
      require(c.label() == null ? loops.stream().anyMatch(l -> !l.equals(SWITCH))
          : loops.contains(c.label()));
      return false;
    } else if (s instanceof Stmt.Return r) {
      require(yielding == 0);
      require(r.value().ty() == current.result());
      // jgrad refuses to return a parameter or an alias of one.
      require(r.value().ty() != Ty.ARRAY || r.value() instanceof Expr.ArrayInit
          || r.value() instanceof Expr.Var v && fresh.contains(v.name()));
      expr(r.value());
      return false;
    }
    return true;
  }

  private void declare(String name, Ty ty, List<String> declared) {
    require(!vars.containsKey(name));
    vars.put(name, ty);
    declared.add(name);
  }

  private void loop(String label, List<String> locals, Ty ty, List<Stmt> body) {
    require(label == null || !loops.contains(label));
    for (String l : locals) {
      require(!vars.containsKey(l));
      vars.put(l, ty);
    }
    loops.add(label == null ? "" : label);
    block(body);
    loops.remove(loops.size() - 1);
    locals.forEach(vars::remove);
  }

  /**
   * Checks a switch statement; returns whether it can complete normally: without a default, when
   * a break leaves it, or when its last old-style group (any arrow case) can.
   */
  private boolean switchStatement(Stmt.Switch w) {
    labels(w.selector(), w.cases());
    loops.add(SWITCH);
    broken.add(false);
    boolean completes = !w.cases().stream().anyMatch(Case::isDefault);
    for (int i = 0; i < w.cases().size(); i++) {
      Case c = w.cases().get(i);
      require(c.value() == null);
      boolean ends = block(c.body());
      completes |= ends && (w.arrow() || i == w.cases().size() - 1);
    }
    loops.remove(loops.size() - 1);
    return completes | broken.remove(broken.size() - 1);
  }

  /**
   * A switch expression: it has a default, and no case completes normally (each yields, or an
   * old-style group falls through to the next). No jump leaves it.
   */
  private void switchExpression(Expr.Switch w) {
    labels(w.selector(), w.cases());
    require(w.cases().stream().anyMatch(Case::isDefault));
    List<String> outer = loops;
    loops = new ArrayList<>();
    yielding++;
    for (int i = 0; i < w.cases().size(); i++) {
      Case c = w.cases().get(i);
      if (c.value() != null) {
        require(w.arrow() && c.body().isEmpty() && c.value().ty() == Ty.DOUBLE);
        expr(c.value());
      } else {
        boolean completes = block(c.body());
        require(!completes || !w.arrow() && i < w.cases().size() - 1);
      }
    }
    yielding--;
    loops = outer;
  }

  /** An int selector, distinct labels and at most one default. */
  private void labels(Expr selector, List<Case> cases) {
    require(selector.ty() == Ty.INT);
    expr(selector);
    Set<Integer> seen = new HashSet<>();
    int defaults = 0;
    for (Case c : cases) {
      defaults += c.isDefault() ? 1 : 0;
      for (int label : c.labels()) {
        require(seen.add(label));
      }
    }
    require(defaults <= 1 && !cases.isEmpty());
  }

  private void index(Expr e) {
    require(e.ty() == Ty.INT);
    expr(e);
  }

  private void bool(Expr e) {
    require(e.ty() == Ty.BOOL);
    expr(e);
  }

  private void expr(Expr e) {
    if (e instanceof Expr.Var v) {
      require(vars.get(v.name()) == v.ty());
    } else if (e instanceof Expr.Field f) {
      require(program.constants().stream()
          .anyMatch(c -> c.name().equals(f.name()) && c.ty() == f.ty()));
    } else if (e instanceof Expr.Elem a) {
      require(vars.get(a.array()) == Ty.ARRAY);
      require(a.index().ty() == Ty.INT);
      expr(a.index());
    } else if (e instanceof Expr.Length l) {
      Ty ty = vars.get(l.array());
      require(ty == Ty.ARRAY || ty == Ty.INTS || ty == Ty.MATRIX);
    } else if (e instanceof Expr.IntElem a) {
      require(vars.get(a.array()) == Ty.INTS);
      index(a.index());
    } else if (e instanceof Expr.Elem2 a) {
      require(vars.get(a.matrix()) == Ty.MATRIX);
      index(a.row());
      index(a.col());
    } else if (e instanceof Expr.Row r) {
      require(vars.get(r.matrix()) == Ty.MATRIX);
      index(r.row());
    } else if (e instanceof Expr.Bin b) {
      require(b.left().ty() == b.right().ty());
      expr(b.left());
      expr(b.right());
    } else if (e instanceof Expr.Neg n) {
      expr(n.operand());
    } else if (e instanceof Expr.Not n) {
      bool(n.operand());
    } else if (e instanceof Expr.MathCall m) {
      m.args().forEach(this::expr);
    } else if (e instanceof Expr.ToInt t) {
      require(t.operand().ty() == Ty.DOUBLE);
      expr(t.operand());
    } else if (e instanceof Expr.ToDouble t) {
      require(t.operand().ty() == Ty.INT);
      expr(t.operand());
    } else if (e instanceof Expr.Cond c) {
      bool(c.condition());
      require(c.whenTrue().ty() == c.ty() && c.whenFalse().ty() == c.ty());
      expr(c.whenTrue());
      expr(c.whenFalse());
    } else if (e instanceof Expr.Invoke c) {
      Fn callee = program.fns().stream().filter(f -> f.name().equals(c.method())).findFirst()
          .orElseThrow(IllegalStateException::new);
      require(callee.params().size() == c.args().size());
      for (int i = 0; i < c.args().size(); i++) {
        require(callee.params().get(i).ty() == c.args().get(i).ty());
        expr(c.args().get(i));
      }
    } else if (e instanceof Expr.Assign a) {
      require(a.target() instanceof Expr.Var || a.target() instanceof Expr.Elem
          || a.target() instanceof Expr.Elem2 || a.target() instanceof Expr.IntElem);
      require(a.value().ty() == a.target().ty());
      expr(a.target());
      expr(a.value());
    } else if (e instanceof Expr.Step s) {
      require(s.target() instanceof Expr.Var || s.target() instanceof Expr.Elem
          || s.target() instanceof Expr.Elem2);
      expr(s.target());
    } else if (e instanceof Expr.ArrayInit a) {
      a.elements().forEach(this::expr);
    } else if (e instanceof Expr.Switch w) {
      switchExpression(w);
    }
  }
}
