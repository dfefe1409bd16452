package dev.jgrad.processor.reverse;

import com.palantir.javapoet.CodeBlock;
import dev.jgrad.processor.analysis.Activity;
import dev.jgrad.processor.ir.Expr;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Writes the adjoint of one expression: given the gradient {@code g} of its value, adds each
 * input's share into that input's adjoint. An add gate passes {@code g} to both inputs, a
 * multiply gate swaps its inputs, a function multiplies by its local derivative.
 *
 * <p>Intermediate values are recomputed from the restored inputs rather than taped; values used
 * more than once are held in a local first.
 */
final class ExprAdjoint {
  private final Activity activity;
  private final Adjoints adjoints;
  private final Code out;
  private final Map<Expr, String> bound = new IdentityHashMap<>();
  private final Printer printer;
  private final Rules rules;

  ExprAdjoint(Activity activity, Adjoints adjoints, Code out, String ownerClass) {
    this.activity = activity;
    this.adjoints = adjoints;
    this.out = out;
    this.printer = new Printer(ownerClass, bound);
    this.rules = new Rules(this);
  }

  /** Adds {@code g} times the derivative of {@code e} into the adjoints of e's inputs. */
  void propagate(Expr e, Term g) {
    if (!activity.isActive(e)) {
      return;
    }
    if (e instanceof Expr.Read) {
      accumulate(adjoints.of(((Expr.Read) e).var()), g);
      return;
    }
    if (e instanceof Expr.Index) {
      Expr.Index i = (Expr.Index) e;
      accumulate(adjoints.ofArray(i.array(), printer) + "[" + printer.print(i.index()) + "]", g);
      return;
    }
    Term gate = g.isSimple() ? g : Term.atom(bind(g.code()));
    if (e instanceof Expr.Unary) {
      Expr.Unary u = (Expr.Unary) e;
      propagate(u.operand(), u.op().equals("-") ? gate.negated() : gate);
    } else if (e instanceof Expr.Binary) {
      binary((Expr.Binary) e, gate);
    } else if (e instanceof Expr.Conditional) {
      Expr.Conditional c = (Expr.Conditional) e;
      Map<Expr, String> before = new IdentityHashMap<>(bound);
      out.open("if (" + printer.print(c.condition()) + ")");
      propagate(c.whenTrue(), gate);
      restore(before);
      out.orElse();
      propagate(c.whenFalse(), gate);
      restore(before);
      out.close();
    } else if (e instanceof Expr.MathCall) {
      rules.apply((Expr.MathCall) e, gate);
    } else {
      throw new IllegalStateException("no adjoint for " + e);
    }
  }

  private void binary(Expr.Binary b, Term g) {
    Expr l = b.left();
    Expr r = b.right();
    switch (b.op()) {
      case "+":
        propagate(l, g);
        propagate(r, g);
        break;
      case "-":
        propagate(l, g);
        propagate(r, g.negated());
        break;
      case "*":
        if (l.equals(r) && isCheap(l) && activity.isActive(l)) {
          // A square: both factors' shares go to one place, in one update.
          propagate(l, g.times(value(r)).times(Term.atom("2.0")));
          break;
        }
        if (activity.isActive(l)) {
          propagate(l, g.times(value(r)));
        }
        if (activity.isActive(r)) {
          propagate(r, g.times(value(l)));
        }
        break;
      case "/":
        if (activity.isActive(l)) {
          propagate(l, g.over(value(r)));
        }
        if (activity.isActive(r)) {
          // d(l/r)/dr = -(l/r)/r: reuse the quotient instead of squaring r.
          propagate(r, g.times(value(b)).over(value(r)).negated());
        }
        break;
      case "%":
        propagate(l, g);
        if (activity.isActive(r)) {
          // l % r = l - r * n with n = (l - l % r) / r, an integer: d/dr = -n.
          Term n = Term.of("(" + value(l).code() + " - " + value(b).code() + ") / "
              + value(r).wrap(Term.MUL + 1), Term.MUL);
          propagate(r, g.times(n).negated());
        }
        break;
      default:
        throw new IllegalStateException("no adjoint for operator " + b.op());
    }
  }

  /**
   * The value of {@code e} as a term. Anything costlier than a read is computed into a local,
   * children first, so each subexpression is evaluated once however often its value is used.
   */
  Term value(Expr e) {
    String name = bound.get(e);
    if (name != null) {
      return Term.atom(name);
    }
    if (isCheap(e)) {
      return Term.atom(printer.print(e));
    }
    // A conditional's branches must stay unevaluated unless taken (a[i] may be out of range).
    if (!(e instanceof Expr.Conditional)) {
      dev.jgrad.processor.ir.Exprs.forEachChild(e, child -> {
        if (!isCheap(child) && !(child instanceof Expr.Conditional)) {
          value(child);
        }
      });
    }
    String local = out.fresh("v");
    out.line(e.type().javaName() + " " + local + " = " + printer.print(e));
    bound.put(e, local);
    return Term.atom(local);
  }

  /** Reads, literals and simple negations are printed where used rather than bound. */
  private boolean isCheap(Expr e) {
    if (e instanceof Expr.Read || e instanceof Expr.Literal || e instanceof Expr.Constant
        || e instanceof Expr.Length || isSimpleIndex(e)) {
      return true;
    }
    if (e instanceof Expr.Unary || e instanceof Expr.Cast) {
      Expr operand = e instanceof Expr.Unary ? ((Expr.Unary) e).operand()
          : ((Expr.Cast) e).operand();
      return operand instanceof Expr.Read || operand instanceof Expr.Literal;
    }
    return !e.type().isNumeric();
  }

  /** Binds arbitrary code to a fresh double local and returns its name. */
  String bind(CodeBlock code) {
    String local = out.fresh("g");
    out.line(CodeBlock.of("double $L = $L", local, code));
    return local;
  }

  /** Uses the local {@code name}, which holds {@code e}'s value, wherever e's value is needed. */
  void hold(Expr e, String name) {
    bound.put(e, name);
  }

  String print(Expr e) {
    return printer.print(e);
  }

  boolean isActive(Expr e) {
    return activity.isActive(e);
  }

  /** Clears remembered values: they belong to one statement's reverse code. */
  void forget() {
    bound.clear();
  }

  private void restore(Map<Expr, String> before) {
    bound.clear();
    bound.putAll(before);
  }

  private void accumulate(String target, Term g) {
    if (g.isNegation()) {
      out.line(CodeBlock.of("$L -= $L", target, g.negated().code()));
    } else {
      out.line(CodeBlock.of("$L += $L", target, g.code()));
    }
  }

  private static boolean isNegative(Expr e) {
    return ((Expr.Literal) e).text().startsWith("-");
  }

  private static boolean isSimpleIndex(Expr e) {
    if (!(e instanceof Expr.Index)) {
      return false;
    }
    Expr.Index i = (Expr.Index) e;
    boolean simpleIndex = i.index() instanceof Expr.Read || i.index() instanceof Expr.Literal;
    return simpleIndex && (i.array() instanceof Expr.Read || isSimpleIndex(i.array()));
  }
}
