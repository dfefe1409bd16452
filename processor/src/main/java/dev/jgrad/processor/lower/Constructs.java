package dev.jgrad.processor.lower;

import dev.jgrad.processor.diag.Snippet;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.InstanceOfExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.SuperExpr;
import com.github.javaparser.ast.expr.SwitchExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.stmt.LocalClassDeclarationStmt;
import com.github.javaparser.ast.stmt.LocalRecordDeclarationStmt;
import com.github.javaparser.ast.stmt.SwitchStmt;
import com.github.javaparser.ast.stmt.SynchronizedStmt;
import com.github.javaparser.ast.stmt.ThrowStmt;
import com.github.javaparser.ast.stmt.TryStmt;

/** Names an unsupported construct for a diagnostic, and says what to write instead. */
final class Constructs {
  private Constructs() {}

  static String describe(Node n) {
    if (n instanceof LambdaExpr) {
      return "a lambda expression";
    }
    if (n instanceof MethodReferenceExpr) {
      return "a method reference";
    }
    if (n instanceof ObjectCreationExpr) {
      return "object creation (new " + ((ObjectCreationExpr) n).getType() + ")";
    }
    if (n instanceof StringLiteralExpr || n instanceof TextBlockLiteralExpr) {
      return "a string";
    }
    if (n instanceof NullLiteralExpr) {
      return "null";
    }
    if (n instanceof ThisExpr || n instanceof SuperExpr) {
      return "'" + n + "'";
    }
    if (n instanceof InstanceOfExpr) {
      return "instanceof";
    }
    if (n instanceof SwitchExpr) {
      return "a switch expression";
    }
    if (n instanceof SwitchStmt) {
      return "a switch statement";
    }
    if (n instanceof com.github.javaparser.ast.stmt.AssertStmt) {
      return "the assertion '" + Snippet.of(n) + "'";
    }
    if (n instanceof TryStmt) {
      return "try/catch";
    }
    if (n instanceof ThrowStmt) {
      return "throw";
    }
    if (n instanceof com.github.javaparser.ast.stmt.AssertStmt) {
      return "an assertion is not part of the function; check the inputs before the call.";
    }
    if (n instanceof SynchronizedStmt) {
      return "synchronized";
    }
    if (n instanceof LocalClassDeclarationStmt || n instanceof LocalRecordDeclarationStmt) {
      return "a local class";
    }
    String kind = n.getClass().getSimpleName().replaceAll("(Expr|Stmt)$", "");
    return "'" + firstLine(n) + "' (" + kind + ")";
  }

  static String instead(Node n) {
    if (n instanceof LambdaExpr || n instanceof MethodReferenceExpr) {
      return "jgrad differentiates straight-line Java; write the computation inline, or as another"
          + " @Differentiable static method and call it.";
    }
    if (n instanceof ObjectCreationExpr) {
      return "only arrays can be created (new double[n]); pass objects' numbers as double,"
          + " double[] or double[][] parameters.";
    }
    if (n instanceof TryStmt || n instanceof ThrowStmt) {
      return "a gradient cannot flow through an exception; check inputs before the call, or"
          + " return a value such as Double.NaN.";
    }
    if (n instanceof com.github.javaparser.ast.stmt.AssertStmt) {
      return "an assertion is not part of the function; check the inputs before the call.";
    }
    if (n instanceof SynchronizedStmt) {
      return "generated gradients own all their state and need no locks; remove it.";
    }
    if (n instanceof SwitchStmt || n instanceof SwitchExpr) {
      return "use if/else if chains.";
    }
    if (n instanceof ThisExpr || n instanceof SuperExpr) {
      return "@Differentiable methods are static; pass what they read as parameters.";
    }
    return "use double, int and boolean values, arrays of double, and Math functions.";
  }

  private static String firstLine(Node n) {
    return Snippet.of(n);
  }
}
