package dev.jgrad.processor.lower;

import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.DoubleLiteralExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import dev.jgrad.processor.diag.Message;
import dev.jgrad.processor.diag.Snippet;
import dev.jgrad.processor.ir.Expr;
import dev.jgrad.processor.ir.Stmt;
import dev.jgrad.processor.ir.Type;
import dev.jgrad.processor.ir.Var;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Lowers a Java expression to a side-effect-free {@link Expr}, appending the side effects it
 * contains (assignments, increments, calls) to a statement list in Java's evaluation order.
 */
final class ExprLowering {
  private final Context cx;
  private final MathFunctions math = new MathFunctions();

  ExprLowering(Context cx) {
    this.cx = cx;
  }

  /** Lowers {@code e}; its side effects go to {@code out}, before the returned expression. */
  Expr lower(Expression e, List<Stmt> out) {
    if (e instanceof EnclosedExpr) {
      return lower(((EnclosedExpr) e).getInner(), out);
    }
    if (e instanceof DoubleLiteralExpr) {
      String text = ((DoubleLiteralExpr) e).getValue();
      if (text.endsWith("f") || text.endsWith("F")) {
        return unsupported(e, "the float literal " + text,
            "jgrad computes in double. Write " + text.substring(0, text.length() - 1) + ".");
      }
      return new Expr.Literal(text, Type.DOUBLE);
    }
    if (e instanceof IntegerLiteralExpr) {
      return new Expr.Literal(((IntegerLiteralExpr) e).getValue(), Type.INT);
    }
    if (e instanceof BooleanLiteralExpr) {
      return new Expr.Literal(String.valueOf(((BooleanLiteralExpr) e).getValue()), Type.BOOLEAN);
    }
    if (e instanceof NameExpr) {
      return name((NameExpr) e);
    }
    if (e instanceof FieldAccessExpr) {
      return fieldAccess((FieldAccessExpr) e, out);
    }
    if (e instanceof ArrayAccessExpr) {
      return arrayAccess((ArrayAccessExpr) e, out);
    }
    if (e instanceof UnaryExpr) {
      return unary((UnaryExpr) e, out);
    }
    if (e instanceof BinaryExpr) {
      return binary((BinaryExpr) e, out);
    }
    if (e instanceof ConditionalExpr) {
      return conditional((ConditionalExpr) e, out);
    }
    if (e instanceof CastExpr) {
      return cast((CastExpr) e, out);
    }
    if (e instanceof AssignExpr) {
      return new Assignments(cx, this).assign((AssignExpr) e, out);
    }
    if (e instanceof MethodCallExpr) {
      return new Calls(cx, this, math).call((MethodCallExpr) e, out);
    }
    if (e instanceof com.github.javaparser.ast.expr.SwitchExpr) {
      return new Switches(cx, this).expression((com.github.javaparser.ast.expr.SwitchExpr) e, out);
    }
    if (e instanceof ArrayCreationExpr || e instanceof ArrayInitializerExpr) {
      return unsupported(e, "an array created inside an expression",
          "create arrays only as the whole right-hand side of a declaration or assignment,"
              + " as in double[] a = new double[n];");
    }
    return unsupported(e, Constructs.describe(e), Constructs.instead(e));
  }

  /** Lowers operands left to right, keeping each one's value safe from later side effects. */
  List<Expr> lowerAll(List<Expression> operands, List<Stmt> out) {
    List<Expr> result = new ArrayList<>();
    for (int k = 0; k < operands.size(); k++) {
      Expr value = lower(operands.get(k), out);
      // An array variable, or a row at a fixed index, stays the same array when later operands
      // write its elements or pass it to a call: only reassigning a name it reads changes it.
      // (Binding it anyway gives the method an alias whose adjoint the forward sweep sets up,
      // which a split forward method does not have.)
      boolean reference = value.type().isArray() && (value instanceof Expr.Read
          || value instanceof Expr.Index row && (row.index() instanceof Expr.Literal
              || row.index() instanceof Expr.Read));
      Set<Var> laterWrites = new HashSet<>();
      for (int j = k + 1; j < operands.size(); j++) {
        laterWrites.addAll(reference ? SideEffects.reassigns(operands.get(j), cx.scope)
            : SideEffects.writes(operands.get(j), cx.scope));
      }
      result.add(protect(value, laterWrites, out));
    }
    return result;
  }

  /**
   * Binds {@code value} to a temporary when a later side effect could change what it reads, so
   * that the value Java computed first is the one used. Writes are known by the name of the
   * variable or array written, but an array may have other names (an alias, a row held in a
   * temporary, the same array passed for two parameters): a number read from any array is
   * bound whenever a later side effect writes any array.
   */
  Expr protect(Expr value, Set<Var> laterWrites, List<Stmt> out) {
    if (laterWrites.isEmpty() || value instanceof Expr.Literal
        || value instanceof Expr.Constant) {
      return value;
    }
    Set<Var> reads = dev.jgrad.processor.ir.Reads.of(value);
    boolean throughAlias = !value.type().isArray()
        && reads.stream().anyMatch(v -> v.type().isArray())
        && laterWrites.stream().anyMatch(v -> v.type().isArray());
    reads.retainAll(laterWrites);
    if (reads.isEmpty() && !throughAlias) {
      return value;
    }
    return bind(value, out, 0);
  }


  /** Stores {@code value} in a fresh temporary and returns a read of it. */
  Expr bind(Expr value, List<Stmt> out, int line) {
    Var t = cx.newTemp(value.type());
    out.add(new Stmt.Assign(new Expr.Read(t), value, line));
    return new Expr.Read(t);
  }

  Expr unsupported(Expression e, String what, String instead) {
    cx.report(e, Message.UNSUPPORTED_EXPRESSION, what, instead);
    return cx.invalid(Type.DOUBLE);
  }

  private Expr name(NameExpr e) {
    String name = e.getNameAsString();
    Var v = cx.scope.lookup(name);
    if (v != null) {
      return new Expr.Read(v);
    }
    return constant(e, null, name);
  }

  private Expr constant(Expression e, String qualifier, String name) {
    Resolver.FieldLookup field = cx.resolver.field(qualifier, name);
    if (field == null) {
      cx.report(e, Message.UNKNOWN_NAME, qualifier == null ? name : qualifier + "." + name);
      return cx.invalid(Type.DOUBLE);
    }
    if (field.problem() != null) {
      cx.report(e, field.problem(), field.field());
      return cx.invalid(Type.DOUBLE);
    }
    return field.constant();
  }

  private Expr fieldAccess(FieldAccessExpr e, List<Stmt> out) {
    String name = e.getNameAsString();
    Expression scope = e.getScope();
    if (name.equals("length") && !(scope instanceof NameExpr && isTypeName(scope))) {
      Expr array = lower(scope, out);
      if (!array.type().isArray()) {
        cx.report(e, Message.TYPE_MISMATCH, Snippet.of(e), ".length needs an array");
        return cx.invalid(Type.INT);
      }
      return new Expr.Length(array);
    }
    if (scope instanceof NameExpr || scope instanceof FieldAccessExpr) {
      return constant(e, scope.toString(), name);
    }
    return unsupported(e, "the field access " + Snippet.of(e), "read constants as Name.FIELD.");
  }

  private boolean isTypeName(Expression scope) {
    return cx.scope.lookup(((NameExpr) scope).getNameAsString()) == null;
  }

  private Expr arrayAccess(ArrayAccessExpr e, List<Stmt> out) {
    List<Expr> parts = lowerAll(List.of(e.getName(), e.getIndex()), out);
    Expr array = parts.get(0);
    Expr index = parts.get(1);
    if (cx.isInvalid(array)) {
      return cx.invalid(Type.DOUBLE);
    }
    if (!array.type().isArray()) {
      cx.report(e, Message.TYPE_MISMATCH, Snippet.of(e), "only arrays can be indexed");
      return cx.invalid(Type.DOUBLE);
    }
    if (index.type() != Type.INT) {
      cx.report(e.getIndex(), Message.TYPE_MISMATCH, Snippet.of(e.getIndex()),
          "an array index must be an int");
    }
    return new Expr.Index(array, index);
  }

  private Expr unary(UnaryExpr e, List<Stmt> out) {
    switch (e.getOperator()) {
      case PREFIX_INCREMENT:
      case PREFIX_DECREMENT:
      case POSTFIX_INCREMENT:
      case POSTFIX_DECREMENT:
        return new Assignments(cx, this).increment(e, out);
      default:
        break;
    }
    Expr operand = lower(e.getExpression(), out);
    String op = e.getOperator().asString();
    switch (op) {
      case "-":
      case "+":
        if (!operand.type().isNumeric()) {
          cx.report(e, Message.TYPE_MISMATCH, Snippet.of(e), op + " needs a number");
        }
        return new Expr.Unary(op, operand, operand.type());
      case "!":
        requireType(e, operand, Type.BOOLEAN, "! needs a boolean");
        return new Expr.Unary(op, operand, Type.BOOLEAN);
      case "~":
        requireType(e, operand, Type.INT, "~ needs an int");
        return new Expr.Unary(op, operand, Type.INT);
      default:
        return unsupported(e, "the operator " + op, "use arithmetic on double and int.");
    }
  }

  private Expr binary(BinaryExpr e, List<Stmt> out) {
    BinaryExpr.Operator bop = e.getOperator();
    if ((bop == BinaryExpr.Operator.AND || bop == BinaryExpr.Operator.OR)
        && SideEffects.has(e.getRight())) {
      return shortCircuit(e, out);
    }
    List<Expr> parts = lowerAll(List.of(e.getLeft(), e.getRight()), out);
    Expr l = parts.get(0);
    Expr r = parts.get(1);
    String op = e.getOperator().asString();
    Type type = Operators.resultType(op, l.type(), r.type());
    if (type == null && (cx.isInvalid(l) || cx.isInvalid(r))) {
      return cx.invalid(Operators.isComparison(op) ? Type.BOOLEAN : Type.DOUBLE);
    }
    if (type == null) {
      cx.report(e, Message.TYPE_MISMATCH, Snippet.of(e),
          "operator " + op + " is not defined on " + l.type().javaName() + " and "
              + r.type().javaName() + " in jgrad's subset");
      // A stand-in of the type the operator would give, so the error is not reported twice.
      return Operators.isComparison(op) ? cx.invalid(Type.BOOLEAN)
          : cx.invalid(Type.DOUBLE);
    }
    return new Expr.Binary(op, l, r, type);
  }

  /**
   * {@code a && b} or {@code a || b} whose right side has a call or an assignment: Java runs that
   * side only when {@code a} does not decide, so it becomes an if, as a conditional's branches do.
   */
  private Expr shortCircuit(BinaryExpr e, List<Stmt> out) {
    int line = Context.line(e);
    Expr l = lower(e.getLeft(), out);
    requireType(e.getLeft(), l, Type.BOOLEAN, "&& and || need booleans");
    Var t = cx.newTemp(Type.BOOLEAN);
    out.add(new Stmt.Assign(new Expr.Read(t), l, line));
    List<Stmt> evaluated = new ArrayList<>();
    Expr r = lower(e.getRight(), evaluated);
    requireType(e.getRight(), r, Type.BOOLEAN, "&& and || need booleans");
    evaluated.add(new Stmt.Assign(new Expr.Read(t), r, line));
    Expr decides = e.getOperator() == BinaryExpr.Operator.AND ? new Expr.Read(t)
        : new Expr.Unary("!", new Expr.Read(t), Type.BOOLEAN);
    out.add(new Stmt.If(decides, evaluated, new ArrayList<>(), line));
    return new Expr.Read(t);
  }

  private Expr conditional(ConditionalExpr e, List<Stmt> out) {
    Expr c = lower(e.getCondition(), out);
    requireType(e.getCondition(), c, Type.BOOLEAN, "a condition must be a boolean");
    boolean effects = SideEffects.has(e.getThenExpr()) || SideEffects.has(e.getElseExpr());
    // A branch with a call or an assignment may run only when taken: it becomes an if.
    List<Stmt> yes = effects ? new ArrayList<>() : out;
    List<Stmt> no = effects ? new ArrayList<>() : out;
    Expr a = lower(e.getThenExpr(), yes);
    Expr b = lower(e.getElseExpr(), no);
    Type type = a.type() == b.type() ? a.type()
        : a.type().isNumeric() && b.type().isNumeric() ? Type.DOUBLE : null;
    if (type == null) {
      cx.report(e, Message.TYPE_MISMATCH, Snippet.of(e), "both branches need the same type");
      return cx.invalid(Type.DOUBLE);
    }
    if (!effects) {
      return new Expr.Conditional(c, a, b, type);
    }
    if (type.isArray()) {
      return unsupported(e, "choosing an array with ?:", "choose with an if statement.");
    }
    Var t = cx.newTemp(type);
    int line = Context.line(e);
    yes.add(new Stmt.Assign(new Expr.Read(t), a, line));
    no.add(new Stmt.Assign(new Expr.Read(t), b, line));
    out.add(new Stmt.If(c, yes, no, line));
    return new Expr.Read(t);
  }

  private Expr cast(CastExpr e, List<Stmt> out) {
    Type target = Type.fromJava(e.getType().asString());
    Expr operand = lower(e.getExpression(), out);
    if (target == null || !target.isNumeric() || !operand.type().isNumeric()) {
      return unsupported(e, "the cast " + Snippet.of(e),
          "jgrad supports casts between int and double only.");
    }
    if (target == operand.type()) {
      return operand;
    }
    return new Expr.Cast(target, operand);
  }

  void requireType(com.github.javaparser.ast.Node node, Expr value, Type type, String why) {
    if (value.type() != type && !cx.isInvalid(value)) {
      cx.report(node, Message.TYPE_MISMATCH, Snippet.of(node), why);
    }
  }
}
