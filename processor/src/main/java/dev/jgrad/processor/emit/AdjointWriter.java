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
    List<String> passed = new ArrayList<>(sig.buffers());
    List<Integer> scratched = new ArrayList<>();
    List<Var> wrt = m.wrt();
    for (int k = 0; k < wrt.size(); k++) {
      Var p = wrt.get(k);
      if (!e.writesArrays().get(m.parameters().indexOf(p))) {
        continue;
      }
      String scratch = sig.buffers().get(k) + "Scratch";
      int shared = GradClassWriter.sharedBuffer(wrt, k);
      if (shared >= 0 && scratched.contains(shared)) {
        body.addStatement("$T $L = $L == $L ? $L : $L",
            GradClassWriter.typeName(GradClassWriter.bufferType(p)), scratch, p.name(),
            wrt.get(shared).name(), passed.get(shared), GradClassWriter.fresh(p));
      } else {
        body.addStatement("$T $L = $L", GradClassWriter.typeName(GradClassWriter.bufferType(p)),
            scratch, GradClassWriter.fresh(p));
      }
      passed.set(k, scratch);
      scratched.add(k);
    }
    List<String> args = new ArrayList<>();
    m.parameters().forEach(p -> args.add(p.name()));
    args.add(sig.upstream());
    args.addAll(passed);
    dev.jgrad.processor.lower.Names names = new dev.jgrad.processor.lower.Names();
    args.forEach(names::reserve);
    String value = names.fresh("value");
    body.addStatement("$T $L = $LAdjoint($L)", GradClassWriter.typeName(m.result().type()), value,
        m.name(), String.join(", ", args));
    for (int k : scratched) {
      body.addStatement("$T.addInto($L, $L)", BUFFERS, sig.buffers().get(k), passed.get(k));
    }
    body.addStatement("return $L", value);
    return b.addCode(body.build()).build();
  }
}
