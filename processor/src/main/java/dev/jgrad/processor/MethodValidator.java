package dev.jgrad.processor;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import dev.jgrad.processor.diag.Message;
import dev.jgrad.processor.diag.Problem;
import dev.jgrad.processor.ir.Type;
import dev.jgrad.processor.reverse.PullbackWriter;
import dev.jgrad.processor.source.Differentiables;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;

/**
 * Checks what javac's elements already say about an annotated method: modifiers, signature and
 * the {@code wrt} list. Problems point at the declaration or at its annotation.
 */
final class MethodValidator {
  private MethodValidator() {}

  static List<Problem> validate(ExecutableElement m, MethodDeclaration decl, String gradName) {
    List<Problem> out = new ArrayList<>();
    String name = m.getSimpleName().toString();
    // Point at the method's name: its declaration starts at the annotation, a line earlier.
    Node at = decl.getName();
    Node annotation = decl.getAnnotationByName("Differentiable")
        .map(a -> (Node) a).orElse(decl);
    if (!m.getModifiers().contains(Modifier.STATIC)) {
      out.add(Problem.of(at, Message.NOT_STATIC, name));
    }
    if (m.getModifiers().contains(Modifier.PRIVATE)) {
      out.add(Problem.of(at, Message.PRIVATE, name, gradName));
    }
    Type returned = Type.fromJava(m.getReturnType().toString());
    if (returned == null || !returned.isDifferentiable()) {
      out.add(Problem.of(at, Message.RETURN_TYPE, name, m.getReturnType()));
    }
    if (!m.getTypeParameters().isEmpty() || m.isVarArgs()) {
      out.add(Problem.of(at, Message.GENERIC_OR_VARARGS, name,
          m.isVarArgs() ? "varargs" : "generic"));
    }
    Map<String, Type> params = new HashMap<>();
    List<String> order = new ArrayList<>();
    Map<String, String> gradientNames = new HashMap<>();
    for (VariableElement p : m.getParameters()) {
      String pn = p.getSimpleName().toString();
      params.put(pn, Type.fromJava(p.asType().toString()));
      order.add(pn);
    }
    Set<String> seen = new HashSet<>();
    for (String w : Differentiables.declaredWrt(m)) {
      if (!seen.add(w)) {
        out.add(Problem.of(annotation, Message.WRT_DUPLICATE, w));
      } else if (!params.containsKey(w)) {
        out.add(Problem.of(annotation, Message.WRT_UNKNOWN, w, name, String.join(", ", order)));
      } else if (params.get(w) == null || !params.get(w).isDifferentiable()) {
        out.add(Problem.of(annotation, Message.WRT_NOT_DIFFERENTIABLE, w,
            m.getParameters().get(order.indexOf(w)).asType()));
      }
    }
    for (String w : new java.util.LinkedHashSet<>(Differentiables.wrt(m))) {
      String g = PullbackWriter.bufferName(w);
      String other = gradientNames.put(g, w);
      if (other != null) {
        out.add(Problem.of(at, Message.NAME_CLASH, name, g + " (" + other + ", " + w + ")"));
      }
    }
    return out;
  }
}
