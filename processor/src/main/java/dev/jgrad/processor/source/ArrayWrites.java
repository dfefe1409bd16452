package dev.jgrad.processor.source;

import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.ForEachStmt;
import dev.jgrad.processor.ir.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Which array parameters a method may write into, its callees included. A method that passes an
 * array on to another method writes into it only if that method does; methods with source in
 * this build are followed (recursion included, as a least fixed point over the methods that call
 * each other), a compiled {@code @Differentiable} method answers through its {@code @Pullback},
 * and any other call is assumed to write into every array it is given.
 *
 * <p>Knowing that a recursive method never writes its matrix spares a copy of that matrix at
 * every call, which for a determinant by minors is most of the gradient's cost.
 */
final class ArrayWrites {
  /** One call: its possible targets, and per argument the parameter it passes (or null). */
  private record Edge(List<ExecutableElement> targets, List<String> passed) {}

  /**
   * What a method's own code writes into (parameters and locals alike), which array variables
   * may hold which others' arrays, and the calls through which it may write more.
   */
  private record Summary(Set<String> direct, Map<String, Set<String>> aliases, List<Edge> edges) {
    /** Adds to {@code written} every variable whose array a written variable may be. */
    boolean close(Set<String> written) {
      boolean changed = false;
      boolean again = true;
      while (again) {
        again = false;
        for (Map.Entry<String, Set<String>> a : aliases.entrySet()) {
          if (written.contains(a.getKey()) && written.addAll(a.getValue())) {
            again = true;
            changed = true;
          }
        }
      }
      return changed;
    }
  }

  private final Elements elements;
  private final SourceReader sources;
  private final Differentiables differentiables;
  private final Map<ExecutableElement, Set<String>> known = new HashMap<>();
  private final Map<ExecutableElement, Summary> summaries = new HashMap<>();

  ArrayWrites(Elements elements, SourceReader sources, Differentiables differentiables) {
    this.elements = elements;
    this.sources = sources;
    this.differentiables = differentiables;
  }

  /** The parameters {@code m} may write into, or null when it has no source here. */
  Set<String> of(ExecutableElement m) {
    if (known.containsKey(m)) {
      return known.get(m);
    }
    Map<ExecutableElement, Summary> group = new LinkedHashMap<>();
    collect(m, group);
    Map<ExecutableElement, Set<String>> current = new HashMap<>();
    group.forEach((g, s) -> {
      Set<String> written = new HashSet<>(s.direct());
      s.close(written);
      current.put(g, written);
    });
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Map.Entry<ExecutableElement, Summary> e : group.entrySet()) {
        Set<String> written = current.get(e.getKey());
        changed |= e.getValue().close(written);
        for (Edge edge : e.getValue().edges()) {
          for (ExecutableElement target : edge.targets()) {
            List<Boolean> writes = writes(target, current);
            for (int k = 0; k < edge.passed().size(); k++) {
              String p = edge.passed().get(k);
              if (p != null && writes.get(k) && written.add(p)) {
                changed = true;
              }
            }
          }
        }
      }
    }
    // Only parameters matter to callers; a local of the same name as another's parameter
    // must not leak into the answer.
    group.forEach((g, s) -> {
      Set<String> params = new HashSet<>();
      g.getParameters().forEach(p -> params.add(p.getSimpleName().toString()));
      current.get(g).retainAll(params);
    });
    known.putAll(current);
    if (!known.containsKey(m)) {
      known.put(m, null);
    }
    return known.get(m);
  }

  /**
   * Whether a local array variable of {@code m} may hold one of its parameters' arrays (or a row
   * of one): its adjoint is then an alias of the caller's buffer, set in the forward sweep.
   */
  boolean aliasesParameter(ExecutableElement m) {
    SourceReader.Located src;
    try {
      src = sources.read(m);
    } catch (SourceReader.Unreadable e) {
      return true;
    }
    Set<String> params = new HashSet<>();
    m.getParameters().forEach(p -> params.add(p.getSimpleName().toString()));
    for (Map.Entry<String, Set<String>> a : summarise(m, src).aliases().entrySet()) {
      if (!params.contains(a.getKey()) && a.getValue().stream().anyMatch(params::contains)) {
        return true;
      }
    }
    return false;
  }

  /** Per parameter of {@code target}, whether it may be written, as far as is known now. */
  private List<Boolean> writes(ExecutableElement target, Map<ExecutableElement, Set<String>> now) {
    Set<String> names = now.containsKey(target) ? now.get(target) : known.get(target);
    List<Boolean> out = new ArrayList<>();
    for (var p : target.getParameters()) {
      // Unknown means written, for arrays: a copy too many is slow, one too few is wrong.
      out.add(names == null ? !p.asType().getKind().isPrimitive()
          : names.contains(p.getSimpleName().toString()));
    }
    return out;
  }

  /** Summarises {@code m} and every method with source it may call, transitively. */
  private void collect(ExecutableElement m, Map<ExecutableElement, Summary> group) {
    List<ExecutableElement> work = new ArrayList<>(List.of(m));
    while (!work.isEmpty()) {
      ExecutableElement next = work.remove(work.size() - 1);
      if (group.containsKey(next) || known.containsKey(next)) {
        continue;
      }
      SourceReader.Located src;
      try {
        src = sources.read(next);
      } catch (SourceReader.Unreadable e) {
        continue;
      }
      Summary s = summarise(next, src);
      group.put(next, s);
      s.edges().forEach(edge -> work.addAll(edge.targets()));
    }
  }

  /** A method's summary, made once: callers ask for it at every call site. */
  private Summary summarise(ExecutableElement m, SourceReader.Located src) {
    Summary known = summaries.get(m);
    if (known == null) {
      known = summary(m, src);
      summaries.put(m, known);
    }
    return known;
  }

  private Summary summary(ExecutableElement m, SourceReader.Located src) {
    MethodDeclaration d = src.declaration();
    Set<String> direct = new HashSet<>();
    d.walk(AssignExpr.class, a -> indexedBase(a.getTarget(), direct));
    d.walk(UnaryExpr.class, u -> indexedBase(u.getExpression(), direct));
    List<Edge> edges = new ArrayList<>();
    ElementResolver resolver = new ElementResolver(elements,
        (TypeElement) m.getEnclosingElement(), src.unit(), differentiables);
    resolver.forEachCall(d, (c, targets) -> {
      List<String> passed = new ArrayList<>();
      c.getArguments().forEach(arg -> passed.add(arrayBase(arg)));
      if (followable(targets)) {
        edges.add(new Edge(targets, passed));
      } else {
        // Unknown code may keep or write anything it is given.
        c.getArguments().forEach(arg -> aliases(arg, direct));
      }
    });
    // Writing through an array variable writes whatever arrays it may hold.
    Map<String, Set<String>> aliases = new HashMap<>();
    d.walk(VariableDeclarationExpr.class, v -> v.getVariables().forEach(x -> {
      if (x.getType().isArrayType()) {
        Set<String> held = aliases.computeIfAbsent(x.getNameAsString(), k -> new HashSet<>());
        x.getInitializer().ifPresent(init -> aliases(init, held));
      }
    }));
    d.walk(ForEachStmt.class, f -> {
      var variable = f.getVariable().getVariables().get(0);
      if (variable.getType().isArrayType()) {
        aliases(f.getIterable(),
            aliases.computeIfAbsent(variable.getNameAsString(), k -> new HashSet<>()));
      }
    });
    Set<String> arrayNames = new HashSet<>(aliases.keySet());
    d.getParameters().forEach(p -> {
      if (p.getType().isArrayType()) {
        arrayNames.add(p.getNameAsString());
      }
    });
    d.walk(AssignExpr.class, a -> {
      // Only array variables hold arrays: max = x[i] copies a number.
      if (a.getTarget() instanceof NameExpr
          && arrayNames.contains(((NameExpr) a.getTarget()).getNameAsString())) {
        aliases(a.getValue(), aliases.computeIfAbsent(
            ((NameExpr) a.getTarget()).getNameAsString(), k -> new HashSet<>()));
      }
    });
    return new Summary(direct, aliases, edges);
  }

  /** The variable an element write {@code a[i] = ...} or {@code m[i][j]++} writes into. */
  private static void indexedBase(Expression target, Set<String> out) {
    if (target instanceof ArrayAccessExpr) {
      String base = arrayBase(target);
      if (base != null) {
        out.add(base);
      }
    }
  }

  /**
   * Whether every target's writes can be known: it has source here or is a compiled
   * differentiable method, and it returns no array (which could be one of its arguments).
   */
  private boolean followable(List<ExecutableElement> targets) {
    if (targets.isEmpty()) {
      return false;
    }
    for (ExecutableElement t : targets) {
      Type returned = Type.fromJava(t.getReturnType().toString());
      if (returned != null && returned.isArray()) {
        return false;
      }
      boolean source;
      try {
        sources.read(t);
        source = true;
      } catch (SourceReader.Unreadable e) {
        source = false;
      }
      if (!source) {
        if (!Differentiables.isAnnotated(t) || differentiables.callee(t) == null) {
          return false;
        }
        known.putIfAbsent(t, compiledWrites(t));
      }
    }
    return true;
  }

  private Set<String> compiledWrites(ExecutableElement t) {
    List<Boolean> writes = differentiables.callee(t).writesArrays();
    Set<String> out = new HashSet<>();
    for (int k = 0; k < writes.size(); k++) {
      if (writes.get(k)) {
        out.add(t.getParameters().get(k).getSimpleName().toString());
      }
    }
    return out;
  }

  /** The variable whose array an argument passes (itself or a row of it), or null. */
  private static String arrayBase(Expression e) {
    Expression cur = e;
    while (cur instanceof ArrayAccessExpr || cur instanceof EnclosedExpr) {
      cur = cur instanceof EnclosedExpr ? ((EnclosedExpr) cur).getInner()
          : ((ArrayAccessExpr) cur).getName();
    }
    return cur instanceof NameExpr ? ((NameExpr) cur).getNameAsString() : null;
  }

  /** Adds every variable whose array {@code e} may evaluate to (or hold a row of). */
  private static void aliases(Expression e, Set<String> out) {
    if (e instanceof ConditionalExpr) {
      aliases(((ConditionalExpr) e).getThenExpr(), out);
      aliases(((ConditionalExpr) e).getElseExpr(), out);
    } else if (e instanceof CastExpr) {
      aliases(((CastExpr) e).getExpression(), out);
    } else if (e instanceof ArrayInitializerExpr) {
      ((ArrayInitializerExpr) e).getValues().forEach(v -> aliases(v, out));
    } else if (e instanceof AssignExpr) {
      aliases(((AssignExpr) e).getTarget(), out);
      aliases(((AssignExpr) e).getValue(), out);
    } else if (!(e instanceof UnaryExpr)) {
      String base = arrayBase(e);
      if (base != null) {
        out.add(base);
      }
    }
  }
}
