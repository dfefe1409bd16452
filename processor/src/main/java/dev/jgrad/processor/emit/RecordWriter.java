package dev.jgrad.processor.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.jgrad.processor.ir.Method;
import dev.jgrad.processor.ir.Type;
import dev.jgrad.processor.ir.Var;
import dev.jgrad.processor.reverse.PullbackWriter;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/** Writes the record that holds one call's value and gradient. */
final class RecordWriter {
  private RecordWriter() {}

  /**
   * A record's own toString prints arrays as {@code [D@1b6d3586}; print their contents. Null
   * when no component is an array.
   */
  private static MethodSpec toStringWithArrays(ClassName name, Method m) {
    List<String> labels = new ArrayList<>();
    List<Type> types = new ArrayList<>();
    labels.add("value");
    types.add(m.result().type());
    for (Var p : m.wrt()) {
      labels.add(PullbackWriter.bufferName(p.name()));
      types.add(p.type());
    }
    if (types.stream().noneMatch(Type::isArray)) {
      return null;
    }
    CodeBlock.Builder parts = CodeBlock.builder().add("return $S", name.simpleName() + "[");
    for (int k = 0; k < labels.size(); k++) {
      String label = (k == 0 ? "" : ", ") + labels.get(k) + "=";
      Type t = types.get(k);
      if (t == Type.DOUBLE) {
        parts.add(" + $S + $L", label, labels.get(k));
      } else {
        parts.add(" + $S + $T.$L($L)", label, java.util.Arrays.class,
            t == Type.DOUBLE_MATRIX ? "deepToString" : "toString", labels.get(k));
      }
    }
    parts.add(" + $S", "]");
    return MethodSpec.methodBuilder("toString")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(String.class)
        .addStatement("$L", parts.build())
        .build();
  }

  static TypeSpec record(GradClassWriter.Entry e, ClassName name) {
    Method m = e.method();
    MethodSpec.Builder ctor = MethodSpec.constructorBuilder()
        .addParameter(GradClassWriter.typeName(m.result().type()), "value");
    List<String> known = new ArrayList<>();
    CodeBlock.Builder lookup = CodeBlock.builder().beginControlFlow("switch (parameter)");
    for (Var p : m.wrt()) {
      String component = PullbackWriter.bufferName(p.name());
      ctor.addParameter(GradClassWriter.typeName(p.type()), component);
      lookup.add("case $S:\n", p.name()).indent().addStatement("return $L", component).unindent();
      known.add(p.name());
    }
    lookup.add("default:\n").indent()
        .addStatement("throw new $T($S + parameter + $S)", IllegalArgumentException.class,
            m.name() + " has no gradient for '", "'; it has " + String.join(", ", known))
        .unindent()
        .endControlFlow();
    StringBuilder doc = new StringBuilder("Value and gradient of {@link " + e.javadocLink()
        + "}.\n\n<p>{@code value} is the method's result");
    for (Var p : m.wrt()) {
      doc.append("; {@code ").append(PullbackWriter.bufferName(p.name()))
          .append("} is its gradient with respect to {@code ").append(p.name()).append("}")
          .append(p.type() == Type.DOUBLE ? "" : ", shaped like it");
    }
    doc.append(".\n");
    MethodSpec gradient = MethodSpec.methodBuilder("gradient")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(Object.class)
        .addParameter(String.class, "parameter")
        .addCode(lookup.build())
        .build();
    TypeSpec.Builder record = TypeSpec.recordBuilder(name);
    MethodSpec text = toStringWithArrays(name, m);
    if (text != null) {
      record.addMethod(text);
    }
    return record
        .addModifiers(Modifier.PUBLIC)
        .addSuperinterface(m.result().type().isArray() ? GradClassWriter.VJP
            : GradClassWriter.GRADIENT)
        .recordConstructor(ctor.build())
        .addJavadoc("$L", doc)
        .addMethod(gradient)
        .build();
  }
}
