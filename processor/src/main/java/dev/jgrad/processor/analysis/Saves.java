package dev.jgrad.processor.analysis;

import dev.jgrad.processor.ir.Expr;
import dev.jgrad.processor.ir.Exprs;
import dev.jgrad.processor.ir.Method;
import dev.jgrad.processor.ir.Reads;
import dev.jgrad.processor.ir.Stmt;
import dev.jgrad.processor.ir.Var;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the forward sweep must save so the reverse sweep can restore it (the "to be recorded"
 * analysis): a value is saved where it is overwritten only if some adjoint reads the variable.
 *
 * <p>The reverse sweep walks back through the statements restoring what it saved, so when it
 * reaches a statement every variable it reads holds the value it had there in the forward sweep.
 * Variables no adjoint reads are never restored: nothing looks at them.
 */
public final class Saves {
  private final Activity activity;
  private final Set<Var> needed = new LinkedHashSet<>();
  private AssignmentFacts assignments;
  private final Map<Stmt, Integer> depth = new IdentityHashMap<>();
  private SaveFlow flow;
  private Map<Stmt.Loop, Counters.Counter> counters;
  private Recomputed recomputed;

  private Saves(Activity activity) {
    this.activity = activity;
  }

  public static Saves of(Method m, Activity activity) {
    Saves s = new Saves(activity);
    s.assignments = AssignmentFacts.of(m.body());
    s.scan(m.body(), 0);
    s.indicesOfRestoredSlots(Walk.flatten(m.body()));
    s.counters = Counters.of(m.body());
    s.startsOfResetCounters();
    s.recomputed = Recomputed.of(m.body(), s::counterReset, s.counters, s.assignments);
    s.flow = new SaveFlow(s::reverseReads, s::inverted, activity.aliases()::classOf,
        FullWrites.of(m, s::reverseReads, activity.aliases()::classOf, s.assignments), s::counterReset)
        .run(m.body(), m.parameters());
    return s;
  }

  /** Loop nesting depth of a statement: at depth 0 a save can live in a local. */
  public int depth(Stmt s) {
    return depth.get(s);
  }

  /** Whether the reverse sweep reads {@code v}. */
  public boolean isNeeded(Var v) {
    return needed.contains(v);
  }

  /**
   * The counter the reverse of loop {@code l} sets itself before walking it back, from its
   * start and the trip count ({@link Counters}), or null. Only counters the reverse sweep reads:
   * the others are never restored at all.
   */
  public Counters.Counter counterReset(Stmt.Loop l) {
    Counters.Counter c = counters.get(l);
    return c != null && needed.contains(c.counter()) ? c : null;
  }

  /**
   * A counter set from its start in reverse reads the start's variables there: they are
   * needed, and so restored (which may make another counter, in the start, needed in turn).
   */
  private void startsOfResetCounters() {
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Counters.Counter c : counters.values()) {
        if (needed.contains(c.counter())) {
          changed |= needed.addAll(Reads.of(c.start()));
        }
      }
    }
  }

  /** Whether the reverse sweep tests the branch's condition again rather than recording it. */
  public boolean recomputes(Stmt.If s) {
    return recomputed.decides(s);
  }

  /** How the reverse sweep computes the loop's trip count again, or null: it records it. */
  public Recomputed.TripCount tripCount(Stmt.Loop l) {
    return recomputed.trips(l);
  }

  /** Whether the call's pullback must run in the reverse sweep. */
  public boolean isActive(Stmt.Call c) {
    if (c.result() != null && activity.isActive(c.result())) {
      return true;
    }
    return Flows.writtenArrays(c).stream().anyMatch(activity::isActive);
  }

  /** Whether an assignment's target is restored from a save. */
  public boolean savesTarget(Stmt.Assign a) {
    if (a.target() instanceof Expr.Index) {
      Var base = Exprs.base(a.target());
      return arrayContentsMatter(base) && (base == null || flow.saves(a));
    }
    Var v = ((Expr.Read) a.target()).var();
    boolean matters = v.type().isArray() ? needed.contains(v) || activity.isActive(v)
        : flow.saves(a);
    if (!matters || overwritesNothing(v, a)) {
      return false;
    }
    return invertibleStep(a) == null && !isNegation(a);
  }

  /**
   * Whether the assignment is {@code v = -v}: negation is its own exact inverse (for ints too,
   * as -MIN_VALUE is MIN_VALUE), so the reverse sweep negates again instead of saving.
   */
  public boolean isNegation(Stmt.Assign a) {
    if (!(a.target() instanceof Expr.Read) || !(a.value() instanceof Expr.Unary)
        || a.target().type().isArray()) {
      return false;
    }
    Expr.Unary u = (Expr.Unary) a.value();
    return u.op().equals("-") && u.operand() instanceof Expr.Read
        && ((Expr.Read) u.operand()).var() == ((Expr.Read) a.target()).var();
  }

  /** Whether a call's result temporary is restored from a save. */
  public boolean savesResult(Stmt.Call c) {
    Var v = c.result();
    if (v == null) {
      return false;
    }
    boolean matters = v.type().isArray() ? needed.contains(v) || activity.isActive(v)
        : flow.saves(c);
    return matters && !overwritesNothing(v, c);
  }

  /** The arrays a call may overwrite that must be copied before it and put back in reverse. */
  public Set<Var> snapshots(Stmt.Call c) {
    Set<Var> out = new LinkedHashSet<>();
    for (Var v : Flows.writtenArrays(c)) {
      if (isActive(c) || arrayContentsMatter(v)) {
        out.add(v);
      }
    }
    return out;
  }

  /**
   * The arrays a helper without a derivative may overwrite that must be copied before it and put
   * back in reverse (the helper itself is never run backwards).
   */
  public Set<Var> snapshots(Stmt.Assign a) {
    Set<Var> out = new LinkedHashSet<>();
    if (a.value() instanceof Expr.PlainCall) {
      Expr.PlainCall call = (Expr.PlainCall) a.value();
      for (int k = 0; k < call.args().size(); k++) {
        Var base = Exprs.base(call.args().get(k));
        if (call.writesArrays().get(k) && base != null && arrayContentsMatter(base)) {
          out.add(base);
        }
      }
    }
    return out;
  }

  /**
   * A local's declaration outside loops that is its only assignment: nothing reads the local
   * before it, and nothing writes it after, so its adjoint needs no copy and no reset.
   */
  public boolean isOnlyDeclaration(Stmt.Assign a) {
    if (!a.declaration() || depth(a) != 0 || !(a.target() instanceof Expr.Read)) {
      return false;
    }
    return assignments.count(((Expr.Read) a.target()).var()) == 1;
  }

  /**
   * For {@code i = i + c} or {@code i = i - c} on an int with a literal step, the step; the
   * reverse sweep undoes it by subtracting, so a loop counter needs no tape. Else null.
   */
  public String invertibleStep(Stmt.Assign a) {
    if (!(a.target() instanceof Expr.Read) || a.target().type() != dev.jgrad.processor.ir.Type.INT
        || !(a.value() instanceof Expr.Binary)) {
      return null;
    }
    Expr.Binary b = (Expr.Binary) a.value();
    boolean self = b.left() instanceof Expr.Read
        && ((Expr.Read) b.left()).var() == ((Expr.Read) a.target()).var();
    if (self && b.right() instanceof Expr.Literal && (b.op().equals("+") || b.op().equals("-"))) {
      String step = ((Expr.Literal) b.right()).text();
      return b.op().equals("+") ? step : "-" + step;
    }
    return null;
  }

  /**
   * Whether an array's elements must be saved before they are overwritten: some adjoint reads
   * them, or they may be the caller's data, which the gradient methods promise to leave as they
   * found it.
   */
  public boolean arrayContentsMatter(Var base) {
    if (base == null) {
      return true;
    }
    for (Var member : activity.aliases().classOf(base)) {
      if (member.isParameter() || needed.contains(member)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the value an assignment overwrites was never read: a local's declaration outside
   * loops (it runs at most once, and Java forbids reading a local before it), or the only
   * assignment of a local outside loops.
   */
  private boolean overwritesNothing(Var v, Stmt s) {
    if (v.isParameter() || depth(s) != 0) {
      return false;
    }
    boolean declaration = s instanceof Stmt.Assign && ((Stmt.Assign) s).declaration();
    return declaration || assignments.count(v) == 1;
  }

  private void scan(List<Stmt> stmts, int d) {
    PartialReads partials = new PartialReads(activity);
    for (Stmt s : stmts) {
      depth.put(s, d);
      if (s instanceof Stmt.Assign) {
        Stmt.Assign a = (Stmt.Assign) s;
        Var base = Exprs.base(a.target());
        if (base != null && activity.isActive(base)) {
          partials.collect(a.value(), needed);
          if (a.target() instanceof Expr.Index) {
            partials.collect(a.target(), needed);
          }
        }
      } else if (s instanceof Stmt.Call) {
        Stmt.Call c = (Stmt.Call) s;
        if (isActive(c)) {
          c.args().forEach(arg -> Reads.collect(arg, needed));
        }
      } else if (s instanceof Stmt.If) {
        scan(((Stmt.If) s).whenTrue(), d);
        scan(((Stmt.If) s).whenFalse(), d);
      } else if (s instanceof Stmt.Loop) {
        scan(((Stmt.Loop) s).body(), d + 1);
        scan(((Stmt.Loop) s).update(), d + 1);
      }
    }
    closeOverAliases();
  }

  /** The variables a statement's reverse code reads, as the values they had before it. */
  private Set<Var> reverseReads(Stmt s) {
    Set<Var> out = new LinkedHashSet<>();
    PartialReads partials = new PartialReads(activity);
    if (s instanceof Stmt.Assign) {
      Stmt.Assign a = (Stmt.Assign) s;
      Var base = Exprs.base(a.target());
      if (base != null && activity.isActive(base)) {
        partials.collect(a.value(), out);
        if (a.target() instanceof Expr.Index) {
          partials.collect(a.target(), out);
        }
      }
      // Flow-insensitive on purpose: the flow analysis asks this before it has decided.
      if (a.target() instanceof Expr.Index && arrayContentsMatter(Exprs.base(a.target()))) {
        // Putting a[i] back reads i (and the row index of m[r][i]), not a's contents.
        for (Expr t = a.target(); t instanceof Expr.Index; t = ((Expr.Index) t).array()) {
          Reads.collect(((Expr.Index) t).index(), out);
        }
      }
      if (!snapshots(a).isEmpty()) {
        ((Expr.PlainCall) a.value()).args().forEach(arg -> Reads.collect(arg, out));
      }
    } else if (s instanceof Stmt.Call) {
      Stmt.Call c = (Stmt.Call) s;
      if (isActive(c) || !snapshots(c).isEmpty()) {
        c.args().forEach(arg -> Reads.collect(arg, out));
      }
    }
    return out;
  }

  /** The variable {@code s} restores by undoing its step, if it does. */
  private Var inverted(Stmt s) {
    if (s instanceof Stmt.Assign && (invertibleStep((Stmt.Assign) s) != null
        || isNegation((Stmt.Assign) s))) {
      Var v = ((Expr.Read) ((Stmt.Assign) s).target()).var();
      return needed.contains(v) ? v : null;
    }
    return null;
  }

  /** Restoring {@code a[i]} or copying back a row {@code m[i]} reads {@code i}. */
  private void indicesOfRestoredSlots(List<Stmt> all) {
    for (Stmt s : all) {
      if (s instanceof Stmt.Assign && ((Stmt.Assign) s).target() instanceof Expr.Index
          && arrayContentsMatter(Exprs.base(((Stmt.Assign) s).target()))) {
        Reads.collect(((Stmt.Assign) s).target(), needed);
      } else if (s instanceof Stmt.Assign && !snapshots((Stmt.Assign) s).isEmpty()) {
        Expr.PlainCall call = (Expr.PlainCall) ((Stmt.Assign) s).value();
        for (Expr arg : call.args()) {
          if (snapshots((Stmt.Assign) s).contains(Exprs.base(arg))) {
            Reads.collect(arg, needed);
          }
        }
      } else if (s instanceof Stmt.Call) {
        Stmt.Call c = (Stmt.Call) s;
        for (Expr arg : c.args()) {
          if (snapshots(c).contains(Exprs.base(arg))) {
            Reads.collect(arg, needed);
          }
        }
      }
    }
  }

  /** An array whose contents are read is read through every alias. */
  private void closeOverAliases() {
    for (Var v : List.copyOf(needed)) {
      if (v.type().isArray()) {
        needed.addAll(activity.aliases().classOf(v));
      }
    }
  }
}
