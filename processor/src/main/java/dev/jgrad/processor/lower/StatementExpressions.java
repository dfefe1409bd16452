package dev.jgrad.processor.lower;

import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import dev.jgrad.processor.diag.Message;
import dev.jgrad.processor.diag.Snippet;
import dev.jgrad.processor.ir.Stmt;
import java.util.List;

/**
 * Lowers an expression used as a statement (and a {@code for} loop's init and update parts):
 * a declaration, an assignment, an increment or a call.
 */
final class StatementExpressions {
  private final Context cx;
  private final ExprLowering exprs;

  StatementExpressions(Context cx, ExprLowering exprs) {
    this.cx = cx;
    this.exprs = exprs;
  }

  void lower(Expression e, List<Stmt> out) {
    if (e instanceof VariableDeclarationExpr) {
      new Declarations(cx, exprs).declare((VariableDeclarationExpr) e, out);
    } else if (e instanceof UnaryExpr && SideEffects.isIncrement((UnaryExpr) e)) {
      new Assignments(cx, exprs).increment((UnaryExpr) e, out, false);
    } else if (e instanceof AssignExpr || e instanceof MethodCallExpr) {
      exprs.lower(e, out);
    } else {
      cx.report(e, Message.UNSUPPORTED_STATEMENT, "the expression statement '" + Snippet.of(e) + "'",
          "a statement must assign, increment or call something.");
    }
  }
}
