package dev.jgrad.processor.lower;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.WhileStmt;
import dev.jgrad.processor.diag.Message;
import dev.jgrad.processor.diag.Snippet;
import dev.jgrad.processor.ir.Expr;
import dev.jgrad.processor.ir.Stmt;
import dev.jgrad.processor.ir.Type;
import dev.jgrad.processor.ir.Var;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Lowers {@code for}, enhanced {@code for}, {@code while} and {@code do} loops to one
 * {@link Stmt.Loop} shape: {@code while (cond) { body; update; }}.
 */
final class Loops {
  private final Context cx;
  private final ExprLowering exprs;
  private final Exits exits;
  private final BiFunction<Statement, List<Stmt>, Flow> scoped;

  Loops(Context cx, ExprLowering exprs, Exits exits,
      BiFunction<Statement, List<Stmt>, Flow> scoped) {
    this.cx = cx;
    this.exprs = exprs;
    this.exits = exits;
    this.scoped = scoped;
  }

  Flow loop(Statement s, String label, List<Stmt> out) {
    cx.scope.push();
    try {
      if (s instanceof ForStmt) {
        return forLoop((ForStmt) s, label, out);
      }
      if (s instanceof WhileStmt) {
        WhileStmt w = (WhileStmt) s;
        return finish(s, label, w.getCondition(), List.of(), w.getBody(), List.of(), out);
      }
      if (s instanceof DoStmt) {
        return doLoop((DoStmt) s, label, out);
      }
      return forEach((ForEachStmt) s, label, out);
    } finally {
      cx.scope.pop();
    }
  }

  private Flow forLoop(ForStmt f, String label, List<Stmt> out) {
    for (Expression init : f.getInitialization()) {
      new StatementExpressions(cx, exprs).lower(init, out);
    }
    Expression cond = f.getCompare().orElse(null);
    return finish(f, label, cond, List.of(), f.getBody(), f.getUpdate(), out);
  }

  private Flow doLoop(DoStmt d, String label, List<Stmt> out) {
    Var first = cx.newLocal("firstPass", Type.BOOLEAN);
    int line = Context.line(d);
    out.add(new Stmt.Assign(new Expr.Read(first), new Expr.Literal("true", Type.BOOLEAN), line));
    Stmt clear =
        new Stmt.Assign(new Expr.Read(first), new Expr.Literal("false", Type.BOOLEAN), line);
    return finishWith(d, label, new Expr.Read(first), d.getCondition(),
        new ArrayList<>(List.of(clear)),
        d.getBody(), List.of(), out);
  }

  private Flow forEach(ForEachStmt f, String label, List<Stmt> out) {
    int line = Context.line(f);
    Expr array = exprs.lower(f.getIterable(), out);
    if (!array.type().isArray()) {
      cx.report(f.getIterable(), Message.TYPE_MISMATCH, Snippet.of(f.getIterable()),
          "an enhanced for loop needs an array");
      return Flow.NORMAL;
    }
    boolean stable = array instanceof Expr.Read && f.getIterable() instanceof NameExpr
        && !Lowering.assignsName(f.getBody(), f.getIterable().toString());
    if (!stable) {
      Var copy = cx.newLocal("items", array.type());
      out.add(new Stmt.Assign(new Expr.Read(copy), array, line));
      array = new Expr.Read(copy);
    }
    Var k = cx.newLocal("k", Type.INT);
    out.add(new Stmt.Assign(new Expr.Read(k), new Expr.Literal("0", Type.INT), line));
    var declarator = f.getVariable().getVariables().get(0);
    String typeText = declarator.getType().asString();
    Type elementType = typeText.equals("var") ? array.type().element() : Type.fromJava(typeText);
    if (elementType == null) {
      cx.report(f.getVariable(), Message.LOCAL_TYPE, declarator.getNameAsString(), typeText);
      return Flow.NORMAL;
    }
    if (elementType != array.type().element()) {
      cx.report(f.getVariable(), Message.TYPE_MISMATCH, declarator.getNameAsString(),
          "the loop variable must have the array's element type, "
              + array.type().element().javaName());
      return Flow.NORMAL;
    }
    cx.checkName(declarator.getName(), declarator.getNameAsString());
    Var element = cx.newLocal(declarator.getNameAsString(), elementType);
    cx.scope.declare(element);
    Expr cond = new Expr.Binary("<", new Expr.Read(k), new Expr.Length(array), Type.BOOLEAN);
    List<Stmt> head = new ArrayList<>(List.of(new Stmt.Assign(new Expr.Read(element),
        new Expr.Index(array, new Expr.Read(k)), line)));
    List<Stmt> update = new ArrayList<>(List.of(new Stmt.Assign(new Expr.Read(k),
        new Expr.Binary("+", new Expr.Read(k), new Expr.Literal("1", Type.INT), Type.INT),
        line)));
    return lowerBody(f, label, cond, head, f.getBody(), update, out);
  }

  private Flow finish(Statement s, String label, Expression condition, List<Stmt> head,
      Statement body, List<Expression> updates, List<Stmt> out) {
    return finishWith(s, label, null, condition, head, body, updates, out);
  }

  /** {@code prefix || condition} when {@code prefix} is given (a do loop's first pass). */
  private Flow finishWith(Statement s, String label, Expr prefix, Expression condition,
      List<Stmt> head, Statement body, List<Expression> updates, List<Stmt> out) {
    Expr cond = new Expr.Literal("true", Type.BOOLEAN);
    if (condition != null) {
      List<Stmt> effects = new ArrayList<>();
      cond = exprs.lower(condition, effects);
      exprs.requireType(condition, cond, Type.BOOLEAN, "a loop condition must be a boolean");
      if (!effects.isEmpty()) {
        cx.report(condition, Message.LOOP_CONDITION, Snippet.of(condition));
      }
    }
    if (prefix != null) {
      cond = new Expr.Binary("||", prefix, cond, Type.BOOLEAN);
    }
    List<Stmt> update = new ArrayList<>();
    for (Expression u : updates) {
      new StatementExpressions(cx, exprs).lower(u, update);
    }
    return lowerBody(s, label, cond, head, body, update, out);
  }

  private Flow lowerBody(Statement s, String label, Expr cond, List<Stmt> head, Statement body,
      List<Stmt> update, List<Stmt> out) {
    int line = Context.line(s);
    Exits.LoopContext ctx = exits.pushLoop(label);
    List<Stmt> stmts = new ArrayList<>(head);
    Flow f;
    try {
      f = scoped.apply(body, stmts);
    } finally {
      exits.popLoop();
    }
    boolean infinite = cond instanceof Expr.Literal && ((Expr.Literal) cond).text().equals("true");
    if (f.mayExit()) {
      // A body that can only continue has no exit code left once the continue is cleared: the
      // condition and the update need no guard (and the reverse sweep no branch record).
      boolean onlyContinue = f.exits().stream().allMatch(code -> code == ctx.continueCode);
      if (!onlyContinue) {
        cond = new Expr.Binary("&&", exits.noExit(), cond, Type.BOOLEAN);
      }
      if (ctx.usedContinue) {
        stmts.add(new Stmt.If(exits.is(ctx.continueCode), new ArrayList<>(List.of(exits.reset(
            line))), List.of(), line));
      }
      if (!update.isEmpty() && !onlyContinue) {
        update = new ArrayList<>(List.of(new Stmt.If(exits.noExit(), update, List.of(), line)));
      }
    }
    out.add(new Stmt.Loop(cond, stmts, update, line));
    if (ctx.usedBreak) {
      out.add(new Stmt.If(exits.is(ctx.breakCode), new ArrayList<>(List.of(exits.reset(line))),
          List.of(), line));
    }
    java.util.Set<Integer> escaping = new java.util.TreeSet<>(f.exits());
    escaping.remove(ctx.breakCode);
    escaping.remove(ctx.continueCode);
    boolean completes = !infinite || ctx.usedBreak;
    return new Flow(completes, java.util.Set.copyOf(escaping));
  }
}
