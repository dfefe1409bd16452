package dev.jgrad.processor.random;

import java.util.Set;

/** Facts about expression trees that both writers and the generator need. */
final class Types {
  private static final Set<String> ARITHMETIC = Set.of("+", "-", "*", "/", "%");
  private static final Set<String> COMPARISONS = Set.of("<", "<=", ">", ">=", "==", "!=");

  private Types() {}

  /** Whether {@code b} is arithmetic on doubles (and so on Gradients in the oracle). */
  static boolean arithmetic(Expr.Bin b) {
    return b.ty() == Ty.DOUBLE && ARITHMETIC.contains(b.op());
  }

  /** Whether {@code b} compares two doubles. */
  static boolean doubleComparison(Expr.Bin b) {
    return COMPARISONS.contains(b.op()) && b.left().ty() == Ty.DOUBLE;
  }

  /**
   * Whether the plain Java text of {@code e} has static type int although the tree may call it
   * a double: an implicit {@link Expr.ToDouble}, or operators and conditionals made only of such.
   * Where two of these meet in arithmetic, {@link JavaText} adds a cast, or Java would divide (or
   * overflow) as ints.
   */
  static boolean intInJava(Expr e) {
    if (e.ty() == Ty.INT) {
      return true;
    }
    if (e instanceof Expr.ToDouble t) {
      return !t.explicit();
    }
    if (e instanceof Expr.Neg n) {
      return intInJava(n.operand());
    }
    if (e instanceof Expr.Cond c) {
      return intInJava(c.whenTrue()) && intInJava(c.whenFalse());
    }
    return false;
  }
}
