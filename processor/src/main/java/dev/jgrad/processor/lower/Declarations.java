package dev.jgrad.processor.lower;

import com.github.javaparser.ast.ArrayCreationLevel;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import dev.jgrad.processor.diag.Message;
import dev.jgrad.processor.diag.Snippet;
import dev.jgrad.processor.ir.Expr;
import dev.jgrad.processor.ir.Stmt;
import dev.jgrad.processor.ir.Type;
import dev.jgrad.processor.ir.Var;
import java.util.ArrayList;
import java.util.List;

/** Lowers local variable declarations, including array creation and array initialisers. */
final class Declarations {
  private final Context cx;
  private final ExprLowering exprs;

  Declarations(Context cx, ExprLowering exprs) {
    this.cx = cx;
    this.exprs = exprs;
  }

  void declare(VariableDeclarationExpr decl, List<Stmt> out) {
    for (VariableDeclarator d : decl.getVariables()) {
      declare(d, out);
    }
  }

  private void declare(VariableDeclarator d, List<Stmt> out) {
    cx.checkName(d.getName(), d.getNameAsString());
    String typeText = d.getType().asString();
    Expression init = d.getInitializer().orElse(null);
    Expr value = null;
    Type type;
    if (typeText.equals("var")) {
      if (init == null || init instanceof ArrayInitializerExpr) {
        cx.report(d, Message.LOCAL_TYPE, d.getNameAsString(), "var without a value");
        return;
      }
      value = initializer(init, null, out);
      type = value.type();
    } else {
      type = Type.fromJava(typeText);
      if (type == null) {
        cx.report(d, Message.LOCAL_TYPE, d.getNameAsString(), typeText);
        Var stand = cx.newLocal(d.getNameAsString(), Type.DOUBLE);
        cx.markInvalid(stand);
        cx.scope.declare(stand);
        return;
      }
      if (init != null) {
        value = initializer(init, type, out);
      }
    }
    Var v = cx.newLocal(d.getNameAsString(), type);
    cx.scope.declare(v);
    if (value != null) {
      new Assignments(cx, exprs).store(d, new Expr.Read(v), value, out, true);
    }
  }

  Expr initializer(Expression init, Type declared, List<Stmt> out) {
    if (init instanceof ArrayInitializerExpr) {
      return arrayLiteral((ArrayInitializerExpr) init, declared, out);
    }
    if (init instanceof ArrayCreationExpr) {
      return arrayCreation((ArrayCreationExpr) init, out);
    }
    return exprs.lower(init, out);
  }

  Expr arrayLiteral(ArrayInitializerExpr init, Type type, List<Stmt> out) {
    if (type == null || !type.isArray()) {
      cx.report(init, Message.TYPE_MISMATCH, Snippet.of(init), "an initializer needs an array type");
      return cx.invalid(Type.DOUBLE_ARRAY);
    }
    List<Expr> elements = new ArrayList<>();
    Type element = type.element();
    List<Expression> values = init.getValues();
    for (int k = 0; k < values.size(); k++) {
      Expression v = values.get(k);
      if (element.isArray() && !(v instanceof ArrayInitializerExpr)) {
        cx.report(v, Message.UNSUPPORTED_EXPRESSION, "a matrix row given as '" + v + "'",
            "write the rows as nested initializers {{...}, {...}}, or create the matrix with"
                + " new double[n][m] and fill it.");
        continue;
      }
      Expr e = v instanceof ArrayInitializerExpr
          ? arrayLiteral((ArrayInitializerExpr) v, element, out)
          : exprs.lower(v, out);
      // Elements are evaluated left to right: keep this one's value from later side effects.
      java.util.Set<dev.jgrad.processor.ir.Var> later = new java.util.HashSet<>();
      for (Expression next : values.subList(k + 1, values.size())) {
        later.addAll(SideEffects.writes(next, cx.scope));
      }
      if (!(e instanceof Expr.ArrayLiteral)) {
        e = exprs.protect(e, later, out);
      }
      boolean ok = e.type() == element || element == Type.DOUBLE && e.type() == Type.INT;
      if (!ok) {
        cx.report(v, Message.TYPE_MISMATCH, Snippet.of(v),
            "an element of " + type.javaName() + " must be " + element.javaName());
      }
      elements.add(e);
    }
    return new Expr.ArrayLiteral(type, elements);
  }

  private Expr arrayCreation(ArrayCreationExpr e, List<Stmt> out) {
    String typeText = e.getElementType().asString() + "[]".repeat(e.getLevels().size());
    Type type = Type.fromJava(typeText);
    if (type == null) {
      cx.report(e, Message.LOCAL_TYPE, Snippet.of(e), typeText);
      return cx.invalid(Type.DOUBLE_ARRAY);
    }
    if (e.getInitializer().isPresent()) {
      return arrayLiteral(e.getInitializer().get(), type, out);
    }
    List<Expression> dims = new ArrayList<>();
    for (ArrayCreationLevel level : e.getLevels()) {
      if (level.getDimension().isPresent()) {
        dims.add(level.getDimension().get());
      }
    }
    List<Expr> sizes = exprs.lowerAll(dims, out);
    for (int k = 0; k < sizes.size(); k++) {
      exprs.requireType(dims.get(k), sizes.get(k), Type.INT, "an array size must be an int");
    }
    return new Expr.NewArray(type, sizes);
  }
}
