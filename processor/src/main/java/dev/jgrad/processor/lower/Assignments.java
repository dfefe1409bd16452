package dev.jgrad.processor.lower;

import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import dev.jgrad.processor.diag.Message;
import dev.jgrad.processor.diag.Snippet;
import dev.jgrad.processor.ir.Expr;
import dev.jgrad.processor.ir.Stmt;
import dev.jgrad.processor.ir.Type;
import dev.jgrad.processor.ir.Var;
import java.util.List;
import java.util.Set;

/**
 * Lowers assignments, compound assignments and increments to {@link Stmt.Assign}, keeping Java's
 * order: the target's array and index first, then the old value, then the right-hand side.
 */
final class Assignments {
  private final Context cx;
  private final ExprLowering exprs;

  Assignments(Context cx, ExprLowering exprs) {
    this.cx = cx;
    this.exprs = exprs;
  }

  /** Lowers {@code target op= value}; returns the assigned value as an expression. */
  Expr assign(AssignExpr e, List<Stmt> out) {
    Expression valueSource = e.getValue();
    Set<Var> valueWrites = SideEffects.writes(valueSource, cx.scope);
    Expr target = target(e.getTarget(), valueWrites, out);
    if (target == null) {
      return cx.invalid(Type.DOUBLE);
    }
    String op = e.getOperator().asString();
    if (op.equals("=")) {
      Expr value = new Declarations(cx, exprs).initializer(valueSource, target.type(), out);
      store(e, target, value, out);
      return target;
    }
    String binary = op.substring(0, op.length() - 1);
    Expr old = exprs.protect(target, valueWrites, out);
    Expr rhs = exprs.lower(valueSource, out);
    Type type = Operators.resultType(binary, old.type(), rhs.type());
    if (type == null || !target.type().isNumeric() && target.type() != Type.BOOLEAN) {
      cx.report(e, Message.TYPE_MISMATCH, Snippet.of(e),
          "compound assignment " + op + " needs numbers");
      return target;
    }
    Expr combined = new Expr.Binary(binary, old, rhs, type);
    if (type != target.type()) {
      combined = new Expr.Cast(target.type(), combined);
    }
    out.add(new Stmt.Assign(target, combined, Context.line(e)));
    return target;
  }

  /** Lowers {@code ++x}, {@code x--} and friends; returns the value the expression has. */
  Expr increment(UnaryExpr e, List<Stmt> out) {
    return increment(e, out, true);
  }

  /** As {@link #increment(UnaryExpr, List)}; {@code valueUsed} false for {@code i++;}. */
  Expr increment(UnaryExpr e, List<Stmt> out, boolean valueUsed) {
    Expr target = target(e.getExpression(), Set.of(), out);
    if (target == null) {
      return cx.invalid(Type.DOUBLE);
    }
    if (!target.type().isNumeric()) {
      cx.report(e, Message.TYPE_MISMATCH, Snippet.of(e), "++ and -- need a number");
      return target;
    }
    boolean up = e.getOperator() == UnaryExpr.Operator.PREFIX_INCREMENT
        || e.getOperator() == UnaryExpr.Operator.POSTFIX_INCREMENT;
    Expr old = target;
    if (e.getOperator().isPostfix() && valueUsed) {
      old = exprs.bind(target, out, Context.line(e));
    }
    Expr one = new Expr.Literal("1", Type.INT);
    Expr next = new Expr.Binary(up ? "+" : "-", target, one, target.type());
    out.add(new Stmt.Assign(target, next, Context.line(e)));
    return e.getOperator().isPostfix() ? old : target;
  }

  /**
   * Resolves an assignment target to a variable read or an element read whose array and index
   * are safe from the right-hand side's side effects.
   */
  Expr target(Expression t, Set<Var> laterWrites, List<Stmt> out) {
    while (t instanceof EnclosedExpr) {
      t = ((EnclosedExpr) t).getInner();
    }
    if (t instanceof NameExpr) {
      Var v = cx.scope.lookup(((NameExpr) t).getNameAsString());
      if (v == null) {
        cx.report(t, Message.FIELD_WRITE, Snippet.of(t));
        return null;
      }
      return new Expr.Read(v);
    }
    if (t instanceof ArrayAccessExpr) {
      ArrayAccessExpr a = (ArrayAccessExpr) t;
      List<Expr> parts = exprs.lowerAll(List.of(a.getName(), a.getIndex()), out);
      Expr array = parts.get(0);
      Expr index = exprs.protect(parts.get(1), laterWrites, out);
      if (!(index instanceof Expr.Literal || index instanceof Expr.Read)) {
        // The index is computed once: it may read the very element this assignment changes,
        // and evaluated again after the write it would point elsewhere.
        index = exprs.bind(index, out, Context.line(t));
      }
      if (!array.type().isArray()) {
        cx.report(t, Message.TYPE_MISMATCH, Snippet.of(t), "only arrays can be indexed");
        return null;
      }
      if (!(array instanceof Expr.Read) && Reads.mentionsAny(array, laterWrites)) {
        array = exprs.bind(array, out, Context.line(t));
      } else if (array instanceof Expr.Index row && !(row.index() instanceof Expr.Literal
          || row.index() instanceof Expr.Read)) {
        // A matrix row's index, likewise: it may read the element this assignment changes.
        array = new Expr.Index(row.array(), exprs.bind(row.index(), out, Context.line(t)));
      }
      return new Expr.Index(array, index);
    }
    if (t instanceof FieldAccessExpr) {
      cx.report(t, Message.FIELD_WRITE, Snippet.of(t));
      return null;
    }
    cx.report(t, Message.UNSUPPORTED_EXPRESSION, "assigning to " + t,
        "assign to a local variable or an array element.");
    return null;
  }

  /** Emits {@code target = value} with Java's implicit widening and the subset's type checks. */
  void store(com.github.javaparser.ast.Node node, Expr target, Expr value, List<Stmt> out) {
    store(node, target, value, out, false);
  }

  void store(com.github.javaparser.ast.Node node, Expr target, Expr value, List<Stmt> out,
      boolean declaration) {
    Type tt = target.type();
    Type vt = value.type();
    boolean ok = tt == vt || tt == Type.DOUBLE && vt == Type.INT
        || cx.isInvalid(value) || cx.isInvalid(target);
    if (!ok) {
      cx.report(node, Message.TYPE_MISMATCH, Snippet.of(node),
          "cannot assign " + vt.javaName() + " to " + tt.javaName()
              + (tt == Type.INT && vt == Type.DOUBLE ? " without a cast (int)" : ""));
      return;
    }
    if (target instanceof Expr.Index && tt.isArray()) {
      cx.report(node, Message.UNSUPPORTED_STATEMENT, "assigning a whole row " + target.type()
          .javaName() + " of a matrix", "create the matrix with new double[n][m] and write its"
          + " elements.");
      return;
    }
    if (tt.isArray() && value instanceof Expr.Conditional) {
      cx.report(node, Message.UNSUPPORTED_EXPRESSION, "choosing an array with ?:",
          "choose with an if statement.");
      return;
    }
    out.add(new Stmt.Assign(target, value, Context.line(node), declaration));
  }

  private static final class Reads {
    static boolean mentionsAny(Expr e, Set<Var> vars) {
      return dev.jgrad.processor.ir.Exprs.mentions(e, vars);
    }
  }
}
