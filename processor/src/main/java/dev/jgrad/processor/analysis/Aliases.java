package dev.jgrad.processor.analysis;

import dev.jgrad.processor.ir.Expr;
import dev.jgrad.processor.ir.Exprs;
import dev.jgrad.processor.ir.Method;
import dev.jgrad.processor.ir.Stmt;
import dev.jgrad.processor.ir.Var;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Array variables that may share storage: {@code b = a} and {@code row = m[i]} put both sides in
 * one class. A class that holds a parameter may alias the caller's arrays.
 *
 * <p>Two parameters stay in separate classes although a caller may pass the same array (or a
 * matrix and one of its rows) for both: the save analysis keeps every parameter's writes saved
 * for the whole method, which covers it, and {@link FullWrites} never counts a parameter.
 */
public final class Aliases {
  private final Map<Var, Var> parent = new HashMap<>();
  private final Map<Var, List<Var>> classes = new LinkedHashMap<>();

  static Aliases of(Method m, List<Stmt> all) {
    Aliases a = new Aliases();
    for (Var p : m.parameters()) {
      a.add(p);
    }
    for (Var v : m.locals()) {
      a.add(v);
    }
    for (Stmt s : all) {
      if (s instanceof Stmt.Assign) {
        Stmt.Assign as = (Stmt.Assign) s;
        if (as.target().type().isArray() && as.target() instanceof Expr.Read) {
          Var source = as.value() instanceof Expr.Read || as.value() instanceof Expr.Index
              ? Exprs.base(as.value()) : null;
          if (source != null) {
            a.union(((Expr.Read) as.target()).var(), source);
          }
        }
      }
    }
    a.buildClasses(m);
    return a;
  }

  /** The variables that may share storage with {@code v}, {@code v} included. */
  public List<Var> classOf(Var v) {
    List<Var> c = classes.get(find(v));
    return c == null ? List.of(v) : c;
  }

  /** Whether {@code v} may share storage with a parameter (and so with the caller's data). */
  public boolean touchesParameter(Var v) {
    return classOf(v).stream().anyMatch(Var::isParameter);
  }

  private void add(Var v) {
    parent.putIfAbsent(v, v);
  }

  private Var find(Var v) {
    Var p = parent.getOrDefault(v, v);
    if (p == v) {
      return v;
    }
    Var root = find(p);
    parent.put(v, root);
    return root;
  }

  private void union(Var a, Var b) {
    Var ra = find(a);
    Var rb = find(b);
    if (ra != rb) {
      parent.put(rb, ra);
    }
  }

  private void buildClasses(Method m) {
    List<Var> order = new ArrayList<>(m.parameters());
    order.addAll(m.locals());
    for (Var v : order) {
      if (v.type().isArray()) {
        classes.computeIfAbsent(find(v), k -> new ArrayList<>()).add(v);
      }
    }
  }
}
