package dev.jgrad.processor.analysis;

import dev.jgrad.processor.diag.Message;
import dev.jgrad.processor.diag.Problem;
import dev.jgrad.processor.ir.Expr;
import dev.jgrad.processor.ir.Exprs;
import dev.jgrad.processor.ir.Method;
import dev.jgrad.processor.ir.Stmt;
import dev.jgrad.processor.ir.Var;
import java.util.ArrayList;
import java.util.List;

/**
 * Refusals that need activity: places where a gradient would flow into something that cannot
 * pass it on. Each would otherwise be a silently wrong gradient.
 */
public final class Checks {
  private Checks() {}

  public static List<Problem> of(Method m) {
    Activity activity = Activity.of(m);
    List<Problem> problems = new ArrayList<>();
    if (m.result().type().isArray() && activity.aliases().touchesParameter(m.result())) {
      problems.add(Problem.atLine(lineOfReturn(m), Message.ARRAY_ALIAS,
          "the returned array may be a parameter or share its storage",
          "return a new array (copy into new double[n]), so the result and the arguments keep"
              + " separate gradients"));
    }
    for (Stmt s : Walk.flatten(m.body())) {
      if (s instanceof Stmt.Call) {
        call((Stmt.Call) s, activity, problems);
      } else if (s instanceof Stmt.Assign) {
        assign(m, (Stmt.Assign) s, activity, problems);
      }
    }
    return problems;
  }

  private static void call(Stmt.Call c, Activity activity, List<Problem> out) {
    for (int k = 0; k < c.args().size(); k++) {
      Expr arg = c.args().get(k);
      if (!c.callee().wrt().get(k) && carries(arg, activity)) {
        out.add(Problem.atLine(c.line(), Message.NOT_IN_WRT, describe(arg),
            c.callee().name(), c.callee().parameterNames().get(k)));
      }
    }
  }

  private static void assign(Method m, Stmt.Assign a, Activity activity, List<Problem> out) {
    if (a.value() instanceof Expr.PlainCall) {
      Expr.PlainCall call = (Expr.PlainCall) a.value();
      // An int or boolean result is piecewise constant: no gradient is lost through it.
      boolean real = call.type() == dev.jgrad.processor.ir.Type.DOUBLE;
      String shown = (call.owner() == null ? "" : simple(call.owner()) + ".") + call.method();
      if (real && call.args().stream().anyMatch(arg -> carries(arg, activity))) {
        out.add(Problem.atLine(a.line(), Message.NO_DERIVATIVE, shown + "(...)"));
      }
      // What a helper writes may depend on any argument: one that carries a gradient would
      // leave the written array depending on it, out of jgrad's sight.
      boolean anyVaried = call.args().stream().anyMatch(arg -> carries(arg, activity));
      for (int k = 0; k < call.args().size(); k++) {
        Var base = Exprs.base(call.args().get(k));
        if (call.writesArrays().get(k) && base != null
            && (anyVaried || activity.isVaried(base))) {
          out.add(Problem.atLine(a.line(), Message.HELPER_WRITES, shown, base.sourceName()));
        }
      }
      return;
    }
    if (!(a.target() instanceof Expr.Index) || !carries(a.value(), activity)) {
      return;
    }
    Var base = Exprs.base(a.target());
    for (Var member : activity.aliases().classOf(base)) {
      if (member.isParameter() && !m.wrt().contains(member)) {
        out.add(Problem.atLine(a.line(), Message.WRT_WRITE, base.sourceName(),
            member.sourceName(), member.sourceName()));
        return;
      }
    }
  }

  private static int lineOfReturn(Method m) {
    for (Stmt s : Walk.flatten(m.body())) {
      if (s instanceof Stmt.Assign && ((Stmt.Assign) s).target() instanceof Expr.Read
          && ((Expr.Read) ((Stmt.Assign) s).target()).var() == m.result()) {
        return s.line();
      }
    }
    return 0;
  }

  /** Whether a gradient could flow through {@code e}: it depends on a differentiated input. */
  private static boolean carries(Expr e, Activity activity) {
    for (Var v : Flows.sources(e)) {
      if (activity.isVaried(v)) {
        return true;
      }
    }
    return false;
  }

  private static String describe(Expr e) {
    Var base = Exprs.base(e);
    if (base != null && e instanceof Expr.Read) {
      return base.sourceName();
    }
    return new dev.jgrad.processor.reverse.Printer(null, new java.util.IdentityHashMap<>())
        .print(e);
  }

  private static String simple(String qualified) {
    return qualified.substring(qualified.lastIndexOf('.') + 1);
  }
}
