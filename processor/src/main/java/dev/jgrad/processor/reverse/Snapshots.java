package dev.jgrad.processor.reverse;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.jgrad.processor.ir.Expr;
import dev.jgrad.processor.ir.Exprs;
import dev.jgrad.processor.ir.Type;
import dev.jgrad.processor.ir.Var;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Copies of arrays that a call may overwrite, taken before the call and copied back (into the
 * same array objects) when the reverse sweep reaches it, so that everything before the call sees
 * the contents it saw in the forward sweep.
 */
final class Snapshots {
  private static final ClassName BUFFERS = ClassName.get("dev.jgrad.runtime", "Buffers");

  private final Tapes tapes;
  private final Printer printer;
  private final List<CodeBlock> restores = new ArrayList<>();

  Snapshots(Tapes tapes, Printer printer) {
    this.tapes = tapes;
    this.printer = printer;
  }

  /** Copies each argument whose array is in {@code which}, writing the copies to {@code out}. */
  void take(List<Expr> args, Set<Var> which, int depth, Code out) {
    List<String> done = new ArrayList<>();
    for (Expr arg : args) {
      String text = printer.print(arg);
      if (!arg.type().isArray() || !which.contains(Exprs.base(arg)) || done.contains(text)) {
        continue;
      }
      done.add(text);
      boolean matrix = arg.type() == Type.DOUBLE_MATRIX;
      String copy = matrix ? CodeBlock.of("$T.copy($L)", BUFFERS, text).toString()
          : text + ".clone()";
      Tapes.Saved saved = tapes.save(copy, arg.type(), depth);
      out.line(saved.save());
      restores.add(matrix
          ? CodeBlock.of("$T.restore($L, $L)", BUFFERS, text, saved.load())
          : CodeBlock.of("System.arraycopy($L, 0, $L, 0, $L.length)", saved.load(), text, text));
    }
  }

  /** Copies the saved contents back, last taken first. */
  void restore(Code out) {
    for (int k = restores.size() - 1; k >= 0; k--) {
      out.line(restores.get(k));
    }
  }
}
