package dev.jgrad.processor.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.jgrad.processor.ir.Method;
import dev.jgrad.processor.ir.Var;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code fFunction()}: the method seen as a {@code DifferentiableFunction}, so that
 * {@code GradientCheck} can call both the plain method and its gradient without reflection.
 */
public final class FunctionWriter {
  private static final ClassName ARGS = ClassName.get(GradClassWriter.RUNTIME, "Args");

  private FunctionWriter() {}

  static void add(TypeSpec.Builder type, GradClassWriter.Entry e, ClassName owner,
      ClassName self) {
    Method m = e.method();
    String label = String.join(".", owner.simpleNames()) + "." + m.name();
    List<CodeBlock> unpacked = new ArrayList<>();
    List<String> names = new ArrayList<>();
    List<String> wrt = new ArrayList<>();
    for (int k = 0; k < m.parameters().size(); k++) {
      Var p = m.parameters().get(k);
      unpacked.add(CodeBlock.of("$T.$L(args, $L, $S)", ARGS, unpacker(p), k, p.name()));
      names.add(CodeBlock.of("$S", p.name()).toString());
    }
    for (Var p : m.wrt()) {
      wrt.add(CodeBlock.of("$S", p.name()).toString());
    }
    CodeBlock argList = CodeBlock.join(unpacked, ", ");
    ParameterizedTypeName strings = ParameterizedTypeName.get(List.class, String.class);
    TypeName objects = TypeName.get(Object[].class);
    boolean vector = m.result().type().isArray();
    ClassName iface = vector ? GradClassWriter.VECTOR_FUNCTION : GradClassWriter.FUNCTION;
    TypeSpec.Builder anonymous = TypeSpec.anonymousClassBuilder("")
        .addSuperinterface(iface)
        .addMethod(override("name", ClassName.get(String.class))
            .addStatement("return $S", label).build())
        .addMethod(override("parameterNames", strings)
            .addStatement("return $T.of($L)", List.class, String.join(", ", names)).build())
        .addMethod(override("wrt", strings)
            .addStatement("return $T.of($L)", List.class, String.join(", ", wrt)).build())
        .addMethod(override("value", vector ? ClassName.OBJECT : TypeName.DOUBLE)
            .addParameter(objects, "args").varargs()
            .addStatement("$T.expect(args, $L, $S)", ARGS, m.parameters().size(), label)
            .addStatement("return $T.$L($L)", owner, m.name(), argList).build());
    if (vector) {
      String unpack = m.result().type() == dev.jgrad.processor.ir.Type.DOUBLE_ARRAY
          ? "vectorUpstream" : "matrixUpstream";
      anonymous.addMethod(override("vjp", GradClassWriter.VJP)
          .addParameter(ClassName.OBJECT, "upstream")
          .addParameter(objects, "args").varargs()
          .addStatement("$T.expect(args, $L, $S)", ARGS, m.parameters().size(), label)
          .addStatement("return $T.$L($L, $T.$L(upstream))", self, m.name(), argList, ARGS,
              unpack)
          .build());
    } else {
      anonymous.addMethod(override("gradient", GradClassWriter.GRADIENT)
          .addParameter(objects, "args").varargs()
          .addStatement("$T.expect(args, $L, $S)", ARGS, m.parameters().size(), label)
          // Qualified: a method named value or name would otherwise call this class's own.
          .addStatement("return $T.$L($L)", self, m.name(), argList).build());
    }
    String field = constantName(m.name()) + "_FUNCTION";
    type.addField(GradClassWriter.constant(iface, field,
        CodeBlock.of("$L", anonymous.build())));
    type.addMethod(MethodSpec.methodBuilder(m.name() + "Function")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(iface)
        .addJavadoc("{@link $L} as a {@code $L}, for {@code GradientCheck}.\n", e.javadocLink(),
            iface.simpleName())
        .addStatement("return $L", field)
        .build());
  }

  private static MethodSpec.Builder override(String name, TypeName returns) {
    return MethodSpec.methodBuilder(name).addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC).returns(returns);
  }

  private static String unpacker(Var p) {
    switch (p.type()) {
      case DOUBLE:
        return "real";
      case INT:
        return "integer";
      case BOOLEAN:
        return "bool";
      case DOUBLE_ARRAY:
        return "vector";
      case DOUBLE_MATRIX:
        return "matrix";
      default:
        return "ints";
    }
  }

  /** {@code fireNeuron} gives {@code FIRE_NEURON}. */
  public static String constantName(String method) {
    return method.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(java.util.Locale.ROOT);
  }
}
