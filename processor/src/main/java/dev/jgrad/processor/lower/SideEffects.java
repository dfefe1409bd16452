package dev.jgrad.processor.lower;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import dev.jgrad.processor.ir.Var;
import java.util.HashSet;
import java.util.Set;

/** Finds, in source expressions, what may change state when they are evaluated. */
final class SideEffects {
  private SideEffects() {}

  /** Whether evaluating {@code e} may assign anything or call a method other than Math's. */
  static boolean has(Expression e) {
    return e.findFirst(Node.class, SideEffects::isEffect).isPresent();
  }

  /**
   * The variables evaluating {@code e} may write: assignment and increment targets (an array
   * element counts as its array), and every array passed to a call other than Math's.
   */
  static Set<Var> writes(Expression e, Scope scope) {
    Set<Var> result = new HashSet<>();
    e.walk(Node.class, n -> {
      if (n instanceof AssignExpr) {
        addBase(((AssignExpr) n).getTarget(), scope, result);
      } else if (n instanceof UnaryExpr && isIncrement((UnaryExpr) n)) {
        addBase(((UnaryExpr) n).getExpression(), scope, result);
      } else if (n instanceof MethodCallExpr && !isMath((MethodCallExpr) n)) {
        for (Expression arg : ((MethodCallExpr) n).getArguments()) {
          addBase(arg, scope, result);
        }
      }
    });
    return result;
  }

  private static boolean isEffect(Node n) {
    return n instanceof AssignExpr
        || (n instanceof UnaryExpr && isIncrement((UnaryExpr) n))
        || (n instanceof MethodCallExpr && !isMath((MethodCallExpr) n));
  }

  static boolean isIncrement(UnaryExpr u) {
    switch (u.getOperator()) {
      case PREFIX_INCREMENT:
      case PREFIX_DECREMENT:
      case POSTFIX_INCREMENT:
      case POSTFIX_DECREMENT:
        return true;
      default:
        return false;
    }
  }

  /**
   * The variables evaluating {@code e} may assign as a whole ({@code a = ...}, {@code i++}), as
   * opposed to writing their elements or passing them to a call.
   */
  static Set<Var> reassigns(Expression e, Scope scope) {
    Set<Var> result = new HashSet<>();
    e.walk(Node.class, n -> {
      Expression target = n instanceof AssignExpr ? ((AssignExpr) n).getTarget()
          : n instanceof UnaryExpr && isIncrement((UnaryExpr) n)
              ? ((UnaryExpr) n).getExpression() : null;
      while (target instanceof EnclosedExpr) {
        target = ((EnclosedExpr) target).getInner();
      }
      if (target instanceof NameExpr) {
        Var v = scope.lookup(((NameExpr) target).getNameAsString());
        if (v != null) {
          result.add(v);
        }
      }
    });
    return result;
  }

  static boolean isMath(MethodCallExpr call) {
    return call.getScope().map(s -> s.toString().equals("Math")
        || s.toString().equals("StrictMath") || s.toString().equals("java.lang.Math"))
        .orElse(false);
  }

  private static void addBase(Expression target, Scope scope, Set<Var> out) {
    Expression base = target;
    while (true) {
      if (base instanceof EnclosedExpr) {
        base = ((EnclosedExpr) base).getInner();
      } else if (base instanceof ArrayAccessExpr) {
        base = ((ArrayAccessExpr) base).getName();
      } else {
        break;
      }
    }
    if (base instanceof NameExpr) {
      Var v = scope.lookup(((NameExpr) base).getNameAsString());
      if (v != null) {
        out.add(v);
      }
    }
  }
}
