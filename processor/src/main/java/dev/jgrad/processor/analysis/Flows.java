package dev.jgrad.processor.analysis;

import dev.jgrad.processor.ir.Expr;
import dev.jgrad.processor.ir.Exprs;
import dev.jgrad.processor.ir.Stmt;
import dev.jgrad.processor.ir.Var;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Where a gradient can flow inside an expression: through arithmetic and smooth functions, but
 * not through indices, conditions, comparisons, casts to int or step functions.
 */
public final class Flows {
  private Flows() {}

  /** Math functions whose derivative is zero wherever it exists. */
  public static boolean isStep(String function) {
    switch (function) {
      case "floor":
      case "ceil":
      case "rint":
      case "signum":
        return true;
      default:
        return false;
    }
  }

  /** The variables a gradient of {@code e} would flow into. */
  public static Set<Var> sources(Expr e) {
    Set<Var> out = new LinkedHashSet<>();
    collect(e, out);
    return out;
  }

  public static boolean carries(Expr e, Set<Var> vars) {
    for (Var v : sources(e)) {
      if (vars.contains(v)) {
        return true;
      }
    }
    return false;
  }

  /** The caller's arrays a call may write into. */
  public static List<Var> writtenArrays(Stmt.Call c) {
    List<Var> out = new ArrayList<>();
    for (int k = 0; k < c.args().size(); k++) {
      if (c.callee().writesArrays().get(k)) {
        Var base = Exprs.base(c.args().get(k));
        if (base != null) {
          out.add(base);
        }
      }
    }
    return out;
  }

  private static void collect(Expr e, Set<Var> out) {
    if (!e.type().isDifferentiable()) {
      return;
    }
    if (e instanceof Expr.Read) {
      out.add(((Expr.Read) e).var());
    } else if (e instanceof Expr.Index) {
      Var base = Exprs.base(e);
      if (base != null) {
        out.add(base);
      }
    } else if (e instanceof Expr.Unary) {
      collect(((Expr.Unary) e).operand(), out);
    } else if (e instanceof Expr.Binary) {
      collect(((Expr.Binary) e).left(), out);
      collect(((Expr.Binary) e).right(), out);
    } else if (e instanceof Expr.Conditional) {
      collect(((Expr.Conditional) e).whenTrue(), out);
      collect(((Expr.Conditional) e).whenFalse(), out);
    } else if (e instanceof Expr.MathCall) {
      Expr.MathCall c = (Expr.MathCall) e;
      if (!isStep(c.function())) {
        c.args().forEach(a -> collect(a, out));
      }
    } else if (e instanceof Expr.ArrayLiteral) {
      ((Expr.ArrayLiteral) e).elements().forEach(a -> collect(a, out));
    }
  }
}
