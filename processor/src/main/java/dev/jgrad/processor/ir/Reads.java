package dev.jgrad.processor.ir;

import java.util.LinkedHashSet;
import java.util.Set;

/** The variables an expression reads. */
public final class Reads {
  private Reads() {}

  public static Set<Var> of(Expr e) {
    Set<Var> out = new LinkedHashSet<>();
    collect(e, out);
    return out;
  }

  public static void collect(Expr e, Set<Var> out) {
    Exprs.forEachChild(e, child -> collect(child, out));
    if (e instanceof Expr.Read) {
      out.add(((Expr.Read) e).var());
    }
  }
}
