package dev.jgrad.processor.analysis;

import dev.jgrad.processor.ir.Expr;
import dev.jgrad.processor.ir.Exprs;
import dev.jgrad.processor.ir.Method;
import dev.jgrad.processor.ir.Stmt;
import dev.jgrad.processor.ir.Type;
import dev.jgrad.processor.ir.Var;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which variables get adjoints: those that depend on a differentiated parameter (varied) and
 * can reach the result or an array parameter's final contents (useful).
 *
 * <p>The analysis is flow-insensitive, which over-approximates: a variable is active if any of
 * its assignments is. That costs an adjoint that stays zero, never a wrong gradient. Array
 * variables that may share storage (one assigned from another, or a row of a matrix) form one
 * class and are active together, since their adjoints share storage too.
 */
public final class Activity {
  private final Set<Var> varied;
  private final Set<Var> active;
  private final Aliases aliases;

  private Activity(Set<Var> varied, Set<Var> active, Aliases aliases) {
    this.varied = varied;
    this.active = active;
    this.aliases = aliases;
  }

  public static Activity of(Method m) {
    List<Stmt> all = Walk.flatten(m.body());
    Aliases aliases = Aliases.of(m, all);
    Set<Var> varied = varied(m, all, aliases);
    Set<Var> useful = useful(m, all, aliases);
    Set<Var> active = new LinkedHashSet<>();
    for (Var v : varied) {
      if (useful.contains(v) && v.type().isDifferentiable()) {
        active.add(v);
      }
    }
    return new Activity(varied, active, aliases);
  }

  public boolean isActive(Var v) {
    return active.contains(v);
  }

  /** Whether {@code v} depends on a differentiated parameter, useful or not. */
  public boolean isVaried(Var v) {
    return varied.contains(v);
  }

  public Set<Var> active() {
    return active;
  }

  public Aliases aliases() {
    return aliases;
  }

  /** Whether a gradient can flow out of {@code e} into some active variable. */
  public boolean isActive(Expr e) {
    if (e.type() != Type.DOUBLE && !e.type().isArray()) {
      return false;
    }
    if (e instanceof Expr.Read) {
      return isActive(((Expr.Read) e).var());
    }
    if (e instanceof Expr.Index) {
      Var base = Exprs.base(e);
      return base != null && isActive(base) && e.type().isDifferentiable();
    }
    if (e instanceof Expr.Unary) {
      return isActive(((Expr.Unary) e).operand());
    }
    if (e instanceof Expr.Binary) {
      Expr.Binary b = (Expr.Binary) e;
      return isActive(b.left()) || isActive(b.right());
    }
    if (e instanceof Expr.Conditional) {
      Expr.Conditional c = (Expr.Conditional) e;
      return isActive(c.whenTrue()) || isActive(c.whenFalse());
    }
    if (e instanceof Expr.MathCall) {
      Expr.MathCall c = (Expr.MathCall) e;
      if (Flows.isStep(c.function())) {
        return false;
      }
      return c.args().stream().anyMatch(this::isActive);
    }
    if (e instanceof Expr.ArrayLiteral) {
      return ((Expr.ArrayLiteral) e).elements().stream().anyMatch(this::isActive);
    }
    return false;
  }

  private static Set<Var> varied(Method m, List<Stmt> all, Aliases aliases) {
    Set<Var> varied = new LinkedHashSet<>(m.wrt());
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Stmt s : all) {
        List<Var> targets = new ArrayList<>();
        boolean carries = false;
        if (s instanceof Stmt.Assign) {
          Stmt.Assign a = (Stmt.Assign) s;
          carries = Flows.carries(a.value(), varied);
          targets.add(Exprs.base(a.target()));
        } else if (s instanceof Stmt.Call) {
          Stmt.Call c = (Stmt.Call) s;
          carries = c.args().stream().anyMatch(x -> Flows.carries(x, varied));
          targets.add(c.result());
          targets.addAll(Flows.writtenArrays(c));
        }
        if (!carries) {
          continue;
        }
        for (Var t : targets) {
          if (t != null && t.type().isDifferentiable()) {
            for (Var member : aliases.classOf(t)) {
              changed |= varied.add(member);
            }
          }
        }
      }
      for (Var v : new ArrayList<>(varied)) {
        for (Var member : aliases.classOf(v)) {
          changed |= varied.add(member);
        }
      }
    }
    return varied;
  }

  private static Set<Var> useful(Method m, List<Stmt> all, Aliases aliases) {
    Set<Var> useful = new LinkedHashSet<>(aliases.classOf(m.result()));
    for (Var p : m.parameters()) {
      if (p.type().isArray()) {
        useful.addAll(aliases.classOf(p));
      }
    }
    // Usefulness flows from uses back to definitions: visiting the statements last first
    // settles straight-line code in one pass (forwards, it would take a pass per statement).
    List<Stmt> backwards = new ArrayList<>(all);
    java.util.Collections.reverse(backwards);
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Stmt s : backwards) {
        if (s instanceof Stmt.Assign) {
          Stmt.Assign a = (Stmt.Assign) s;
          Var target = Exprs.base(a.target());
          if (target != null && useful.contains(target)) {
            for (Var v : Flows.sources(a.value())) {
              for (Var member : aliases.classOf(v)) {
                changed |= useful.add(member);
              }
            }
          }
        } else if (s instanceof Stmt.Call) {
          Stmt.Call c = (Stmt.Call) s;
          boolean matters = c.result() != null && useful.contains(c.result())
              || Flows.writtenArrays(c).stream().anyMatch(useful::contains);
          if (matters) {
            for (Expr arg : c.args()) {
              for (Var v : Flows.sources(arg)) {
                for (Var member : aliases.classOf(v)) {
                  changed |= useful.add(member);
                }
              }
            }
          }
        }
      }
    }
    return useful;
  }
}
