package dev.jgrad.processor;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import dev.jgrad.processor.diag.Message;
import dev.jgrad.processor.diag.Problem;
import dev.jgrad.processor.ir.Type;
import dev.jgrad.processor.reverse.PullbackWriter;
import dev.jgrad.processor.source.Differentiables;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;

/**
 * Checks a hand-written backward rule against the method it stands for. The expected signature
 * is spelled out in every message, since a rule is written once and read rarely.
 */
final class RuleValidator {
  private RuleValidator() {}

  static List<Problem> validate(TypeElement owner, ExecutableElement m, MethodDeclaration decl,
      String rule) {
    List<Problem> out = new ArrayList<>();
    Node at = decl.getAnnotationByName("Differentiable").map(a -> (Node) a).orElse(decl);
    String method = m.getSimpleName().toString();
    String expected = expected(m, rule, true);
    List<ExecutableElement> found = new ArrayList<>();
    for (ExecutableElement e : ElementFilter.methodsIn(owner.getEnclosedElements())) {
      if (e.getSimpleName().contentEquals(rule)) {
        found.add(e);
      }
    }
    if (found.size() != 1) {
      out.add(Problem.of(at, Message.RULE, rule, method,
          found.isEmpty() ? "there is no such method in " + owner.getSimpleName()
              : "there are " + found.size() + " methods of that name", expected));
      return out;
    }
    ExecutableElement r = found.get(0);
    if (!r.getModifiers().contains(Modifier.STATIC) || r.getModifiers().contains(Modifier.PRIVATE)) {
      out.add(Problem.of(at, Message.RULE, rule, method, "it is not static, or is private",
          expected));
    } else if (!signature(r).equals(expected(m, rule, false))) {
      out.add(Problem.of(at, Message.RULE, rule, method, "it is declared as " + signature(r),
          expected));
    }
    if (!Differentiables.elementWrites(decl).isEmpty()) {
      out.add(Problem.of(at, Message.RULE, rule, method, method + " writes into its array"
          + " arguments, which a rule cannot see; copy them first", expected));
    }
    return out;
  }

  /** {@code double fBackward(double x, double out, double upstream)}, or the buffer form. */
  private static String expected(ExecutableElement m, String rule, boolean named) {
    List<String> wrt = Differentiables.wrt(m);
    String result = m.getReturnType().toString();
    List<String> params = new ArrayList<>();
    for (VariableElement p : m.getParameters()) {
      params.add(p.asType() + (named ? " " + p.getSimpleName() : ""));
    }
    params.add(result + (named ? " out" : ""));
    params.add(result + (named ? " upstream" : ""));
    boolean single = wrt.size() == 1 && typeOf(m, wrt.get(0)) == Type.DOUBLE;
    if (!single) {
      for (String w : wrt) {
        Type t = typeOf(m, w);
        params.add((t == Type.DOUBLE ? "double[]" : t.javaName())
            + (named ? " " + PullbackWriter.bufferName(w) : ""));
      }
    }
    return (single ? "double " : "void ") + rule + "(" + String.join(", ", params) + ")";
  }

  /** The signature in the form {@link #expected} uses (parameter names may differ). */
  private static String signature(ExecutableElement r) {
    List<String> params = new ArrayList<>();
    for (VariableElement p : r.getParameters()) {
      params.add(p.asType().toString());
    }
    return r.getReturnType() + " " + r.getSimpleName() + "(" + String.join(", ", params) + ")";
  }

  private static Type typeOf(ExecutableElement m, String name) {
    for (VariableElement p : m.getParameters()) {
      if (p.getSimpleName().contentEquals(name)) {
        return Type.fromJava(p.asType().toString());
      }
    }
    return null;
  }
}
