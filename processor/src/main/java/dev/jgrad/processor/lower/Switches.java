package dev.jgrad.processor.lower;

import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.SwitchExpr;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.SwitchEntry;
import com.github.javaparser.ast.stmt.SwitchStmt;
import com.github.javaparser.ast.stmt.YieldStmt;
import dev.jgrad.processor.diag.Message;
import dev.jgrad.processor.diag.Snippet;
import dev.jgrad.processor.ir.Expr;
import dev.jgrad.processor.ir.Stmt;
import dev.jgrad.processor.ir.Type;
import dev.jgrad.processor.ir.Var;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Lowers {@code switch} on an {@code int}, statement or expression, old or arrow form, to
 * branches. The entry taken is computed first; then each case group runs when it was entered at
 * or before its position (the fall-through of {@code case 1: case 2:}), or exactly there for the
 * arrow form, and a {@code break} or {@code yield} leaves through an exit code like a loop's.
 */
final class Switches {
  private final Context cx;
  private final ExprLowering exprs;

  /** The value a switch expression yields, assigned in each arm. */
  private Var result;
  /** The exit code a {@code yield} leaves this switch expression by. */
  private Exits.LoopContext exitContext;
  private final List<Pending> pending = new ArrayList<>();

  /** A yielded value whose assignment is placed once the expression's type is known. */
  private record Pending(List<Stmt> list, int index, Expr value, int line) {}

  Switches(Context cx, ExprLowering exprs) {
    this.cx = cx;
    this.exprs = exprs;
  }

  Flow statement(SwitchStmt s, List<Stmt> out) {
    return lower(s.getSelector(), s.getEntries(), false, Context.line(s), out);
  }

  Expr expression(SwitchExpr s, List<Stmt> out) {
    Switches inner = new Switches(cx, exprs);
    inner.lower(s.getSelector(), s.getEntries(), true, Context.line(s), out);
    return inner.place(s);
  }

  /** {@code yield v}: the value of the innermost switch expression. */
  Flow yield(YieldStmt s, List<Stmt> out) {
    Switches owner = cx.yieldTarget;
    if (owner == null) {
      cx.report(s, Message.UNSUPPORTED_STATEMENT, "yield outside a switch expression",
          "yield only inside a switch expression.");
      return Flow.LEAVES;
    }
    owner.record(exprs.lower(s.getExpression(), out), out, Context.line(s));
    // Not the innermost switch: a switch statement inside the expression is not yielded from.
    return cx.exits.yield(owner.exitContext, Context.line(s), out);
  }

  private Flow lower(Expression selector, NodeList<SwitchEntry> entries, boolean isExpression,
      int line, List<Stmt> out) {
    Expr sel = exprs.lower(selector, out);
    if (sel.type() != Type.INT) {
      cx.report(selector, Message.TYPE_MISMATCH, Snippet.of(selector),
          "jgrad switches on int values only; use if/else for other types");
      return Flow.NORMAL;
    }
    if (!(sel instanceof Expr.Read)) {
      sel = exprs.bind(sel, out, line);
    }
    // The entry taken: the matching case's position, else default's, else past the end.
    int fallback = entries.size();
    for (int i = 0; i < entries.size(); i++) {
      if (entries.get(i).getLabels().isEmpty()) {
        fallback = i;
      }
    }
    Var entry = cx.newLocal("entry", Type.INT);
    out.add(new Stmt.Assign(new Expr.Read(entry), intLit(fallback), line));
    List<Stmt> choose = out;
    for (int i = 0; i < entries.size(); i++) {
      SwitchEntry e = entries.get(i);
      if (e.getLabels().isEmpty()) {
        continue;
      }
      Expr test = null;
      for (Expression label : e.getLabels()) {
        Expr value = exprs.lower(label, out);
        Expr eq = new Expr.Binary("==", sel, value, Type.BOOLEAN);
        test = test == null ? eq : new Expr.Binary("||", test, eq, Type.BOOLEAN);
      }
      List<Stmt> yes = new ArrayList<>();
      yes.add(new Stmt.Assign(new Expr.Read(entry), intLit(i), line));
      List<Stmt> no = new ArrayList<>();
      choose.add(new Stmt.If(test, yes, no, line));
      choose = no;
    }
    boolean arrows =
        entries.stream().anyMatch(e -> e.getType() != SwitchEntry.Type.STATEMENT_GROUP);
    Exits.LoopContext ctx = cx.exits.pushSwitch();
    Switches previousTarget = cx.yieldTarget;
    if (isExpression) {
      cx.yieldTarget = this;
      exitContext = ctx;
    }
    cx.scope.push();
    Set<Integer> escaping = new TreeSet<>();
    boolean anyExit = false;
    List<List<Stmt>> bodies = new ArrayList<>();
    try {
      for (SwitchEntry e : entries) {
        List<Stmt> body = new ArrayList<>();
        Flow f = arm(e, isExpression, body);
        bodies.add(body);
        escaping.addAll(f.exits());
        anyExit |= f.mayExit();
      }
    } finally {
      cx.scope.pop();
      cx.yieldTarget = previousTarget;
      cx.exits.popLoop();
    }
    for (int i = 0; i < bodies.size(); i++) {
      Expr at = new Expr.Binary(arrows ? "==" : "<=", new Expr.Read(entry), intLit(i),
          Type.BOOLEAN);
      Expr guard = anyExit ? new Expr.Binary("&&", cx.exits.noExit(), at, Type.BOOLEAN) : at;
      // An expression's arm may still be empty here: its value is placed in it later.
      if (!bodies.get(i).isEmpty() || isExpression) {
        out.add(new Stmt.If(guard, bodies.get(i), new ArrayList<>(), line));
      }
    }
    if (ctx.usedBreak) {
      out.add(new Stmt.If(cx.exits.is(ctx.breakCode),
          new ArrayList<>(List.of(cx.exits.reset(line))), new ArrayList<>(), line));
    }
    escaping.remove(ctx.breakCode);
    escaping.remove(ctx.continueCode);
    return new Flow(true, Set.copyOf(escaping));
  }

  /** One case group's statements, or an arrow's expression, block or statement. */
  private Flow arm(SwitchEntry e, boolean isExpression, List<Stmt> body) {
    NodeList<Statement> stmts = e.getStatements();
    if (e.getType() == SwitchEntry.Type.EXPRESSION && isExpression) {
      Expression value = ((ExpressionStmt) stmts.get(0)).getExpression();
      record(exprs.lower(value, body), body, Context.line(e));
      return Flow.NORMAL;
    }
    if (e.getType() == SwitchEntry.Type.THROWS_STATEMENT) {
      cx.report(e, Message.UNSUPPORTED_STATEMENT, "throw", "a gradient cannot flow through an"
          + " exception; return a value such as Double.NaN.");
      return Flow.NORMAL;
    }
    return cx.blocks.block(stmts, 0, body);
  }

  private void record(Expr value, List<Stmt> list, int line) {
    pending.add(new Pending(list, list.size(), value, line));
  }

  /** Places the yielded values' assignments, now that their common type is known. */
  private Expr place(SwitchExpr s) {
    Type type = null;
    for (Pending p : pending) {
      Type t = p.value().type();
      type = type == null || type == t ? t
          : type.isNumeric() && t.isNumeric() ? Type.DOUBLE : null;
      if (type == null) {
        cx.report(s, Message.TYPE_MISMATCH, Snippet.of(s), "every case must give the same type");
        return cx.invalid(Type.DOUBLE);
      }
    }
    if (type == null || type.isArray()) {
      cx.report(s, Message.UNSUPPORTED_EXPRESSION, "a switch expression of this type",
          "switch expressions must give a double, int or boolean.");
      return cx.invalid(Type.DOUBLE);
    }
    result = cx.newTemp(type);
    for (int k = pending.size() - 1; k >= 0; k--) {
      Pending p = pending.get(k);
      p.list().add(p.index(), new Stmt.Assign(new Expr.Read(result), p.value(), p.line()));
    }
    return new Expr.Read(result);
  }

  private static Expr intLit(int v) {
    return new Expr.Literal(String.valueOf(v), Type.INT);
  }
}
