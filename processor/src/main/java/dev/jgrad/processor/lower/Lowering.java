package dev.jgrad.processor.lower;

import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.BreakStmt;
import com.github.javaparser.ast.stmt.ContinueStmt;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.EmptyStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.LabeledStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.WhileStmt;
import dev.jgrad.processor.diag.Message;
import dev.jgrad.processor.diag.Problem;
import dev.jgrad.processor.ir.Expr;
import dev.jgrad.processor.ir.Method;
import dev.jgrad.processor.ir.Stmt;
import dev.jgrad.processor.ir.Type;
import dev.jgrad.processor.ir.Var;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a method's source into the {@link Method} IR, or into problems.
 *
 * <p>{@code return}, {@code break} and {@code continue} are turned into structured code: a
 * {@code return} stores the result and, where statements could follow, sets an {@code exit} code
 * that guards them; loops test it. The reverse sweep then needs only branches and loops.
 */
public final class Lowering {
  /** The lowered method, or the problems that kept it from lowering. */
  public record Result(Method method, List<Problem> problems) {}

  private final Context cx;
  private final ExprLowering exprs;
  private final Exits exits;
  private Var result;

  private Lowering(Resolver resolver) {
    this.cx = new Context(resolver);
    this.exprs = new ExprLowering(cx);
    this.exits = new Exits(cx);
    cx.exits = exits;
    cx.blocks = this::block;
  }

  /**
   * Lowers {@code decl}. {@code wrt} lists the parameters to differentiate, already checked
   * against the parameter list by the caller.
   */
  public static Result lower(MethodDeclaration decl, List<String> wrt, Resolver resolver) {
    return new Lowering(resolver).run(decl, wrt);
  }

  /**
   * Only the signature of {@code decl}, for a method whose backward rule is written by hand: its
   * body is never read.
   */
  public static Result signature(MethodDeclaration decl, List<String> wrt) {
    Lowering l = new Lowering(null);
    return l.run(decl, wrt, false);
  }

  private Result run(MethodDeclaration decl, List<String> wrtNames) {
    return run(decl, wrtNames, true);
  }

  private Result run(MethodDeclaration decl, List<String> wrtNames, boolean withBody) {
    List<Var> params = new ArrayList<>();
    List<Var> wrt = new ArrayList<>();
    for (Parameter p : decl.getParameters()) {
      Type type = Type.fromJava(p.getType().asString());
      boolean refused = type == null || p.isVarArgs();
      if (refused) {
        cx.report(p, Message.PARAMETER_TYPE, p.getNameAsString(), p.getType().asString()
            + (p.isVarArgs() ? "..." : ""));
        type = Type.DOUBLE;
      }
      cx.checkName(p.getName(), p.getNameAsString());
      Var v = new Var(p.getNameAsString(), p.getNameAsString(), type, true);
      if (refused) {
        cx.markInvalid(v);
      }
      cx.names.reserve(v.name());
      cx.scope.declare(v);
      params.add(v);
      if (wrtNames.contains(v.name())) {
        wrt.add(v);
      }
    }
    Type returned = Type.fromJava(decl.getType().asString());
    result = cx.newLocal("result", returned == null ? Type.DOUBLE : returned);
    List<Stmt> body = new ArrayList<>();
    BlockStmt block = decl.getBody().orElse(null);
    if (!withBody) {
      // The body stays unread: a hand-written rule stands for it.
    } else if (block == null) {
      cx.report(decl, Message.UNSUPPORTED_STATEMENT, "an abstract or native method",
          "give the method a body.");
    } else {
      block(block.getStatements(), 0, body);
    }
    exits.dropUnusedExitCodes(body);
    Method method = new Method(decl.getNameAsString(), params, wrt, cx.locals, body, result);
    return new Result(cx.problems.isEmpty() ? method : null, cx.problems);
  }

  /** Lowers {@code stmts[from..]} into {@code out}; returns how control can leave it. */
  private Flow block(List<Statement> stmts, int from, List<Stmt> out) {
    for (int k = from; k < stmts.size(); k++) {
      Statement s = stmts.get(k);
      if (s instanceof IfStmt) {
        return ifThenRest((IfStmt) s, stmts, k + 1, out);
      }
      Flow f = statement(s, out);
      if (!f.mayComplete()) {
        return f;
      }
      if (f.mayExit()) {
        List<Stmt> rest = new ArrayList<>();
        Flow r = block(stmts, k + 1, rest);
        if (!rest.isEmpty()) {
          out.add(new Stmt.If(exits.noExit(), rest, List.of(), Context.line(stmts.get(k + 1))));
        }
        return f.then(r);
      }
    }
    return Flow.NORMAL;
  }

  /**
   * An {@code if} and the statements after it. When one branch always leaves (a return, say) the
   * rest goes into the other branch, so no exit code is needed.
   */
  private Flow ifThenRest(IfStmt s, List<Statement> stmts, int rest, List<Stmt> out) {
    Expr cond = condition(s.getCondition(), out);
    List<Stmt> yes = new ArrayList<>();
    List<Stmt> no = new ArrayList<>();
    Flow fy = scoped(s.getThenStmt(), yes);
    Flow fn = s.getElseStmt().isPresent() ? scoped(s.getElseStmt().get(), no) : Flow.NORMAL;
    Flow after = Flow.NORMAL;
    boolean restInBranch = rest < stmts.size() && (!fy.mayComplete() || !fn.mayComplete());
    if (restInBranch) {
      List<Stmt> target = fy.mayComplete() ? yes : no;
      Flow completing = fy.mayComplete() ? fy : fn;
      if (completing.mayComplete() && !completing.mayExit()) {
        cx.scope.push();
        after = block(stmts, rest, target);
        cx.scope.pop();
      } else {
        restInBranch = false;
      }
    }
    out.add(new Stmt.If(cond, yes, no, Context.line(s)));
    Flow f = fy.or(fn);
    if (restInBranch) {
      Flow leaving = fy.mayComplete() ? fn : fy;
      return leaving.or(after);
    }
    if (!f.mayComplete() || rest >= stmts.size()) {
      return f;
    }
    if (f.mayExit()) {
      List<Stmt> guarded = new ArrayList<>();
      Flow r = block(stmts, rest, guarded);
      if (!guarded.isEmpty()) {
        out.add(new Stmt.If(exits.noExit(), guarded, List.of(), Context.line(stmts.get(rest))));
      }
      return f.then(r);
    }
    return block(stmts, rest, out);
  }

  private Flow scoped(Statement s, List<Stmt> out) {
    cx.scope.push();
    Flow f = s instanceof BlockStmt ? block(((BlockStmt) s).getStatements(), 0, out)
        : block(List.of(s), 0, out);
    cx.scope.pop();
    return f;
  }

  private Flow statement(Statement s, List<Stmt> out) {
    if (s instanceof BlockStmt) {
      return scoped(s, out);
    }
    if (s instanceof EmptyStmt) {
      return Flow.NORMAL;
    }
    if (s instanceof ExpressionStmt) {
      expressionStatement(((ExpressionStmt) s).getExpression(), out);
      return Flow.NORMAL;
    }
    if (s instanceof ReturnStmt) {
      return returnStatement((ReturnStmt) s, out);
    }
    if (s instanceof ForStmt || s instanceof WhileStmt || s instanceof DoStmt
        || s instanceof ForEachStmt) {
      return new Loops(cx, exprs, exits, this::scoped).loop(s, null, out);
    }
    if (s instanceof LabeledStmt) {
      LabeledStmt l = (LabeledStmt) s;
      Statement inner = l.getStatement();
      if (inner instanceof ForStmt || inner instanceof WhileStmt || inner instanceof DoStmt
          || inner instanceof ForEachStmt) {
        return new Loops(cx, exprs, exits, this::scoped)
            .loop(inner, l.getLabel().asString(), out);
      }
      cx.report(s, Message.UNSUPPORTED_STATEMENT, "a label on a statement that is not a loop",
          "label loops only.");
      return Flow.NORMAL;
    }
    if (s instanceof com.github.javaparser.ast.stmt.SwitchStmt) {
      return new Switches(cx, exprs)
          .statement((com.github.javaparser.ast.stmt.SwitchStmt) s, out);
    }
    if (s instanceof com.github.javaparser.ast.stmt.YieldStmt) {
      return new Switches(cx, exprs)
          .yield((com.github.javaparser.ast.stmt.YieldStmt) s, out);
    }
    if (s instanceof BreakStmt) {
      return exits.jump(s, ((BreakStmt) s).getLabel().map(Object::toString).orElse(null),
          true, out);
    }
    if (s instanceof ContinueStmt) {
      return exits.jump(s, ((ContinueStmt) s).getLabel().map(Object::toString).orElse(null),
          false, out);
    }
    cx.report(s, Message.UNSUPPORTED_STATEMENT, Constructs.describe(s), Constructs.instead(s));
    return Flow.NORMAL;
  }

  private Flow returnStatement(ReturnStmt s, List<Stmt> out) {
    if (s.getExpression().isEmpty()) {
      cx.report(s, Message.UNSUPPORTED_STATEMENT, "return without a value",
          "return the method's result.");
      return Flow.LEAVES;
    }
    Expr value = new Declarations(cx, exprs).initializer(s.getExpression().get(), result.type(),
        out);
    new Assignments(cx, exprs).store(s, new Expr.Read(result), value, out);
    return exits.leave(Exits.RETURN, Context.line(s), out);
  }

  void expressionStatement(Expression e, List<Stmt> out) {
    new StatementExpressions(cx, exprs).lower(e, out);
  }

  Expr condition(Expression e, List<Stmt> out) {
    Expr c = exprs.lower(e, out);
    exprs.requireType(e, c, Type.BOOLEAN, "a condition must be a boolean");
    return c;
  }

  static boolean isTrue(Expression e) {
    return e instanceof BooleanLiteralExpr && ((BooleanLiteralExpr) e).getValue();
  }

  static boolean assignsName(Statement body, String name) {
    return body.findFirst(AssignExpr.class, a -> a.getTarget() instanceof NameExpr
        && ((NameExpr) a.getTarget()).getNameAsString().equals(name)).isPresent();
  }
}
