package dev.jgrad.processor.emit;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.jgrad.processor.ir.Method;
import dev.jgrad.processor.ir.Type;
import dev.jgrad.processor.ir.Var;
import dev.jgrad.processor.lower.Names;
import dev.jgrad.processor.reverse.PullbackWriter;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code FooGrad}: for each differentiable method {@code f} of {@code Foo}, a record
 * {@code F} of the value and gradient, {@code f(...)} that returns one, {@code fPullback(...)}
 * that adds into caller-owned buffers, and {@code fFunction()} for the gradient checker.
 */
public final class GradClassWriter {
  static final String RUNTIME = "dev.jgrad.runtime";
  static final ClassName GRADIENT = ClassName.get(RUNTIME, "Gradient");
  static final ClassName FUNCTION = ClassName.get(RUNTIME, "DifferentiableFunction");
  static final ClassName VJP = ClassName.get(RUNTIME, "VectorJacobianProduct");
  static final ClassName VECTOR_FUNCTION = ClassName.get(RUNTIME, "VectorFunction");

  /**
   * One method to write: its IR, how javadoc and code refer to the user's method, and which of
   * its parameters it may write into.
   */
  public record Entry(Method method, String javadocLink, List<Boolean> writesArrays,
      String rule, boolean split) {
    /** Whether it writes into an array it differentiates: then it gets a separate adjoint. */
    boolean needsAdjoint() {
      for (int k = 0; k < method.parameters().size(); k++) {
        if (writesArrays.get(k) && method.wrt().contains(method.parameters().get(k))) {
          return true;
        }
      }
      return false;
    }
  }

  /**
   * The class to write.
   *
   * @param packageName the user's package
   * @param gradName the generated class's simple name
   * @param owner the user's class
   * @param entries the methods, in source order
   * @param origin the user's class element, so incremental builds know where the file came from
   */
  public record Target(String packageName, String gradName, ClassName owner,
      List<Entry> entries, javax.lang.model.element.Element origin) {}

  private GradClassWriter() {}

  public static JavaFile write(Target t, String processorName) {
    TypeSpec.Builder type = TypeSpec.classBuilder(t.gradName())
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addAnnotation(AnnotationSpec.builder(ClassName.get("javax.annotation.processing",
            "Generated")).addMember("value", "$S", processorName).build())
        .addJavadoc("Gradients of the {@code @Differentiable} methods of {@link $T}, written by"
            + " jgrad.\n\n<p>Each method {@code f} has a record {@code F} of its value and"
            + " gradient, {@code f(...)} that\nreturns one, and {@code fPullback(...)} that adds"
            + " {@code upstream} times the gradient into\ncaller-owned buffers. Generated code:"
            + " do not edit.\n", t.owner())
        .addOriginatingElement(t.origin())
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    for (Entry e : t.entries()) {
      ClassName self = ClassName.get(t.packageName(), t.gradName());
      Names names = new Names();
      PullbackWriter.Signature sig = PullbackWriter.signature(e.method(), names);
      String recordName = recordName(e.method().name());
      ClassName record = self.nestedClass(recordName);
      type.addType(RecordWriter.record(e, record));
      type.addMethod(topLevel(e, record, sig));
      if (e.needsAdjoint()) {
        type.addMethod(AdjointWriter.wrapper(e, sig));
        type.addMethod(core(e, sig, names, t.owner(), e.method().name() + "Adjoint",
            AdjointWriter.javadoc(e)));
      } else if (e.split()) {
        type.addMethod(SplitWriter.wrapper(e, sig).toBuilder()
            .addJavadoc(pullbackJavadoc(e, sig)).addAnnotation(pullbackInfo(e)).build());
        SplitWriter.pair(e, sig, names, String.join(".", t.owner().simpleNames()))
            .forEach(type::addMethod);
      } else {
        type.addMethod(core(e, sig, names, t.owner(), e.method().name() + "Pullback",
            pullbackJavadoc(e, sig)).toBuilder().addAnnotation(pullbackInfo(e)).build());
      }
      FunctionWriter.add(type, e, t.owner(), self);
    }
    return JavaFile.builder(t.packageName(), type.build())
        .skipJavaLangImports(true)
        .indent("    ")
        .build();
  }

  /** {@code f} gives {@code F}: the record named after the method. */
  public static String recordName(String method) {
    return Character.toUpperCase(method.charAt(0)) + method.substring(1);
  }

  static TypeName typeName(Type t) {
    switch (t) {
      case DOUBLE:
        return TypeName.DOUBLE;
      case INT:
        return TypeName.INT;
      case BOOLEAN:
        return TypeName.BOOLEAN;
      case DOUBLE_ARRAY:
        return TypeName.get(double[].class);
      case DOUBLE_MATRIX:
        return TypeName.get(double[][].class);
      default:
        return TypeName.get(int[].class);
    }
  }

  private static MethodSpec topLevel(Entry e, ClassName record, PullbackWriter.Signature sig) {
    Method m = e.method();
    MethodSpec.Builder b = MethodSpec.methodBuilder(m.name())
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(record)
        .addJavadoc(m.result().type().isArray()
            ? CodeBlock.of("Value of {@link $L} and the product of {@code $L} with its Jacobian"
                + " at the given\npoint (the gradient of {@code <$L, f(...)>}); {@code $L} has the"
                + " result's shape.\n", e.javadocLink(), sig.upstream(), sig.upstream(),
                sig.upstream())
            : CodeBlock.of("Value and gradient of {@link $L} at the given point.\n",
                e.javadocLink()));
    Names names = wrapperNames(m, sig);
    for (Var p : m.parameters()) {
      b.addParameter(ParameterSpec.builder(typeName(p.type()), p.name()).build());
    }
    boolean vector = m.result().type().isArray();
    if (vector) {
      b.addParameter(typeName(m.result().type()), sig.upstream());
    }
    CodeBlock.Builder body = CodeBlock.builder();
    List<Var> wrt = m.wrt();
    for (int k = 0; k < wrt.size(); k++) {
      Var p = wrt.get(k);
      String buffer = sig.buffers().get(k);
      CodeBlock fresh = fresh(p);
      int shared = sharedBuffer(wrt, k);
      if (shared >= 0) {
        body.addStatement("$T $L = $L == $L ? $L : $L", typeName(bufferType(p)), buffer,
            p.name(), wrt.get(shared).name(), sig.buffers().get(shared), fresh);
      } else {
        body.addStatement("$T $L = $L", typeName(bufferType(p)), buffer, fresh);
      }
    }
    String value = names.fresh("value");
    StringBuilder args = new StringBuilder();
    for (Var p : m.parameters()) {
      args.append(p.name()).append(", ");
    }
    args.append(vector ? sig.upstream() : "1.0");
    for (String buf : sig.buffers()) {
      args.append(", ").append(buf);
    }
    body.addStatement("$T $L = $LPullback($L)", typeName(m.result().type()), value, m.name(),
        args);
    StringBuilder components = new StringBuilder(value);
    for (int k = 0; k < wrt.size(); k++) {
      components.append(", ").append(sig.buffers().get(k))
          .append(wrt.get(k).type() == Type.DOUBLE ? "[0]" : "");
    }
    body.addStatement("return new $T($L)", record, components);
    return b.addCode(body.build()).build();
  }

  /** Names for a method that only forwards to others: the signature's names are taken. */
  static Names wrapperNames(Method m, PullbackWriter.Signature sig) {
    Names names = new Names();
    m.parameters().forEach(p -> names.reserve(p.name()));
    sig.buffers().forEach(names::reserve);
    names.reserve(sig.upstream());
    return names;
  }

  /**
   * For an array parameter of the same type as an earlier one, that one's index (else -1): when
   * the caller passes the same array for both, they share one buffer, which is what makes
   * aliasing come out right.
   */
  static int sharedBuffer(List<Var> wrt, int k) {
    Var p = wrt.get(k);
    if (!p.type().isArray()) {
      return -1;
    }
    for (int j = k - 1; j >= 0; j--) {
      if (wrt.get(j).type() == p.type()) {
        return j;
      }
    }
    return -1;
  }

  static Type bufferType(Var p) {
    return p.type() == Type.DOUBLE ? Type.DOUBLE_ARRAY : p.type();
  }

  static CodeBlock fresh(Var p) {
    switch (p.type()) {
      case DOUBLE:
        return CodeBlock.of("new double[1]");
      case DOUBLE_ARRAY:
        return CodeBlock.of("new double[$L.length]", p.name());
      default:
        return CodeBlock.of("$T.zerosLike($L)", ClassName.get(RUNTIME, "Buffers"), p.name());
    }
  }

  private static CodeBlock pullbackJavadoc(Entry e, PullbackWriter.Signature sig) {
    return CodeBlock.of("Computes {@link $L} and adds {@code $L} times its gradient into the"
        + " buffers.\n\n<p>Each buffer has the shape of its parameter (a one-element array"
        + " for a {@code double}); the\ncaller zeroes it when it wants a fresh gradient."
        + " Array arguments hold their original contents\nagain when this returns.\n\n"
        + "@return the method's value\n", e.javadocLink(), sig.upstream());
  }

  private static MethodSpec core(Entry e, PullbackWriter.Signature sig, Names names,
      ClassName owner, String name, CodeBlock javadoc) {
    Method m = e.method();
    MethodSpec.Builder b = MethodSpec.methodBuilder(name)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(typeName(m.result().type()))
        .addJavadoc(javadoc);
    addParameters(b, m, sig);
    String ownerRef = String.join(".", owner.simpleNames());
    if (e.rule() != null) {
      return b.addCode(RuleWriter.body(e, names, sig, owner)).build();
    }
    CodeBlock body = PullbackWriter.body(m, names, sig, ownerRef);
    TooLarge.check(m.name(), body);
    return b.addCode(body).build();
  }

  /** {@code @Pullback(wrt = {...}, writes = {...})}: positions for callers in other builds. */
  static AnnotationSpec pullbackInfo(Entry e) {
    Method m = e.method();
    List<String> wrt = new java.util.ArrayList<>();
    for (Var p : m.wrt()) {
      wrt.add(String.valueOf(m.parameters().indexOf(p)));
    }
    List<String> writes = new java.util.ArrayList<>();
    for (int k = 0; k < m.parameters().size(); k++) {
      if (e.writesArrays().get(k)) {
        writes.add(String.valueOf(k));
      }
    }
    AnnotationSpec.Builder b = AnnotationSpec.builder(ClassName.get(RUNTIME, "Pullback"))
        .addMember("wrt", "{$L}", String.join(", ", wrt));
    if (!writes.isEmpty()) {
      b.addMember("writes", "{$L}", String.join(", ", writes));
    }
    return b.build();
  }

  /** The parameters of a pullback or adjoint: the method's, the upstream, one buffer each. */
  static void addParameters(MethodSpec.Builder b, Method m, PullbackWriter.Signature sig) {
    for (Var p : m.parameters()) {
      b.addParameter(typeName(p.type()), p.name());
    }
    b.addParameter(typeName(m.result().type()), sig.upstream());
    for (int k = 0; k < m.wrt().size(); k++) {
      b.addParameter(typeName(bufferType(m.wrt().get(k))), sig.buffers().get(k));
    }
  }

  static FieldSpec constant(TypeName type, String name, CodeBlock init) {
    return FieldSpec.builder(type, name, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer(init).build();
  }
}
