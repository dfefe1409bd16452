package dev.jgrad.processor.reverse;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.jgrad.processor.analysis.Activity;
import dev.jgrad.processor.analysis.Saves;
import dev.jgrad.processor.analysis.Walk;
import dev.jgrad.processor.ir.Expr;
import dev.jgrad.processor.ir.Method;
import dev.jgrad.processor.ir.Stmt;
import dev.jgrad.processor.ir.Type;
import dev.jgrad.processor.ir.Var;
import dev.jgrad.processor.lower.Names;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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
   * The sweeps of one method with everything they declare: written once, then printed either
   * as one pullback body or as a split forward/reverse pair.
   */
  private record Parts(Activity activity, Saves saves, Adjoints adjoints, Tapes tapes,
      SweepWriter.Sweeps sweeps, List<Tapes.Declaration> locals, List<CodeBlock> prologue,
      Set<Var> declaredInPlace) {}


  private static Parts parts(Method m, Names names, Signature sig, String ownerClass,
      String workspace) {
    Activity activity = Activity.of(m);
    Saves saves = Saves.of(m, activity);
    Adjoints adjoints = new Adjoints(names);
    Tapes tapes = new Tapes(names);
    if (workspace != null) {
      tapes.useWorkspace(workspace);
    }
    List<CodeBlock> prologue = new ArrayList<>();
    SweepWriter writer =
        new SweepWriter(activity, saves, adjoints, names, tapes, ownerClass, prologue);
    SweepWriter.Sweeps sweeps = writer.body(m.body());
    List<Tapes.Declaration> locals = new ArrayList<>();
    for (Var v : m.locals()) {
      if (!writer.declaredInPlace().contains(v)) {
        locals.add(new Tapes.Declaration(v.name(), v.type(),
            CodeBlock.of("$L $L = $L", v.type().javaName(), v.name(), v.type().zero())));
      }
    }
    adjointDeclarations(m, activity, adjoints, sig, locals);
    return new Parts(activity, saves, adjoints, tapes, sweeps, locals, prologue,
        writer.declaredInPlace());
  }

  /**
   * The pullback's body.
   *
   * @param ownerClass how generated code names the user's class (for its helper methods)
   */
  public static CodeBlock body(Method m, Names names, Signature sig, String ownerClass) {
    return body(m, names, sig, ownerClass, true);
  }

  /** The pullback's body; without {@code returns}, the final return is left out. */
  public static CodeBlock body(Method m, Names names, Signature sig, String ownerClass,
      boolean returns) {
    Parts p = parts(m, names, sig, ownerClass, null);
    Code out = new Code(names);
    aliasChecks(m, sig, out);
    p.locals().forEach(l -> out.line(l.line()));
    p.tapes().declarations().forEach(d -> out.line(d.line()));
    p.prologue().forEach(out::line);
    out.comment("Forward sweep: the method's own code, saving what the reverse sweep needs.");
    out.add(p.sweeps().forward());
    String returned = m.result().name();
    if (m.result().type().isArray() && p.saves().arrayContentsMatter(m.result())) {
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
    if (!p.sweeps().reverseEmpty() || p.activity().isActive(m.result())) {
      out.comment("Reverse sweep: adjoints from the result back to the parameters.");
    }
    reverseSweep(m, sig, p, out);
    if (returns) {
      out.line("return " + returned);
    }
    return out.build();
  }

  /**
   * The split pair's bodies: {@code fForward} and {@code fReverse}; null when the forward sweep
   * needs a buffer (see {@link #split}).
   */
  public record Split(CodeBlock forward, CodeBlock reverse) {}

  /**
   * The bodies of {@code fForward} and {@code fReverse}, for a method that returns a double and
   * writes no array. The forward sweep runs as in the pullback, then pushes the locals the
   * reverse sweep reads (the values they hold at the end of the forward sweep) on the tapes;
   * the reverse sweep pops them back and runs as in the pullback. Both take their stacks from
   * {@code workspace}, a parameter, so that nested calls share one set of tapes.
   */
  public static Split split(Method m, Names names, Signature sig, String ownerClass,
      String workspace) {
    Parts p = parts(m, names, sig, ownerClass, workspace);
    Code reverseSweep = new Code(names);
    reverseSweep(m, sig, p, reverseSweep);
    CodeBlock reverseCode = reverseSweep.build();
    Set<String> forwardNames = Identifiers.in(p.sweeps().forward());
    Set<String> reverseNames = Identifiers.in(reverseCode);

    // What crosses from one method to the other: every variable the forward sweep may set and
    // the reverse sweep reads, in declaration order.
    List<Tapes.Declaration> candidates = new ArrayList<>(p.locals());
    // Locals the forward sweep declares where it computes them; the reverse method declares
    // them at its top.
    List<Tapes.Declaration> inPlace = new ArrayList<>();
    for (Var v : p.declaredInPlace()) {
      inPlace.add(new Tapes.Declaration(v.name(), v.type(),
          CodeBlock.of("$L $L = $L", v.type().javaName(), v.name(), v.type().zero())));
    }
    candidates.addAll(inPlace);
    for (Tapes.Declaration d : p.tapes().declarations()) {
      if (d.type() != null) {
        candidates.add(new Tapes.Declaration(d.name(), d.type(), d.line()));
      }
    }
    for (Var v : assignedParameters(m)) {
      candidates.add(new Tapes.Declaration(v.name(), v.type(), null));
    }
    Set<String> reverseOnly = new HashSet<>(sig.buffers());
    reverseOnly.add(sig.upstream());
    for (Var v : m.parameters()) {
      // An array parameter's adjoint is the caller's buffer, or scratch the reverse method
      // allocates: the forward method has neither.
      if (v.type().isArray() && p.activity().isActive(v)) {
        reverseOnly.add(p.adjoints().of(v));
      }
    }
    reverseOnly.retainAll(forwardNames);
    if (!reverseOnly.isEmpty()) {
      // The forward sweep sets up an adjoint that aliases a caller's buffer (an array temporary
      // of the lowering holding a parameter): the caller's fallback keeps the pair's contract.
      return null;
    }
    List<Tapes.Declaration> crossing = new ArrayList<>();
    for (Tapes.Declaration l : candidates) {
      if (forwardNames.contains(l.name()) && reverseNames.contains(l.name())) {
        crossing.add(l);
      }
    }
    List<CodeBlock> pushes = new ArrayList<>();
    List<CodeBlock> pops = new ArrayList<>();
    for (Tapes.Declaration l : crossing) {
      String stack = p.tapes().stack(l.type());
      pushes.add(CodeBlock.of("$L.push($L)", stack, l.name()));
      pops.add(0, CodeBlock.of("$L = $L.pop()", l.name(), stack));
    }

    Code forward = new Code(names);
    pushes.forEach(push -> forwardNames.addAll(Identifiers.in(push)));
    declare(p, forward, forwardNames, false);
    forward.comment("Forward sweep: the method's own code, saving what the reverse sweep needs.");
    forward.add(p.sweeps().forward());
    if (!pushes.isEmpty()) {
      forward.comment("Hand the reverse sweep the values it reads, on the tapes.");
      pushes.forEach(forward::line);
    }
    forward.line("return " + m.result().name());

    Code reverse = new Code(names);
    aliasChecks(m, sig, reverse);
    Set<String> reverseDeclared = new HashSet<>(reverseNames);
    pops.forEach(pop -> reverseDeclared.addAll(Identifiers.in(pop)));
    declare(p, reverse, reverseDeclared, true);
    inPlace.stream().filter(l -> reverseDeclared.contains(l.name()))
        .forEach(l -> reverse.line(l.line()));
    pops.forEach(reverse::line);
    reverse.comment("Reverse sweep: adjoints from the result back to the parameters.");
    reverse.add(reverseCode);
    return new Split(forward.build(), reverse.build());
  }

  /** The declarations among {@code p}'s that {@code used} names, in their order. */
  private static void declare(Parts p, Code out, Set<String> used, boolean reverse) {
    p.locals().stream().filter(l -> used.contains(l.name())).forEach(l -> out.line(l.line()));
    p.tapes().declarations().stream().filter(d -> used.contains(d.name()))
        .forEach(d -> out.line(d.line()));
    if (reverse) {
      p.prologue().forEach(out::line);
    }
  }

  /** Starts the reverse sweep from the upstream gradient, runs it, and fills scalar buffers. */
  private static void reverseSweep(Method m, Signature sig, Parts p, Code out) {
    if (p.activity().isActive(m.result())) {
      out.line(m.result().type().isArray()
          ? CodeBlock.of("$T.addInto($L, $L)", BUFFERS, p.adjoints().of(m.result()),
              sig.upstream())
          : CodeBlock.of("$L = $L", p.adjoints().of(m.result()), sig.upstream()));
    }
    out.add(p.sweeps().reverse());
    for (int k = 0; k < m.wrt().size(); k++) {
      Var v = m.wrt().get(k);
      if (v.type() == Type.DOUBLE && p.activity().isActive(v)) {
        out.line(sig.buffers().get(k) + "[0] += " + p.adjoints().of(v));
      }
    }
  }

  /** Parameters the method assigns to: their values at the end differ from the arguments. */
  private static List<Var> assignedParameters(Method m) {
    List<Var> out = new ArrayList<>();
    for (Stmt s : Walk.flatten(m.body())) {
      if (s instanceof Stmt.Assign && ((Stmt.Assign) s).target() instanceof Expr.Read) {
        Var v = ((Expr.Read) ((Stmt.Assign) s).target()).var();
        if (v.isParameter() && !out.contains(v)) {
          out.add(v);
        }
      }
    }
    return out;
  }

  private static void adjointDeclarations(Method m, Activity activity, Adjoints adjoints,
      Signature sig, List<Tapes.Declaration> out) {
    for (int k = 0; k < m.wrt().size(); k++) {
      Var p = m.wrt().get(k);
      if (p.type().isArray()) {
        out.add(new Tapes.Declaration(adjoints.of(p), null, CodeBlock.of("$L $L = $L",
            p.type().javaName(), adjoints.of(p), sig.buffers().get(k))));
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
        out.add(new Tapes.Declaration(adjoints.of(v), null, CodeBlock.of("$L $L = $L",
            v.type().javaName(), adjoints.of(v), v.type() == Type.DOUBLE_MATRIX
                ? CodeBlock.of("$T.zerosLike($L)", BUFFERS, v.name())
                : CodeBlock.of("new double[$L.length]", v.name()))));
      } else {
        out.add(new Tapes.Declaration(adjoints.of(v), v.type(), CodeBlock.of("$L $L = $L",
            v.type().javaName(), adjoints.of(v), v.type().zero())));
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
