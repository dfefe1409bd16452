package dev.jgrad.processor.reverse;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.jgrad.processor.analysis.Activity;
import dev.jgrad.processor.analysis.Saves;
import dev.jgrad.processor.ir.Callee;
import dev.jgrad.processor.ir.Expr;
import dev.jgrad.processor.ir.Exprs;
import dev.jgrad.processor.ir.Stmt;
import dev.jgrad.processor.ir.Type;
import dev.jgrad.processor.lower.Names;
import java.util.ArrayList;
import java.util.List;

/**
 * A call of another differentiable method. For a split callee the forward sweep calls its
 * {@code fForward}, which records the callee's tape on the thread's stacks, and the reverse sweep
 * calls its {@code fReverse}, which consumes it. Otherwise the forward sweep calls the plain
 * method and the reverse sweep calls its pullback with the same arguments, which recomputes the
 * callee's forward sweep. Either way the callee's gradient, scaled by the call's upstream
 * gradient, is added into the argument adjoints. Arrays the callee writes into are copied before
 * the call and put back before the pullback runs, so it sees the inputs the plain call saw.
 */
final class CallWriter {
  private static final ClassName BUFFERS = ClassName.get("dev.jgrad.runtime", "Buffers");

  private final Activity activity;
  private final Saves saves;
  private final Adjoints adjoints;
  private final Names names;
  private final Tapes tapes;
  private final Printer printer;
  private final String ownerClass;
  private final List<CodeBlock> prologue;

  CallWriter(Activity activity, Saves saves, Adjoints adjoints, Names names, Tapes tapes,
      Printer printer, String ownerClass, List<CodeBlock> prologue) {
    this.activity = activity;
    this.saves = saves;
    this.adjoints = adjoints;
    this.names = names;
    this.tapes = tapes;
    this.printer = printer;
    this.ownerClass = ownerClass;
    this.prologue = prologue;
  }

  SweepWriter.Sweeps write(Stmt.Call c) {
    Code forward = new Code(names);
    Code reverse = new Code(names);
    int depth = saves.depth(c);
    Callee callee = c.callee();
    List<String> args = new ArrayList<>();
    c.args().forEach(a -> args.add(printer.print(a)));
    String argList = String.join(", ", args);

    Snapshots snapshots = new Snapshots(tapes, printer);
    snapshots.take(c.args(), saves.snapshots(c), depth, forward);
    Type resultType = c.result().type();
    boolean arrayResult = resultType.isArray();
    boolean activeArray = arrayResult && activity.isActive(c.result());
    String result = c.result().name();
    List<Tapes.Saved> saved = new ArrayList<>();
    if (saves.savesResult(c)) {
      saved.add(tapes.save(result, resultType, depth));
      if (activeArray) {
        saved.add(tapes.save(adjoints.of(c.result()), resultType, depth));
      }
    }
    if (callee.isSplit() && saves.isActive(c)) {
      // The callee's forward sweep leaves its tape for its reverse sweep, below. The old result
      // is saved after that tape, so that the reverse sweep gets it back (for the arguments,
      // which may read it) before it calls the callee's reverse sweep.
      CodeBlock call = CodeBlock.of("$T.$L($L, $L)", ClassName.bestGuess(callee.gradClass()),
          callee.forwardMethod(), argList, tapes.workspace());
      if (saved.isEmpty()) {
        forward.line(CodeBlock.of("$L = $L", result, call));
      } else {
        String value = names.fresh(result + "Value");
        forward.line(CodeBlock.of("double $L = $L", value, call));
        saved.forEach(x -> forward.line(x.save()));
        forward.line(CodeBlock.of("$L = $L", result, value));
      }
    } else {
      saved.forEach(x -> forward.line(x.save()));
      forward.line(CodeBlock.of("$L = $T.$L($L)", result,
          ClassName.bestGuess(callee.ownerClass()), callee.name(), argList));
    }
    if (activeArray) {
      // A fresh adjoint for the fresh array the call returned.
      forward.line(CodeBlock.of("$L = $L", adjoints.of(c.result()), zerosLike(resultType, result)));
    }

    if (!arrayResult && !saved.isEmpty()) {
      reverse.line(result + " = " + saved.get(0).load());
    }
    snapshots.restore(reverse);
    if (saves.isActive(c)) {
      pullback(c, args, reverse);
    }
    // An array result's adjoint was the pullback's upstream: restore the pair only after it.
    if (arrayResult && !saved.isEmpty()) {
      if (saved.size() == 2) {
        reverse.line(adjoints.of(c.result()) + " = " + saved.get(1).load());
      }
      reverse.line(result + " = " + saved.get(0).load());
    }
    if (reverse.isEmpty()) {
      return new SweepWriter.Sweeps(forward.build(), CodeBlock.of(""), true);
    }
    Code commented = new Code(names);
    commented.comment(c.result().name() + " = " + callee.name() + "(" + argList + ")"
        + (c.line() > 0 ? "  (line " + c.line() + ")" : ""));
    commented.add(reverse.build());
    return new SweepWriter.Sweeps(forward.build(), commented.build(), false);
  }

  private static String zerosLike(Type type, String array) {
    return type == Type.DOUBLE_MATRIX
        ? CodeBlock.of("$T.zerosLike($L)", BUFFERS, array).toString()
        : "new double[" + array + ".length]";
  }

  private void pullback(Stmt.Call c, List<String> args, Code reverse) {
    Callee callee = c.callee();
    ExprAdjoint adj = new ExprAdjoint(activity, adjoints, reverse, ownerClass);
    Type resultType = c.result().type();
    String upstream = resultType.isArray() ? zerosLike(resultType, c.result().name()) : "0.0";
    if (resultType.isArray()) {
      if (activity.isActive(c.result())) {
        upstream = adjoints.of(c.result());
      }
    } else if (activity.isActive(c.result())) {
      String bar = adjoints.of(c.result());
      upstream = adj.bind(CodeBlock.of("$L", bar));
      reverse.line(bar + " = 0.0");
    }
    List<String> buffers = new ArrayList<>();
    List<Runnable> after = new ArrayList<>();
    java.util.Map<String, String> unused = new java.util.HashMap<>();
    for (int k = 0; k < c.args().size(); k++) {
      if (!callee.wrt().get(k)) {
        continue;
      }
      Expr arg = c.args().get(k);
      // The callee's parameter type decides the buffer: an int argument may fill a double.
      if (callee.parameterTypes().get(k) == Type.DOUBLE) {
        String slot = names.fresh(callee.parameterNames().get(k) + "Bar");
        prologue.add(CodeBlock.of("double[] $L = new double[1]", slot));
        reverse.line(slot + "[0] = 0.0");
        buffers.add(slot);
        after.add(() -> adj.propagate(arg, Term.atom(slot + "[0]")));
      } else if (activity.isActive(arg)) {
        buffers.add(adjoints.ofArray(arg, printer));
      } else {
        // The callee wants a buffer even where this caller needs no gradient; the same array
        // passed twice gets the same one, as the callee's alias check demands.
        String zeros = unused.get(args.get(k));
        if (zeros == null) {
          zeros = names.fresh("unusedBar");
          reverse.line(CodeBlock.of("$L $L = $L", arg.type().javaName(), zeros,
              zerosLike(arg.type(), args.get(k))));
          unused.put(args.get(k), zeros);
        }
        buffers.add(zeros);
      }
    }
    List<String> all = new ArrayList<>(args);
    all.add(upstream);
    all.addAll(buffers);
    if (callee.isSplit()) {
      all.add(tapes.workspace());
    }
    reverse.line(CodeBlock.of("$T.$L($L)", ClassName.bestGuess(callee.gradClass()),
        callee.reverseMethod(), String.join(", ", all)));
    after.forEach(Runnable::run);
  }

}
