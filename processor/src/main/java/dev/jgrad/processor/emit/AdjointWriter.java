package dev.jgrad.processor.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import dev.jgrad.processor.ir.Method;
import dev.jgrad.processor.ir.Var;
import dev.jgrad.processor.reverse.PullbackWriter;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * For a method that writes into an array it differentiates, the pullback and the adjoint differ.
 * Such a method's outputs are its result and the final contents of that array, so its full
 * adjoint takes a gradient for both: {@code fAdjoint} reads each array buffer as the gradient of
 * the array's final contents and leaves in it the gradient of its contents on entry. Generated
 * callers use that. {@code fPullback} keeps the simple contract (add the gradient of the result
 * into the buffers) by running the adjoint on zeroed scratch buffers and adding them in.
 */
final class AdjointWriter {
  private static final ClassName BUFFERS = ClassName.get(GradClassWriter.RUNTIME, "Buffers");

  private AdjointWriter() {}

  static CodeBlock javadoc(GradClassWriter.Entry e) {
    return CodeBlock.of("The full adjoint of {@link $L}, which writes into its array"
        + " arguments.\n\n<p>On entry each array buffer holds the gradient with respect to that"
        + " array's contents after\nthe call (zeros for a plain gradient); on return it holds the"
        + " gradient with respect to its\ncontents before the call. Scalar buffers are added"
        + " into. Array arguments hold their\noriginal contents again when this returns."
        + " Generated callers use this form.\n\n@return the method's value\n", e.javadocLink());
  }

  static MethodSpec wrapper(GradClassWriter.Entry e, PullbackWriter.Signature sig) {
    Method m = e.method();
    MethodSpec.Builder b = MethodSpec.methodBuilder(m.name() + "Pullback")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(GradClassWriter.typeName(m.result().type()))
        .addJavadoc("Computes {@link $L} and adds {@code $L} times its gradient into the"
            + " buffers.\n\n<p>Each buffer has the shape of its parameter (a one-element array"
            + " for a {@code double}); the\ncaller zeroes it when it wants a fresh gradient."
            + " Array arguments hold their original contents\nagain when this returns.\n\n"
            + "@return the method's value\n", e.javadocLink(), sig.upstream());
    b.addAnnotation(GradClassWriter.pullbackInfo(e));
    GradClassWriter.addParameters(b, m, sig);
    CodeBlock.Builder body = CodeBlock.builder();
    dev.jgrad.processor.lower.Names names = GradClassWriter.wrapperNames(m, sig);
    // The caller's buffers are checked here, before scratch buffers stand in for some of them.
    body.add(PullbackWriter.checks(m, sig, names));
    List<String> passed = new ArrayList<>(sig.buffers());
    List<Integer> scratched = new ArrayList<>();
    List<Var> wrt = m.wrt();
    // Every differentiated array of a type the method writes gets a scratch buffer: any of them
    // may be the same array as a written one, and aliased arguments must share one buffer.
    java.util.Set<dev.jgrad.processor.ir.Type> writtenTypes = new java.util.HashSet<>();
    for (Var p : wrt) {
      if (p.type().isArray() && e.writesArrays().get(m.parameters().indexOf(p))) {
        writtenTypes.add(p.type());
      }
    }
    for (int k = 0; k < wrt.size(); k++) {
      Var p = wrt.get(k);
      if (!writtenTypes.contains(p.type())) {
        continue;
      }
      CodeBlock choice = GradClassWriter.fresh(p);
      for (int j : scratched) {
        if (wrt.get(j).type() == p.type()) {
          choice = CodeBlock.of("$L == $L ? $L : $L", p.name(), wrt.get(j).name(), passed.get(j),
              choice);
        }
      }
      String local = names.fresh(sig.buffers().get(k) + "Scratch");
      body.addStatement("$T $L = $L", GradClassWriter.typeName(GradClassWriter.bufferType(p)),
          local, choice);
      passed.set(k, local);
      scratched.add(k);
    }
    List<String> args = new ArrayList<>();
    m.parameters().forEach(p -> args.add(p.name()));
    args.add(sig.upstream());
    args.addAll(passed);
    String value = names.fresh("value");
    body.addStatement("$T $L = $LAdjoint($L)", GradClassWriter.typeName(m.result().type()), value,
        m.name(), String.join(", ", args));
    for (int i = 0; i < scratched.size(); i++) {
      int k = scratched.get(i);
      List<String> distinct = new ArrayList<>();
      for (int j : scratched.subList(0, i)) {
        if (wrt.get(j).type() == wrt.get(k).type()) {
          distinct.add(passed.get(k) + " != " + passed.get(j));
        }
      }
      CodeBlock add = CodeBlock.of("$T.addInto($L, $L)", BUFFERS, sig.buffers().get(k),
          passed.get(k));
      if (distinct.isEmpty()) {
        body.addStatement("$L", add);
      } else {
        // A shared scratch is added once, through the first parameter that uses it.
        body.beginControlFlow("if ($L)", String.join(" && ", distinct))
            .addStatement("$L", add).endControlFlow();
      }
    }
    body.addStatement("return $L", value);
    return b.addCode(body.build()).build();
  }
}
