package dev.jgrad.processor.source;

import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import dev.jgrad.processor.ir.Callee;
import dev.jgrad.processor.ir.Type;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.Elements;

/** What jgrad knows about {@code @Differentiable} methods: their wrt lists and their callees. */
public final class Differentiables {
  public static final String ANNOTATION = "dev.jgrad.Differentiable";

  private final Elements elements;
  private final SourceReader sources;
  private final ArrayWrites writes;
  /** Methods with source that a differentiable method of this build calls. */
  private final Set<ExecutableElement> called = new HashSet<>();

  public Differentiables(Elements elements, SourceReader sources) {
    this.elements = elements;
    this.sources = sources;
    this.writes = new ArrayWrites(elements, sources, this);
  }

  public static boolean isAnnotated(ExecutableElement m) {
    return annotation(m) != null;
  }

  /** The names in {@code wrt}, as written (null entries never occur). */
  public static List<String> declaredWrt(ExecutableElement m) {
    List<String> names = new ArrayList<>();
    AnnotationMirror a = annotation(m);
    if (a == null) {
      return names;
    }
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e
        : a.getElementValues().entrySet()) {
      if (e.getKey().getSimpleName().contentEquals("wrt")) {
        Object v = e.getValue().getValue();
        if (v instanceof List) {
          for (Object item : (List<?>) v) {
            names.add(String.valueOf(((AnnotationValue) item).getValue()));
          }
        }
      }
    }
    return names;
  }

  /** The name of the hand-written backward rule, or null when jgrad derives it. */
  public static String backward(ExecutableElement m) {
    AnnotationMirror a = annotation(m);
    if (a == null) {
      return null;
    }
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e
        : a.getElementValues().entrySet()) {
      if (e.getKey().getSimpleName().contentEquals("backward")) {
        String name = String.valueOf(e.getValue().getValue());
        return name.isEmpty() ? null : name;
      }
    }
    return null;
  }

  /** The parameters the gradient is taken with respect to: wrt, or every differentiable one. */
  public static List<String> wrt(ExecutableElement m) {
    List<String> declared = declaredWrt(m);
    if (!declared.isEmpty()) {
      return declared;
    }
    List<String> all = new ArrayList<>();
    for (VariableElement p : m.getParameters()) {
      Type t = Type.fromJava(p.asType().toString());
      if (t != null && t.isDifferentiable()) {
        all.add(p.getSimpleName().toString());
      }
    }
    return all;
  }

  public static AnnotationMirror annotation(Element m) {
    for (AnnotationMirror a : m.getAnnotationMirrors()) {
      Element type = a.getAnnotationType().asElement();
      if (type instanceof TypeElement
          && ((TypeElement) type).getQualifiedName().contentEquals(ANNOTATION)) {
        return a;
      }
    }
    return null;
  }

  /** The generated class for {@code owner}: {@code FooGrad}, or {@code Outer_InnerGrad}. */
  public String gradName(TypeElement owner) {
    List<String> names = new ArrayList<>();
    Element e = owner;
    while (e instanceof TypeElement) {
      names.add(0, e.getSimpleName().toString());
      e = e.getEnclosingElement();
    }
    return String.join("_", names) + "Grad";
  }

  public String gradQualifiedName(TypeElement owner) {
    PackageElement pkg = elements.getPackageOf(owner);
    String simple = gradName(owner);
    return pkg.isUnnamed() ? simple : pkg.getQualifiedName() + "." + simple;
  }

  /**
   * The callee view of a differentiable method, for calls to it. A method compiled in this
   * build is read from its source; one from a class file (a library jar) through the
   * {@code @Pullback} its generated class carries. Null when that class cannot be found.
   */
  public Callee callee(ExecutableElement m) {
    TypeElement owner = (TypeElement) m.getEnclosingElement();
    List<Type> types = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (VariableElement p : m.getParameters()) {
      Type t = Type.fromJava(p.asType().toString());
      types.add(t == null ? Type.DOUBLE : t);
      names.add(p.getSimpleName().toString());
    }
    List<Boolean> wrt = new ArrayList<>();
    List<Boolean> writes;
    boolean source = hasSource(m);
    if (source) {
      List<String> wrtNames = wrt(m);
      names.forEach(n -> wrt.add(wrtNames.contains(n)));
      writes = writesArrays(m);
    } else {
      AnnotationMirror info = compiledPullback(owner, m);
      if (info == null) {
        return null;
      }
      List<Integer> wrtPositions = ints(info, "wrt");
      List<Integer> writePositions = ints(info, "writes");
      writes = new ArrayList<>();
      for (int k = 0; k < types.size(); k++) {
        wrt.add(wrtPositions.contains(k));
        writes.add(writePositions.contains(k));
      }
    }
    Type returned = Type.fromJava(m.getReturnType().toString());
    boolean split = source && called.contains(m) && backward(m) == null
        && returned == Type.DOUBLE && !writes.contains(true) && !reassignsArray(m)
        && !this.writes.aliasesParameter(m);
    return new Callee(owner.getQualifiedName().toString(), gradQualifiedName(owner),
        m.getSimpleName().toString(), types, names, wrt, writes,
        returned == null ? Type.DOUBLE : returned, split);
  }

  /**
   * Notes which differentiable methods the given ones call, before any code is written: a method
   * gets the split pair only if a method of the same build calls it (callers written in a later
   * round then find it noted already, as their callees were read in this one), so that a method
   * nobody calls keeps the single pullback a reader expects.
   */
  public void noteCalls(List<ExecutableElement> methods) {
    Set<ExecutableElement> round = new HashSet<>(methods);
    for (ExecutableElement m : methods) {
      SourceReader.Located src;
      try {
        src = sources.read(m);
      } catch (SourceReader.Unreadable e) {
        continue;
      }
      ElementResolver resolver = new ElementResolver(elements,
          (TypeElement) m.getEnclosingElement(), src.unit(), this);
      resolver.forEachCall(src.declaration(), (c, targets) -> {
        for (ExecutableElement target : targets) {
          // A method written in an earlier round has its class already: no split pair.
          if (round.contains(target)) {
            called.add(target);
          }
        }
      });
    }
  }

  /**
   * Whether the method assigns a new array to an array parameter: the adjoint of such a
   * parameter changes in the forward sweep, which the split pair cannot hand over (the caller's
   * buffer is not among the forward method's parameters).
   */
  private boolean reassignsArray(ExecutableElement m) {
    Set<String> arrays = new HashSet<>();
    for (VariableElement p : m.getParameters()) {
      if (!p.asType().getKind().isPrimitive()) {
        arrays.add(p.getSimpleName().toString());
      }
    }
    try {
      return sources.read(m).declaration().findFirst(AssignExpr.class, a ->
          a.getTarget() instanceof NameExpr
              && arrays.contains(((NameExpr) a.getTarget()).getNameAsString())).isPresent();
    } catch (SourceReader.Unreadable e) {
      return true;
    }
  }

  private boolean hasSource(ExecutableElement m) {
    try {
      sources.read(m);
      return true;
    } catch (SourceReader.Unreadable e) {
      return false;
    }
  }

  /** The {@code @Pullback} on {@code fPullback} in the compiled generated class, or null. */
  private AnnotationMirror compiledPullback(TypeElement owner, ExecutableElement m) {
    TypeElement grad = elements.getTypeElement(gradQualifiedName(owner));
    if (grad == null) {
      return null;
    }
    String name = m.getSimpleName() + "Pullback";
    for (Element e : grad.getEnclosedElements()) {
      if (e.getSimpleName().contentEquals(name)) {
        for (AnnotationMirror a : e.getAnnotationMirrors()) {
          Element type = a.getAnnotationType().asElement();
          if (((TypeElement) type).getQualifiedName().contentEquals("dev.jgrad.runtime.Pullback")) {
            return a;
          }
        }
      }
    }
    return null;
  }

  private static List<Integer> ints(AnnotationMirror a, String member) {
    List<Integer> out = new ArrayList<>();
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e
        : a.getElementValues().entrySet()) {
      if (e.getKey().getSimpleName().contentEquals(member)) {
        for (Object item : (List<?>) e.getValue().getValue()) {
          out.add((Integer) ((AnnotationValue) item).getValue());
        }
      }
    }
    return out;
  }

  /**
   * For each parameter, whether the method may write into it, through the methods it calls too
   * (see {@link ArrayWrites}). A method known only from a class file is assumed to write into
   * every array.
   */
  public List<Boolean> writesArrays(ExecutableElement m) {
    Set<String> written = writes.of(m);
    List<Boolean> out = new ArrayList<>();
    for (VariableElement p : m.getParameters()) {
      Type t = Type.fromJava(p.asType().toString());
      String name = p.getSimpleName().toString();
      out.add(t != null && t.isArray() && (written == null || written.contains(name)));
    }
    return out;
  }

  /**
   * Array parameters a method's own statements write into, element by element (not what the
   * methods it calls might do with them).
   */
  public static Set<String> elementWrites(MethodDeclaration d) {
    Set<String> params = new HashSet<>();
    for (Parameter p : d.getParameters()) {
      params.add(p.getNameAsString());
    }
    Set<String> out = new HashSet<>();
    d.walk(AssignExpr.class, a -> base(a.getTarget(), out, true));
    d.walk(UnaryExpr.class, u -> base(u.getExpression(), out, true));
    out.retainAll(params);
    return out;
  }

  private static void base(Expression e, Set<String> out, boolean elementOnly) {
    Expression cur = e;
    boolean indexed = false;
    while (cur instanceof ArrayAccessExpr) {
      cur = ((ArrayAccessExpr) cur).getName();
      indexed = true;
    }
    if (cur instanceof NameExpr && (indexed || !elementOnly)) {
      out.add(((NameExpr) cur).getNameAsString());
    }
  }
}
