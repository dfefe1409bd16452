package dev.jgrad.processor.reverse;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.jgrad.processor.analysis.Activity;
import dev.jgrad.processor.analysis.Saves;
import dev.jgrad.processor.ir.Method;
import dev.jgrad.processor.ir.Type;
import dev.jgrad.processor.ir.Var;
import dev.jgrad.processor.lower.Names;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the body of a pullback: declarations, the forward sweep, then the reverse sweep that
 * starts from the upstream gradient of the result and ends by adding each parameter's adjoint
 * into the caller's buffer.
 */
public final class PullbackWriter {
  private static final ClassName BUFFERS = ClassName.get("dev.jgrad.runtime", "Buffers");

  /** Names the pullback's extra parameters use, chosen not to clash with the method's. */
  public record Signature(String upstream, List<String> buffers) {}

  private PullbackWriter() {}

  /** The names of the upstream gradient and of one buffer per differentiated parameter. */
  public static Signature signature(Method m, Names names) {
    for (Var p : m.parameters()) {
      names.reserve(p.name());
    }
    // Generated names (adjoints, saves, temporaries) must not clash with the user's locals.
    for (Var v : m.locals()) {
      names.reserve(v.name());
    }
    String upstream = names.fresh("upstream");
    List<String> buffers = new ArrayList<>();
    for (Var p : m.wrt()) {
      buffers.add(names.fresh(bufferName(p.name())));
    }
    return new Signature(upstream, buffers);
  }

  /** {@code w0} gives {@code dW0}: the public name of a parameter's gradient. */
  public static String bufferName(String parameter) {
    return "d" + Character.toUpperCase(parameter.charAt(0)) + parameter.substring(1);
  }

  /**
   * The pullback's body.
   *
   * @param ownerClass how generated code names the user's class (for its helper methods)
   */
  public static CodeBlock body(Method m, Names names, Signature sig, String ownerClass) {
    Activity activity = Activity.of(m);
    Saves saves = Saves.of(m, activity);
    Adjoints adjoints = new Adjoints(names);
    Tapes tapes = new Tapes(names);
    List<CodeBlock> prologue = new ArrayList<>();
    SweepWriter writer =
        new SweepWriter(activity, saves, adjoints, names, tapes, ownerClass, prologue);
    SweepWriter.Sweeps sweeps = writer.body(m.body());

    Code out = new Code(names);
    aliasChecks(m, sig, out);
    for (Var v : m.locals()) {
      if (!writer.declaredInPlace().contains(v)) {
        out.line(v.type().javaName() + " " + v.name() + " = " + v.type().zero());
      }
    }
    adjointDeclarations(m, activity, adjoints, sig, out);
    tapes.declarations().forEach(out::line);
    prologue.forEach(out::line);
    out.comment("Forward sweep: the method's own code, saving what the reverse sweep needs.");
    out.add(sweeps.forward());
    String returned = m.result().name();
    if (m.result().type().isArray() && saves.arrayContentsMatter(m.result())) {
      // The reverse sweep restores overwritten elements, the result's too: keep a copy.
      returned = names.fresh("value");
      out.line(CodeBlock.of("$L $L = $L", m.result().type().javaName(), returned,
          m.result().type() == Type.DOUBLE_MATRIX
              ? CodeBlock.of("$T.copy($L)", BUFFERS, m.result().name())
              : CodeBlock.of("$L.clone()", m.result().name())));
    } else if (m.result().type().isArray()) {
      // A return in a branch saves the array the result held before; the reverse sweep puts
      // that back, so the array to return is the one the forward sweep ended with.
      returned = names.fresh("value");
      out.line(CodeBlock.of("$L $L = $L", m.result().type().javaName(), returned,
          m.result().name()));
    }
    // The reverse sweep runs even when the result is constant: it still carries gradients
    // through arrays the method writes into, and puts their old contents back.
    if (!sweeps.reverseEmpty() || activity.isActive(m.result())) {
      out.comment("Reverse sweep: adjoints from the result back to the parameters.");
    }
    if (activity.isActive(m.result())) {
      out.line(m.result().type().isArray()
          ? CodeBlock.of("$T.addInto($L, $L)", BUFFERS, adjoints.of(m.result()), sig.upstream())
          : CodeBlock.of("$L = $L", adjoints.of(m.result()), sig.upstream()));
    }
    out.add(sweeps.reverse());
    for (int k = 0; k < m.wrt().size(); k++) {
      Var p = m.wrt().get(k);
      if (p.type() == Type.DOUBLE && activity.isActive(p)) {
        out.line(sig.buffers().get(k) + "[0] += " + adjoints.of(p));
      }
    }
    out.line("return " + returned);
    return out.build();
  }

  private static void adjointDeclarations(Method m, Activity activity, Adjoints adjoints,
      Signature sig, Code out) {
    for (int k = 0; k < m.wrt().size(); k++) {
      Var p = m.wrt().get(k);
      if (p.type().isArray()) {
        out.line(p.type().javaName() + " " + adjoints.of(p) + " = " + sig.buffers().get(k));
      }
    }
    List<Var> all = new ArrayList<>(m.parameters());
    all.addAll(m.locals());
    for (Var v : all) {
      if (!activity.isActive(v) || v.isParameter() && v.type().isArray() && m.wrt().contains(v)) {
        continue;
      }
      if (v.isParameter() && v.type().isArray()) {
        // Only reachable through an alias of a differentiated array: zero scratch space.
        out.line(v.type().javaName() + " " + adjoints.of(v) + " = "
            + (v.type() == Type.DOUBLE_MATRIX
                ? CodeBlock.of("$T.zerosLike($L)", BUFFERS, v.name()).toString()
                : "new double[" + v.name() + ".length]"));
      } else {
        out.line(v.type().javaName() + " " + adjoints.of(v) + " = " + v.type().zero());
      }
    }
  }

  /** The checks every pullback starts with: buffer shapes, and aliasing between arrays. */
  public static CodeBlock checks(Method m, Signature sig, Names names) {
    Code out = new Code(names);
    aliasChecks(m, sig, out);
    return out.build();
  }

  /**
   * Two parameters may be the same array. That is fine when their buffers are the same array
   * too (gradients then add up in one place), and refused otherwise rather than split.
   */
  private static void aliasChecks(Method m, Signature sig, Code out) {
    // A wrong buffer would otherwise surface as an index error deep in the reverse sweep.
    for (int k = 0; k < m.wrt().size(); k++) {
      Var p = m.wrt().get(k);
      String buffer = sig.buffers().get(k);
      out.line(p.type() == Type.DOUBLE
          ? CodeBlock.of("$T.checkScalar($L, $S)", BUFFERS, buffer, buffer)
          : CodeBlock.of("$T.checkShape($L, $L, $S)", BUFFERS, p.name(), buffer, buffer));
    }
    List<Var> arrays = new ArrayList<>();
    for (Var p : m.parameters()) {
      if (p.type().isDifferentiable() && p.type().isArray()) {
        arrays.add(p);
      }
    }
    for (int i = 0; i < arrays.size(); i++) {
      for (int j = i + 1; j < arrays.size(); j++) {
        Var a = arrays.get(i);
        Var b = arrays.get(j);
        if (a.type() != b.type()) {
          boolean differentiated = buffer(m, sig, a) != null || buffer(m, sig, b) != null;
          Var matrix = a.type() == Type.DOUBLE_MATRIX ? a : b;
          Var vector = matrix == a ? b : a;
          if (differentiated && vector.type() == Type.DOUBLE_ARRAY) {
            out.line(CodeBlock.of("$T.checkRowAlias($L, $L, $S)", BUFFERS, matrix.name(),
                vector.name(), matrix.name() + " and " + vector.name()));
          }
          continue;
        }
        String bufA = buffer(m, sig, a);
        String bufB = buffer(m, sig, b);
        String names = a.name() + " and " + b.name();
        if (bufA != null && bufB != null) {
          out.line(CodeBlock.of("$T.checkAlias($L, $L, $L, $L, $S)", BUFFERS, a.name(), b.name(),
              bufA, bufB, names));
        } else if (bufA != null || bufB != null) {
          out.line(CodeBlock.of("$T.checkAlias($L, $L, $L, null, $S)", BUFFERS, a.name(),
              b.name(), bufA != null ? bufA : bufB, names + " (only one is differentiated)"));
        }
      }
    }
  }

  private static String buffer(Method m, Signature sig, Var p) {
    int k = m.wrt().indexOf(p);
    return k < 0 ? null : sig.buffers().get(k);
  }
}
