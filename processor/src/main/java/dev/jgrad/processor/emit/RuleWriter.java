package dev.jgrad.processor.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.jgrad.processor.ir.Method;
import dev.jgrad.processor.ir.Type;
import dev.jgrad.processor.ir.Var;
import dev.jgrad.processor.lower.Names;
import dev.jgrad.processor.reverse.PullbackWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The pullback of a method with a hand-written backward rule: call the method, then the rule
 * with the inputs, the output and the upstream gradient, the way a custom autograd function's
 * backward sees them.
 */
final class RuleWriter {
  private RuleWriter() {}

  static CodeBlock body(GradClassWriter.Entry e, Names names, PullbackWriter.Signature sig,
      ClassName owner) {
    Method m = e.method();
    CodeBlock.Builder b = CodeBlock.builder();
    b.add(PullbackWriter.checks(m, sig, names));
    List<String> args = new ArrayList<>();
    m.parameters().forEach(p -> args.add(p.name()));
    String out = names.fresh("out");
    b.addStatement("$T $L = $T.$L($L)", GradClassWriter.typeName(m.result().type()), out, owner,
        m.name(), String.join(", ", args));
    List<String> ruleArgs = new ArrayList<>(args);
    ruleArgs.add(out);
    ruleArgs.add(sig.upstream());
    List<Var> wrt = m.wrt();
    if (wrt.size() == 1 && wrt.get(0).type() == Type.DOUBLE) {
      b.addStatement("$L[0] += $T.$L($L)", sig.buffers().get(0), owner, e.rule(),
          String.join(", ", ruleArgs));
    } else {
      ruleArgs.addAll(sig.buffers());
      b.addStatement("$T.$L($L)", owner, e.rule(), String.join(", ", ruleArgs));
    }
    b.addStatement("return $L", out);
    return b.build();
  }
}
