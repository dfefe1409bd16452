package dev.jgrad.processor.reverse;

import com.palantir.javapoet.CodeBlock;
import dev.jgrad.processor.analysis.Activity;
import dev.jgrad.processor.analysis.Counters;
import dev.jgrad.processor.analysis.Recomputed;
import dev.jgrad.processor.analysis.Saves;
import dev.jgrad.processor.ir.Expr;
import dev.jgrad.processor.ir.Stmt;
import dev.jgrad.processor.ir.Type;
import dev.jgrad.processor.ir.Var;
import dev.jgrad.processor.lower.Names;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the forward and the reverse sweep of a statement list together, statement by statement:
 * each statement gives its forward code (with what it must save or record) and its reverse code
 * (restores, then adjoints), and a list's reverse is its statements' reverses, last first.
 */
final class SweepWriter {
  /** The two halves written for one piece of code. */
  record Sweeps(CodeBlock forward, CodeBlock reverse, boolean reverseEmpty) {}

  private final Activity activity;
  private final Saves saves;
  private final Adjoints adjoints;
  private final Names names;
  private final Tapes tapes;
  private final Printer printer;
  private final String ownerClass;
  private final CallWriter calls;

  SweepWriter(Activity activity, Saves saves, Adjoints adjoints, Names names, Tapes tapes,
      String ownerClass, List<CodeBlock> prologue) {
    this.activity = activity;
    this.saves = saves;
    this.adjoints = adjoints;
    this.names = names;
    this.tapes = tapes;
    this.ownerClass = ownerClass;
    this.printer = new Printer(ownerClass, new IdentityHashMap<>());
    this.calls = new CallWriter(activity, saves, adjoints, names, tapes, printer, ownerClass,
        prologue);
  }

  /** Locals declared where they are first assigned, rather than hoisted to the top. */
  private final java.util.Set<Var> declaredInPlace = new java.util.LinkedHashSet<>();

  java.util.Set<Var> declaredInPlace() {
    return declaredInPlace;
  }

  /** The method body: its own top-level declarations stay where they are. */
  Sweeps body(List<Stmt> stmts) {
    return block(stmts, true);
  }

  Sweeps block(List<Stmt> stmts) {
    return block(stmts, false);
  }

  private Sweeps block(List<Stmt> stmts, boolean topLevel) {
    Code forward = new Code(names);
    List<Sweeps> parts = new ArrayList<>();
    for (Stmt s : stmts) {
      Sweeps one = s instanceof Stmt.Assign ? assign((Stmt.Assign) s, topLevel) : statement(s);
      forward.add(one.forward());
      parts.add(one);
    }
    Code reverse = new Code(names);
    boolean empty = true;
    for (int k = parts.size() - 1; k >= 0; k--) {
      if (!parts.get(k).reverseEmpty()) {
        reverse.add(parts.get(k).reverse());
        empty = false;
      }
    }
    return new Sweeps(forward.build(), reverse.build(), empty);
  }

  private Sweeps statement(Stmt s) {
    if (s instanceof Stmt.Assign) {
      return assign((Stmt.Assign) s, false);
    }
    if (s instanceof Stmt.Call) {
      return calls.write((Stmt.Call) s);
    }
    if (s instanceof Stmt.If) {
      return branch((Stmt.If) s);
    }
    return loop((Stmt.Loop) s);
  }

  private Sweeps assign(Stmt.Assign a, boolean topLevel) {
    Code forward = new Code(names);
    Code reverse = new Code(names);
    int depth = saves.depth(a);
    String target = printer.print(a.target());
    boolean reference = a.target() instanceof Expr.Read && a.target().type().isArray();
    Var var = a.target() instanceof Expr.Read ? ((Expr.Read) a.target()).var() : null;
    boolean activeArray = reference && activity.isActive(var);

    // Costly intermediates are computed once, here, and kept for the reverse sweep. They are
    // saved before the target, so the reverse sweep gets them back after restoring it.
    List<Expr.MathCall> kept = !reference && activity.isActive(a.target())
        && activity.isActive(a.value()) ? Intermediates.of(a.value(), activity) : List.of();
    Map<Expr, String> held = new IdentityHashMap<>();
    Printer valuePrinter = kept.isEmpty() ? printer : new Printer(ownerClass, held);
    List<Tapes.Saved> keptSaves = new ArrayList<>();
    for (Expr.MathCall call : kept) {
      if (depth == 0) {
        // Outside loops the value lives in a method-level local the reverse sweep reads.
        String slot = tapes.local("y", Type.DOUBLE);
        forward.line(CodeBlock.of("$L = $L", slot, valuePrinter.print(call)));
        held.put(call, slot);
        keptSaves.add(null);
        continue;
      }
      String local = names.fresh("y");
      forward.line(CodeBlock.of("double $L = $L", local, valuePrinter.print(call)));
      held.put(call, local);
      Tapes.Saved save = tapes.save(local, Type.DOUBLE, depth);
      forward.line(save.save());
      keptSaves.add(save);
    }
    List<Tapes.Saved> saved = new ArrayList<>();
    if (saves.savesTarget(a)) {
      Type type = a.target().type();
      saved.add(tapes.save(target, type, depth));
      if (activeArray) {
        saved.add(tapes.save(adjoints.of(var), type, depth));
      }
      saved.forEach(x -> forward.line(x.save()));
    }
    Snapshots snapshots = new Snapshots(tapes, printer);
    if (a.value() instanceof Expr.PlainCall) {
      snapshots.take(((Expr.PlainCall) a.value()).args(), saves.snapshots(a), depth, forward);
    }
    String value = valuePrinter.print(a.value());
    if (topLevel && var != null && !reference && saves.isOnlyDeclaration(a)) {
      // A straight-line local is declared where it is computed, as in the source.
      declaredInPlace.add(var);
      forward.line(var.type().javaName() + " " + target + " = " + value);
    } else {
      forward.line(target + " = " + value);
    }
    if (activeArray) {
      forward.line(adjoints.of(var) + " = " + new ArrayAdjoints(adjoints, printer)
          .allocate(a.value()));
    }

    ExprAdjoint adj = new ExprAdjoint(activity, adjoints, reverse, ownerClass);
    if (reference) {
      // The adjoint array belongs to the new array: read it before restoring the old pair.
      if (activeArray && a.value() instanceof Expr.ArrayLiteral && activity.isActive(a.value())) {
        String grads = names.fresh("elementBars");
        reverse.line(a.target().type().javaName() + " " + grads + " = " + adjoints.of(var));
        restore(reverse, saved, target, var);
        literal(adj, (Expr.ArrayLiteral) a.value(), grads);
      } else {
        restore(reverse, saved, target, var);
      }
    } else {
      restore(reverse, saved, target, var);
      restoreByInverse(reverse, a);
      snapshots.restore(reverse);
      for (int k = kept.size() - 1; k >= 0; k--) {
        if (keptSaves.get(k) == null) {
          adj.hold(kept.get(k), held.get(kept.get(k)));
          continue;
        }
        String local = names.fresh("y");
        reverse.line(CodeBlock.of("double $L = $L", local, keptSaves.get(k).load()));
        adj.hold(kept.get(k), local);
      }
      adjointOfAssignment(a, adj, reverse);
    }
    if (!reverse.isEmpty()) {
      return new Sweeps(forward.build(), withComment(a, reverse), false);
    }
    return new Sweeps(forward.build(), CodeBlock.of(""), true);
  }

  private void restore(Code reverse, List<Tapes.Saved> saved, String target, Var var) {
    if (saved.isEmpty()) {
      return;
    }
    if (saved.size() == 2) {
      reverse.line(adjoints.of(var) + " = " + saved.get(1).load());
    }
    reverse.line(target + " = " + saved.get(0).load());
  }

  /**
   * {@code i = i + 1} is undone by {@code i = i - 1}, {@code s = -s} by {@code s = -s}: no tape
   * for loop counters and alternating signs.
   */
  private void restoreByInverse(Code reverse, Stmt.Assign a) {
    String step = saves.invertibleStep(a);
    Var v = a.target() instanceof Expr.Read ? ((Expr.Read) a.target()).var() : null;
    if (saves.isNegation(a) && saves.isNeeded(v)) {
      reverse.line(v.name() + " = -" + v.name());
      return;
    }
    if (step != null && saves.isNeeded(v)) {
      String undo = step.startsWith("-") ? " + " + step.substring(1) : " - " + step;
      reverse.line(v.name() + " = " + v.name() + undo);
    }
  }

  private void adjointOfAssignment(Stmt.Assign a, ExprAdjoint adj, Code reverse) {
    Expr target = a.target();
    if (!activity.isActive(target)) {
      return;
    }
    String targetBar = target instanceof Expr.Read
        ? adjoints.of(((Expr.Read) target).var())
        : adjoints.ofArray(((Expr.Index) target).array(), printer) + "["
            + printer.print(((Expr.Index) target).index()) + "]";
    if (target instanceof Expr.Read && saves.isOnlyDeclaration(a)) {
      // Nothing reads or writes this local before its declaration: use its adjoint directly.
      adj.propagate(a.value(), Term.atom(targetBar));
      return;
    }
    Expr rest = Accumulation.rest(a);
    if (rest != null) {
      // target = target + rest: the target's adjoint passes through unchanged.
      boolean minus = Accumulation.isSubtraction(a);
      Term g = Term.atom(targetBar);
      if (target instanceof Expr.Index || Accumulation.mentionsTarget(a, activity)) {
        g = Term.atom(adj.bind(CodeBlock.of("$L", targetBar)));
      }
      adj.propagate(rest, minus ? g.negated() : g);
      return;
    }
    if (!activity.isActive(a.value())) {
      reverse.line(targetBar + " = 0.0");
      return;
    }
    String g = adj.bind(CodeBlock.of("$L", targetBar));
    reverse.line(targetBar + " = 0.0");
    adj.propagate(a.value(), Term.atom(g));
  }

  private void literal(ExprAdjoint adj, Expr.ArrayLiteral lit, String grads) {
    for (int k = 0; k < lit.elements().size(); k++) {
      Expr e = lit.elements().get(k);
      String slot = grads + "[" + k + "]";
      if (e instanceof Expr.ArrayLiteral) {
        literal(adj, (Expr.ArrayLiteral) e, slot);
      } else {
        adj.propagate(e, Term.atom(slot));
      }
    }
  }

  private Sweeps branch(Stmt.If s) {
    tapes.cursors().enterLevel(false);
    Sweeps yes = block(s.whenTrue());
    Sweeps no = block(s.whenFalse());
    tapes.cursors().exitLevel(null);
    String cond = printer.print(s.condition());
    Code forward = new Code(names);
    if (yes.reverseEmpty() && no.reverseEmpty()) {
      ifElse(forward, cond, negation(s.condition()), yes.forward(), no.forward(), null, null);
      return new Sweeps(forward.build(), CodeBlock.of(""), true);
    }
    Code reverse = new Code(names);
    if (saves.recomputes(s)) {
      // Its variables hold the same values in the reverse sweep: test it again.
      String negated = negation(s.condition());
      ifElse(forward, cond, negated, yes.forward(), no.forward(), null, null);
      ifElse(reverse, cond, negated, yes.reverse(), no.reverse(), null, null);
    } else if (saves.depth(s) == 0) {
      String taken = tapes.local("branch", Type.BOOLEAN);
      forward.line(taken + " = " + cond);
      ifElse(forward, taken, null, yes.forward(), no.forward(), null, null);
      ifElse(reverse, taken, null, yes.reverse(), no.reverse(), null, null);
    } else {
      List<CodeBlock> decision = tapes.decision();
      ifElse(forward, cond, negation(s.condition()), yes.forward(), no.forward(),
          decision.get(0), decision.get(1));
      Tapes.Decision read = tapes.readDecision();
      ifElse(reverse, read.taken(), read.notTaken(), yes.reverse(), no.reverse(), null, null);
    }
    return new Sweeps(forward.build(), reverse.build(), false);
  }

  /**
   * An if/else. A recorded decision is pushed at the end of its branch, after whatever the
   * branch itself pushed, so that the reverse sweep pops the decision first.
   */
  private static void ifElse(Code out, String cond, String negated, CodeBlock yes,
      CodeBlock no, CodeBlock recordYes, CodeBlock recordNo) {
    boolean hasElse = !no.isEmpty() || recordNo != null;
    if (yes.isEmpty() && recordYes == null && hasElse) {
      String not = negated != null ? negated : "!(" + cond + ")";
      out.open("if (" + not + ")");
      out.add(no);
      out.close();
      return;
    }
    out.open("if (" + cond + ")");
    out.add(yes);
    if (recordYes != null) {
      out.line(recordYes);
    }
    if (hasElse) {
      out.orElse();
      out.add(no);
      if (recordNo != null) {
        out.line(recordNo);
      }
    }
    out.close();
  }

  private Sweeps loop(Stmt.Loop s) {
    boolean cursors = CallFree.loop(s) && tapes.cursors().openCursors();
    Sweeps sweeps = loopSweeps(s);
    if (!cursors) {
      return sweeps;
    }
    Cursors.CursorCode wrap = tapes.cursors().closeCursors();
    if (wrap.load().isEmpty()) {
      return sweeps;
    }
    return new Sweeps(wrapped(wrap, sweeps.forward()), wrapped(wrap, sweeps.reverse()), false);
  }

  private CodeBlock wrapped(Cursors.CursorCode wrap, CodeBlock sweep) {
    Code out = new Code(names);
    out.comment("This loop calls no method, so it uses the tapes through local cursors.");
    wrap.load().forEach(out::line);
    out.add(sweep);
    wrap.store().forEach(out::line);
    return out.build();
  }

  private Sweeps loopSweeps(Stmt.Loop s) {
    List<Stmt> iteration = new ArrayList<>(s.body());
    iteration.addAll(s.update());
    String bound = TripBound.of(s, printer);
    tapes.cursors().enterLevel(bound != null);
    Sweeps body = block(iteration);
    List<CodeBlock> reserve = tapes.cursors().exitLevel(bound);
    String cond = printer.print(s.condition());
    Code forward = new Code(names);
    if (body.reverseEmpty()) {
      forward.open("while (" + cond + ")");
      forward.add(body.forward());
      forward.close();
      return new Sweeps(forward.build(), CodeBlock.of(""), true);
    }
    Code reverse = new Code(names);
    Recomputed.TripCount known = saves.tripCount(s);
    String count;
    if (known != null) {
      // The trip count follows from the counter's start and end, which the reverse sweep
      // sees unchanged: nothing to count or record.
      count = names.fresh("trips");
      reverse.line("int " + count + " = " + tripCount(known));
      reserve.forEach(forward::line);
      forward.open("while (" + cond + ")");
      forward.add(body.forward());
      forward.close();
    } else {
      String trips;
      if (saves.depth(s) == 0) {
        trips = tapes.local("trips", Type.INT);
        forward.line(trips + " = 0");
        count = trips;
      } else {
        trips = names.fresh("trips");
        forward.line("int " + trips + " = 0");
        count = tapes.pop(Type.INT).toString();
      }
      reserve.forEach(forward::line);
      forward.open("while (" + cond + ")");
      forward.add(body.forward());
      forward.line(trips + "++");
      forward.close();
      if (saves.depth(s) > 0) {
        forward.line(tapes.push(Type.INT, trips));
      }
    }
    Counters.Counter reset = saves.counterReset(s);
    if (reset != null) {
      // The counter ends at start + trips: set it here rather than save it where it restarts.
      if (known == null && saves.depth(s) > 0) {
        String popped = names.fresh("trips");
        reverse.line("int " + popped + " = " + count);
        count = popped;
      }
      String start = printer.print(reset.start(), Printer.UNARY);
      String name = reset.counter().name();
      reverse.line(name + " = " + (start.equals("0") && reset.up() ? count
          : start + (reset.up() ? " + " : " - ") + count));
    }
    String iter = names.fresh("iteration");
    reverse.open("for (int " + iter + " = " + count + "; " + iter + " > 0; " + iter + "--)");
    reverse.add(body.reverse());
    reverse.close();
    return new Sweeps(forward.build(), reverse.build(), false);
  }

  /** {@code max(0, end - start)} (one more for an inclusive test), in long against overflow. */
  private String tripCount(Recomputed.TripCount t) {
    String start = printer.print(t.start(), Printer.UNARY);
    String end = printer.print(t.end(), Printer.UNARY);
    if (t.up() && !t.inclusive() && start.equals("0")) {
      return "Math.max(0, " + printer.print(t.end()) + ")";
    }
    String span = t.up() ? "(long) " + end + " - " + start : "(long) " + start + " - " + end;
    return "(int) Math.max(0, " + span + (t.inclusive() ? " + 1" : "") + ")";
  }

  /**
   * The condition's negation written plainly where that is exact: {@code ==} and {@code !=}
   * flip for any operands, the orderings only between ints (for doubles, NaN makes
   * {@code !(a < b)} differ from {@code a >= b}). Null otherwise.
   */
  private String negation(Expr cond) {
    if (!(cond instanceof Expr.Binary)) {
      return null;
    }
    Expr.Binary b = (Expr.Binary) cond;
    boolean ints = b.left().type() == Type.INT && b.right().type() == Type.INT;
    String op = switch (b.op()) {
      case "==" -> "!=";
      case "!=" -> "==";
      case "<" -> ints ? ">=" : null;
      case "<=" -> ints ? ">" : null;
      case ">" -> ints ? "<=" : null;
      case ">=" -> ints ? "<" : null;
      default -> null;
    };
    return op == null ? null
        : printer.print(new Expr.Binary(op, b.left(), b.right(), b.type()));
  }

  private CodeBlock withComment(Stmt.Assign a, Code reverse) {
    Code out = new Code(names);
    out.comment(printer.print(a.target()) + " = " + printer.print(a.value())
        + (a.line() > 0 ? "  (line " + a.line() + ")" : ""));
    out.add(reverse.build());
    return out.build();
  }
}
