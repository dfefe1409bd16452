package dev.jgrad.processor.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import dev.jgrad.processor.ir.Method;
import dev.jgrad.processor.ir.Var;
import dev.jgrad.processor.lower.Names;
import dev.jgrad.processor.reverse.PullbackWriter;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * The split pair of a method that returns a double and writes no array: {@code fForward} runs
 * the forward sweep and leaves its tape on the thread's stacks, {@code fReverse} runs the reverse
 * sweep from that tape. A generated caller runs the callee's {@code fForward} in its own forward
 * sweep and the callee's {@code fReverse} in its reverse sweep, so the callee's forward sweep
 * runs once per call however deep the calls nest. {@code fPullback} is the two in a row.
 */
final class SplitWriter {
  private static final ClassName WORKSPACE = ClassName.get(GradClassWriter.RUNTIME, "Workspace");

  private SplitWriter() {}

  /** {@code fPullback}: checks the buffers, then runs the forward and the reverse method. */
  static MethodSpec wrapper(GradClassWriter.Entry e, PullbackWriter.Signature sig) {
    Method m = e.method();
    MethodSpec.Builder b = MethodSpec.methodBuilder(m.name() + "Pullback")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(GradClassWriter.typeName(m.result().type()));
    GradClassWriter.addParameters(b, m, sig);
    Names names = GradClassWriter.wrapperNames(m, sig);
    String workspace = names.fresh("workspace");
    String value = names.fresh("value");
    CodeBlock.Builder body = CodeBlock.builder();
    // Checked before the forward sweep, so that a refused call leaves nothing on the tapes.
    body.add(PullbackWriter.checks(m, sig, names));
    body.addStatement("$T $L = $T.current()", WORKSPACE, workspace, WORKSPACE);
    List<String> args = arguments(m);
    args.add(workspace);
    body.addStatement("double $L = $LForward($L)", value, m.name(), String.join(", ", args));
    List<String> reverseArgs = arguments(m);
    reverseArgs.add(sig.upstream());
    reverseArgs.addAll(sig.buffers());
    reverseArgs.add(workspace);
    body.addStatement("$LReverse($L)", m.name(), String.join(", ", reverseArgs));
    body.addStatement("return $L", value);
    return b.addCode(body.build()).build();
  }

  /** {@code fForward} and {@code fReverse}. */
  static List<MethodSpec> pair(GradClassWriter.Entry e, PullbackWriter.Signature sig,
      Names names, String ownerRef) {
    Method m = e.method();
    String workspace = names.fresh("workspace");
    PullbackWriter.Split split = PullbackWriter.split(m, names, sig, ownerRef, workspace);
    if (split == null) {
      // The pair's contract without the split: the forward method runs the plain method and
      // tapes nothing, the reverse method runs the whole pullback (both sweeps) at once.
      List<String> args = arguments(m);
      split = new PullbackWriter.Split(
          CodeBlock.of("return $L.$L($L);\n", ownerRef, m.name(), String.join(", ", args)),
          PullbackWriter.body(m, fallbackNames(m, workspace), sig, ownerRef, false));
    }
    TooLarge.check(m.name(), split.forward());
    TooLarge.check(m.name(), split.reverse());
    MethodSpec.Builder forward = MethodSpec.methodBuilder(m.name() + "Forward")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(GradClassWriter.typeName(m.result().type()))
        .addJavadoc("The forward sweep of {@link $L}, for generated callers: returns its value"
            + " and leaves on\n{@code $L}'s tapes what {@link #$LReverse} needs. Each call must be"
            + " followed, once the calls\nmade after it are undone, by one call of {@code $LReverse}"
            + " with the same arguments.\n", e.javadocLink(), workspace, m.name(), m.name());
    for (Var p : m.parameters()) {
      forward.addParameter(GradClassWriter.typeName(p.type()), p.name());
    }
    forward.addParameter(WORKSPACE, workspace);
    forward.addCode(split.forward());
    MethodSpec.Builder reverse = MethodSpec.methodBuilder(m.name() + "Reverse")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addJavadoc("The reverse sweep of {@link $L}, for generated callers: takes what"
            + " {@link #$LForward} left\non {@code $L}'s tapes and adds {@code $L} times the"
            + " gradient into the buffers.\n", e.javadocLink(), m.name(), workspace,
            sig.upstream());
    GradClassWriter.addParameters(reverse, m, sig);
    reverse.addParameter(WORKSPACE, workspace);
    reverse.addCode(split.reverse());
    return List.of(forward.build(), reverse.build());
  }

  /** Names for the fallback's reverse body: the method's, the signature's and the workspace's. */
  private static Names fallbackNames(Method m, String workspace) {
    Names names = new Names();
    PullbackWriter.signature(m, names);
    names.reserve(workspace);
    return names;
  }

  private static List<String> arguments(Method m) {
    List<String> out = new ArrayList<>();
    m.parameters().forEach(p -> out.add(p.name()));
    return out;
  }
}
