package dev.jgrad.processor.analysis;

import dev.jgrad.processor.ir.Expr;
import dev.jgrad.processor.ir.Stmt;
import dev.jgrad.processor.ir.Var;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Where a scalar's old value, or an array element's, must be saved, found by following the
 * program forwards: the
 * reverse sweep restores by putting saved values back, so a value read by some adjoint needs
 * saving only at the first overwrite after that read. A running sum read only after its loop
 * (as {@code log(sum)}) is then saved once, where it is reset, instead of at every step.
 *
 * <p>The state is the set of variables with a pending read: some statement already passed
 * reads the variable's current value in its adjoint, and nothing has overwritten it since.
 */
final class SaveFlow {
  private final Function<Stmt, Set<Var>> reads;
  private final Function<Stmt, Var> restoredByInverse;
  private final Function<Var, List<Var>> aliases;
  private final Map<Stmt.Loop, Var> fullWrites;
  private final Function<Stmt.Loop, Counters.Counter> counterReset;
  private final Map<Stmt, Boolean> saves = new IdentityHashMap<>();

  /**
   * @param reads the variables a statement's reverse code reads (their values before it)
   * @param restoredByInverse the variable a statement's reverse code recomputes from its value
   *     after the statement ({@code i = i - 1} for {@code i++}), or null
   * @param aliases the array variables that may hold the same array as the given one
   * @param fullWrites the array each loop overwrites completely, if any ({@link FullWrites})
   * @param counterReset the counter a loop's reverse sets from its start, if any
   */
  SaveFlow(Function<Stmt, Set<Var>> reads, Function<Stmt, Var> restoredByInverse,
      Function<Var, List<Var>> aliases, Map<Stmt.Loop, Var> fullWrites,
      Function<Stmt.Loop, Counters.Counter> counterReset) {
    this.reads = reads;
    this.restoredByInverse = restoredByInverse;
    this.aliases = aliases;
    this.fullWrites = fullWrites;
    this.counterReset = counterReset;
  }

  /**
   * Runs the analysis over a method body. The caller's arrays are pending from the start: the
   * gradient methods promise to leave them as they found them.
   */
  SaveFlow run(List<Stmt> body, List<Var> parameters) {
    Set<Var> pending = new LinkedHashSet<>();
    for (Var p : parameters) {
      if (p.type().isArray()) {
        pending.addAll(aliases.apply(p));
      }
    }
    block(body, pending);
    return this;
  }

  /**
   * Whether the scalar written by {@code s}, or the array element it writes, must be saved
   * before it is overwritten. An element is saved while anything already passed reads its array
   * in reverse (elements are not told apart, so a single write never ends that; a loop that
   * overwrites every element does). A fresh array filled in a loop that nothing before reads
   * back, such as {@code d[j] = exp(q[j])}, is not saved.
   */
  boolean saves(Stmt s) {
    return saves.getOrDefault(s, false);
  }

  private Set<Var> block(List<Stmt> stmts, Set<Var> pending) {
    Set<Var> state = pending;
    for (Stmt s : stmts) {
      state = statement(s, state);
    }
    return state;
  }

  private Set<Var> statement(Stmt s, Set<Var> in) {
    if (s instanceof Stmt.If) {
      Set<Var> yes = block(((Stmt.If) s).whenTrue(), new LinkedHashSet<>(in));
      Set<Var> no = block(((Stmt.If) s).whenFalse(), new LinkedHashSet<>(in));
      yes.addAll(no);
      return yes;
    }
    if (s instanceof Stmt.Loop) {
      Stmt.Loop l = (Stmt.Loop) s;
      Set<Var> head = new LinkedHashSet<>(in);
      while (true) {
        Set<Var> after = block(l.update(), block(l.body(), new LinkedHashSet<>(head)));
        if (head.containsAll(after)) {
          // A loop that overwrites a whole array ends the reads pending on it: the reverse of
          // the loop puts back every element before anything earlier reads the array.
          head.remove(fullWrites.get(l));
          Counters.Counter c = counterReset.apply(l);
          if (c != null) {
            // The loop's reverse sets its counter from the start and the trip count: the
            // counter's value after the loop is not read back, the start's variables are.
            head.remove(c.counter());
            head.addAll(dev.jgrad.processor.ir.Reads.of(c.start()));
          }
          return head;
        }
        head.addAll(after);
      }
    }
    Set<Var> out = new LinkedHashSet<>(in);
    for (Var v : reads.apply(s)) {
      if (v.type().isArray()) {
        out.addAll(aliases.apply(v));
      } else {
        out.add(v);
      }
    }
    Var element = elementBase(s);
    if (element != null && out.contains(element)) {
      saves.put(s, true);
    }
    Var written = written(s);
    if (written != null) {
      if (out.contains(written)) {
        saves.put(s, true);
      }
      out.remove(written);
      if (restoredByInverse.apply(s) == written) {
        // Undoing i++ by i-- needs i's value after the step to still be there in reverse.
        out.add(written);
      }
    }
    return out;
  }

  /** The array whose element an assignment writes, or null. */
  private static Var elementBase(Stmt s) {
    // Null for an array that has no name; Saves then saves its elements regardless.
    return s instanceof Stmt.Assign && ((Stmt.Assign) s).target() instanceof Expr.Index
        ? dev.jgrad.processor.ir.Exprs.base(((Stmt.Assign) s).target()) : null;
  }

  /** The scalar variable a statement overwrites, or null. */
  private static Var written(Stmt s) {
    if (s instanceof Stmt.Assign && ((Stmt.Assign) s).target() instanceof Expr.Read) {
      Var v = ((Expr.Read) ((Stmt.Assign) s).target()).var();
      return v.type().isArray() ? null : v;
    }
    if (s instanceof Stmt.Call && ((Stmt.Call) s).result() != null) {
      Var v = ((Stmt.Call) s).result();
      return v.type().isArray() ? null : v;
    }
    return null;
  }
}
