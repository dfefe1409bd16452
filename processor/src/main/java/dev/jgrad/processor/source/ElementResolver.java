package dev.jgrad.processor.source;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.MethodCallExpr;
import dev.jgrad.processor.diag.Message;
import dev.jgrad.processor.ir.Callee;
import dev.jgrad.processor.ir.Expr;
import dev.jgrad.processor.ir.Type;
import dev.jgrad.processor.lower.Resolver;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Answers lowering's questions about names outside the method from javac's elements: constants
 * by their value (so private ones work too), and called methods by their signature.
 */
public final class ElementResolver implements Resolver {
  private final Elements elements;
  private final TypeElement owner;
  private final CompilationUnit unit;
  private final Differentiables differentiables;

  public ElementResolver(Elements elements, TypeElement owner, CompilationUnit unit,
      Differentiables differentiables) {
    this.elements = elements;
    this.owner = owner;
    this.unit = unit;
    this.differentiables = differentiables;
  }

  @Override
  public FieldLookup field(String qualifier, String name) {
    for (TypeElement type : scopes(qualifier, name)) {
      for (VariableElement f : ElementFilter.fieldsIn(elements.getAllMembers(type))) {
        if (f.getSimpleName().contentEquals(name)) {
          return field((TypeElement) f.getEnclosingElement(), f);
        }
      }
    }
    return null;
  }

  @Override
  public String staticImport(String name) {
    for (ImportDeclaration i : unit.getImports()) {
      if (!i.isStatic()) {
        continue;
      }
      String imported = i.getNameAsString();
      if (i.isAsterisk()) {
        TypeElement t = elements.getTypeElement(imported);
        if (t != null && hasMember(t, name)) {
          return imported;
        }
      } else if (imported.endsWith("." + name)) {
        return imported.substring(0, imported.length() - name.length() - 1);
      }
    }
    return null;
  }

  /**
   * Where a name is looked up, in Java's order: the named type; or the class itself with what
   * it inherits, then each enclosing class, then static imports.
   */
  private List<TypeElement> scopes(String qualifier, String name) {
    List<TypeElement> out = new ArrayList<>();
    if (qualifier != null) {
      TypeElement t = type(qualifier);
      if (t != null) {
        out.add(t);
      }
      return out;
    }
    for (Element e = owner; e instanceof TypeElement; e = e.getEnclosingElement()) {
      out.add((TypeElement) e);
    }
    String imported = staticImport(name);
    if (imported != null && elements.getTypeElement(imported) != null) {
      out.add(elements.getTypeElement(imported));
    }
    return out;
  }

  @Override
  public boolean declaresMethod(String name) {
    for (Element e = owner; e instanceof TypeElement; e = e.getEnclosingElement()) {
      for (ExecutableElement m : ElementFilter.methodsIn(elements.getAllMembers((TypeElement) e))) {
        if (m.getSimpleName().contentEquals(name)) {
          return true;
        }
      }
    }
    return false;
  }

  private boolean hasMember(TypeElement t, String name) {
    for (Element e : elements.getAllMembers(t)) {
      if (e.getSimpleName().contentEquals(name) && e.getModifiers().contains(Modifier.STATIC)) {
        return true;
      }
    }
    return false;
  }

  private FieldLookup field(TypeElement type, VariableElement f) {
    String shown = type.getSimpleName() + "." + f.getSimpleName();
    Set<Modifier> mods = f.getModifiers();
    if (!mods.contains(Modifier.STATIC) || !mods.contains(Modifier.FINAL)) {
      return new FieldLookup(null, Message.MUTABLE_STATIC, shown);
    }
    Type t = Types.of(f.asType());
    if (t == null || t.isArray()) {
      return new FieldLookup(null, Message.FIELD_TYPE, shown + " (" + f.asType() + ")");
    }
    Object value = f.getConstantValue();
    if (value != null) {
      return new FieldLookup(new Expr.Constant(literal(value), t, false), null, null);
    }
    if (!reachable(f)) {
      return new FieldLookup(null, Message.FIELD_ACCESS, shown);
    }
    String text = type.getQualifiedName() + "." + f.getSimpleName();
    return new FieldLookup(new Expr.Constant(text, t, true), null, null);
  }

  /**
   * Each method call in {@code body} other than {@code Math}'s, with the methods it may reach
   * (see {@link #candidates}; empty when its name does not resolve here).
   */
  public void forEachCall(Node body,
      BiConsumer<MethodCallExpr, List<ExecutableElement>> action) {
    body.walk(MethodCallExpr.class, c -> {
      String qualifier = c.getScope().map(Object::toString).orElse(null);
      // Math's own members are many, and none of them is a differentiable method.
      if (!"Math".equals(qualifier) && !"StrictMath".equals(qualifier)) {
        action.accept(c, candidates(qualifier, c.getNameAsString(), c.getArguments().size()));
      }
    });
  }

  /**
   * Every static method a call {@code qualifier.name(...)} with {@code arity} arguments may
   * reach, overloads included; empty when the name does not resolve here.
   */
  public List<ExecutableElement> candidates(String qualifier, String name, int arity) {
    List<ExecutableElement> out = new ArrayList<>();
    for (TypeElement scope : scopes(qualifier, name)) {
      for (ExecutableElement m : ElementFilter.methodsIn(elements.getAllMembers(scope))) {
        if (m.getSimpleName().contentEquals(name)) {
          out.add(m);
        }
      }
      if (!out.isEmpty()) {
        // Java looks no further than the innermost class that has a method of that name.
        break;
      }
    }
    out.removeIf(m -> m.getParameters().size() != arity && !m.isVarArgs());
    return out;
  }

  @Override
  public CallLookup method(String qualifier, String name, List<Type> argumentTypes) {
    ExecutableElement best = null;
    TypeElement type = null;
    for (TypeElement scope : scopes(qualifier, name)) {
      for (ExecutableElement m : ElementFilter.methodsIn(elements.getAllMembers(scope))) {
        if (m.getSimpleName().contentEquals(name) && accepts(m, argumentTypes)) {
          if (best == null || exact(m, argumentTypes)) {
            best = m;
            type = (TypeElement) m.getEnclosingElement();
          }
        }
      }
      if (best != null) {
        break;
      }
    }
    if (best == null) {
      return null;
    }
    String shown = type.getSimpleName() + "." + name;
    if (!best.getModifiers().contains(Modifier.STATIC)) {
      return new CallLookup(null, null, null, null, shown + " is an instance method; jgrad can call"
          + " only static methods");
    }
    if (best.getModifiers().contains(Modifier.PRIVATE) && type != owner) {
      return new CallLookup(null, null, null, null, shown + " is private to another class");
    }
    if (Differentiables.isAnnotated(best)) {
      Callee callee = differentiables.callee(best);
      if (callee == null) {
        return new CallLookup(null, null, null, null, shown + " is @Differentiable, but its"
            + " generated class " + differentiables.gradQualifiedName(type) + " is not on the"
            + " classpath; compile that library with the jgrad processor");
      }
      return new CallLookup(callee, null, null, null, null);
    }
    if (!reachable(best)) {
      return new CallLookup(null, null, null, null, shown + " is private (or in a private"
          + " class), so the generated class cannot call it; make it package-private");
    }
    Type ret = Types.of(best.getReturnType());
    if (ret == null || ret.isArray()) {
      return new CallLookup(null, null, null, null, shown + " returns "
          + best.getReturnType() + "; a helper without a derivative may return only"
          + " double, int or boolean");
    }
    return new CallLookup(null, type.getQualifiedName().toString(), ret,
        differentiables.writesArrays(best), null);
  }

  /** Whether the generated class, in the same package, can name {@code e}. */
  private static boolean reachable(Element e) {
    for (Element cur = e; cur instanceof TypeElement || cur == e; cur = cur.getEnclosingElement()) {
      if (cur.getModifiers().contains(Modifier.PRIVATE)) {
        return false;
      }
    }
    return true;
  }

  private static boolean accepts(ExecutableElement m, List<Type> args) {
    if (m.getParameters().size() != args.size() || m.isVarArgs()) {
      return false;
    }
    for (int k = 0; k < args.size(); k++) {
      Type p = Types.of(m.getParameters().get(k).asType());
      Type a = args.get(k);
      if (p == null || !(p == a || p == Type.DOUBLE && a == Type.INT)) {
        return false;
      }
    }
    return true;
  }

  private static boolean exact(ExecutableElement m, List<Type> args) {
    for (int k = 0; k < args.size(); k++) {
      if (Types.of(m.getParameters().get(k).asType()) != args.get(k)) {
        return false;
      }
    }
    return true;
  }

  /** Resolves a type name as Java would: nested, imported, same package, java.lang, full. */
  private TypeElement type(String name) {
    List<String> candidates = new ArrayList<>();
    for (Element e = owner; e instanceof TypeElement; e = e.getEnclosingElement()) {
      candidates.add(((TypeElement) e).getQualifiedName() + "." + name);
      if (((TypeElement) e).getSimpleName().contentEquals(name)) {
        candidates.add(((TypeElement) e).getQualifiedName().toString());
      }
    }
    String first = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
    String rest = name.substring(first.length());
    for (ImportDeclaration i : unit.getImports()) {
      if (i.isStatic()) {
        continue;
      }
      String imported = i.getNameAsString();
      if (i.isAsterisk()) {
        candidates.add(imported + "." + name);
      } else if (imported.endsWith("." + first) || imported.equals(first)) {
        candidates.add(imported + rest);
      }
    }
    PackageElement pkg = elements.getPackageOf(owner);
    if (!pkg.isUnnamed()) {
      candidates.add(pkg.getQualifiedName() + "." + name);
    } else {
      candidates.add(name);
    }
    candidates.add("java.lang." + name);
    candidates.add(name);
    for (String c : candidates) {
      TypeElement t = elements.getTypeElement(c);
      if (t != null && t.getKind() != ElementKind.ANNOTATION_TYPE) {
        return t;
      }
    }
    return null;
  }

  private static String literal(Object value) {
    if (value instanceof Double) {
      double d = (Double) value;
      if (Double.isNaN(d)) {
        return "Double.NaN";
      }
      if (Double.isInfinite(d)) {
        return d > 0 ? "Double.POSITIVE_INFINITY" : "Double.NEGATIVE_INFINITY";
      }
      return Double.toString(d);
    }
    return String.valueOf(value);
  }

  /** Maps javac types to the subset's types. */
  static final class Types {
    private Types() {}

    static Type of(TypeMirror t) {
      return Type.fromJava(t.toString());
    }
  }
}
