package dev.jgrad.processor;

import com.github.javaparser.ast.Node;
import dev.jgrad.processor.diag.Message;
import dev.jgrad.processor.diag.Problem;
import dev.jgrad.processor.emit.FunctionWriter;
import dev.jgrad.processor.emit.GradClassWriter;
import dev.jgrad.processor.source.SourceReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;

/**
 * Problems of a class's differentiable methods taken together: overloads, names that would
 * clash in the generated class, and classes the generated class cannot reach.
 */
final class ClassChecks {
  private ClassChecks() {}

  static Map<ExecutableElement, List<Problem>> of(TypeElement owner,
      List<ExecutableElement> methods, String gradName, SourceReader sources) {
    Map<ExecutableElement, List<Problem>> out = new LinkedHashMap<>();
    String unreachable = unreachable(owner);
    Map<String, ExecutableElement> generated = new HashMap<>();
    for (ExecutableElement m : methods) {
      List<Problem> problems = new ArrayList<>();
      Node at = nameOf(m, sources);
      if (unreachable != null) {
        problems.add(Problem.of(at, Message.CLASS_ACCESS, m.getSimpleName(), unreachable,
            gradName));
      }
      for (String member : generatedNames(m.getSimpleName().toString())) {
        ExecutableElement other = generated.putIfAbsent(member, m);
        if (other == null) {
          continue;
        }
        if (other.getSimpleName().equals(m.getSimpleName())) {
          problems.add(Problem.of(at, Message.OVERLOADED, m.getSimpleName()));
          out.computeIfAbsent(other, k -> new ArrayList<>())
              .add(Problem.of(nameOf(other, sources), Message.OVERLOADED, m.getSimpleName()));
        } else {
          problems.add(Problem.of(at, Message.GENERATED_NAME_CLASH, other.getSimpleName(),
              m.getSimpleName(), member, gradName));
        }
        break;
      }
      out.computeIfAbsent(m, k -> new ArrayList<>()).addAll(problems);
    }
    return out;
  }

  /** The members {@code f} adds to the generated class. */
  private static List<String> generatedNames(String f) {
    return List.of(f, GradClassWriter.recordName(f), f + "Pullback", f + "Adjoint",
        f + "Function", FunctionWriter.constantName(f) + "_FUNCTION");
  }

  /** Why the generated class cannot reach {@code owner}, or null if it can. */
  private static String unreachable(TypeElement owner) {
    if (owner.getNestingKind() == NestingKind.LOCAL
        || owner.getNestingKind() == NestingKind.ANONYMOUS) {
      return "a local or anonymous class";
    }
    for (Element e = owner; e instanceof TypeElement; e = e.getEnclosingElement()) {
      if (e.getModifiers().contains(Modifier.PRIVATE)) {
        return "the private class " + e.getSimpleName();
      }
    }
    return null;
  }

  private static Node nameOf(ExecutableElement m, SourceReader sources) {
    try {
      return sources.read(m).declaration().getName();
    } catch (SourceReader.Unreadable e) {
      return null;
    }
  }
}
