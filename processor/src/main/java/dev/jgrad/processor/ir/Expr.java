package dev.jgrad.processor.ir;

import java.util.List;

/**
 * A side-effect-free expression. Lowering moves assignments, increments and calls out of
 * expressions into statements of their own, so an expression can be evaluated again in the
 * reverse sweep and give the same value.
 */
public interface Expr {
  Type type();

  /** A literal, printed as the user wrote it (a double literal keeps its exact digits). */
  record Literal(String text, Type type) implements Expr {}

  /**
   * A named constant: the value of a compile-time constant ({@code Math.PI}), or else a
   * {@code static final} field by qualified name ({@code readsField}), whose first read may run
   * its class's initializer, and so any code.
   */
  record Constant(String javaText, Type type, boolean readsField) implements Expr {}

  record Read(Var var) implements Expr {
    @Override
    public Type type() {
      return var.type();
    }
  }

  /** {@code array[index]}. */
  record Index(Expr array, Expr index) implements Expr {
    @Override
    public Type type() {
      return array.type().element();
    }
  }

  /** {@code array.length}. */
  record Length(Expr array) implements Expr {
    @Override
    public Type type() {
      return Type.INT;
    }
  }

  /** {@code -x}, {@code +x}, {@code !b}, {@code ~i}. */
  record Unary(String op, Expr operand, Type type) implements Expr {}

  /** Arithmetic, comparison, logical and bitwise operators, with Java's own spelling. */
  record Binary(String op, Expr left, Expr right, Type type) implements Expr {}

  /** {@code cond ? a : b}. */
  record Conditional(Expr condition, Expr whenTrue, Expr whenFalse, Type type) implements Expr {}

  /** A call of {@code java.lang.Math} (or {@code StrictMath}) by its method name. */
  record MathCall(String owner, String function, List<Expr> args, Type type) implements Expr {}

  /**
   * A call of a static method with no derivative, allowed only where no argument carries a
   * gradient. Lowering binds it to a temporary so that it runs once, in the forward sweep.
   */
  record PlainCall(String owner, String method, List<Expr> args, Type type,
      List<Boolean> writesArrays) implements Expr {}

  /** {@code (int) x} or {@code (double) i}. */
  record Cast(Type type, Expr operand) implements Expr {}

  /** {@code new double[n]} or {@code new double[n][m]}; only as the whole right-hand side. */
  record NewArray(Type type, List<Expr> dimensions) implements Expr {}

  /** {@code {1.0, 2.0}} or {@code new double[] {...}}; only as the whole right-hand side. */
  record ArrayLiteral(Type type, List<Expr> elements) implements Expr {}
}
