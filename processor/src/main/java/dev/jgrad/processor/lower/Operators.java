package dev.jgrad.processor.lower;

import dev.jgrad.processor.ir.Type;

/** Java's typing rules for binary operators, restricted to jgrad's value types. */
final class Operators {
  private Operators() {}

  /** Whether {@code op} gives a boolean. */
  static boolean isComparison(String op) {
    return resultType(op, Type.INT, Type.INT) == Type.BOOLEAN
        || op.equals("&&") || op.equals("||");
  }

  /** The result type of {@code l op r}, or null when the subset does not define it. */
  static Type resultType(String op, Type l, Type r) {
    switch (op) {
      case "+":
      case "-":
      case "*":
      case "/":
      case "%":
        if (!l.isNumeric() || !r.isNumeric()) {
          return null;
        }
        return l == Type.DOUBLE || r == Type.DOUBLE ? Type.DOUBLE : Type.INT;
      case "<":
      case ">":
      case "<=":
      case ">=":
        return l.isNumeric() && r.isNumeric() ? Type.BOOLEAN : null;
      case "==":
      case "!=":
        if (l.isNumeric() && r.isNumeric() || l == Type.BOOLEAN && r == Type.BOOLEAN) {
          return Type.BOOLEAN;
        }
        return null;
      case "&&":
      case "||":
        return l == Type.BOOLEAN && r == Type.BOOLEAN ? Type.BOOLEAN : null;
      case "&":
      case "|":
      case "^":
        if (l == Type.BOOLEAN && r == Type.BOOLEAN) {
          return Type.BOOLEAN;
        }
        return l == Type.INT && r == Type.INT ? Type.INT : null;
      case "<<":
      case ">>":
      case ">>>":
        return l == Type.INT && r == Type.INT ? Type.INT : null;
      default:
        return null;
    }
  }
}
