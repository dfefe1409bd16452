package dev.jgrad.processor.random;

import java.util.List;

/**
 * An expression of a generated program. The same tree is written twice, as plain Java for jgrad
 * and over Hipparchus {@code Gradient} for the oracle, so each node stands for one Java construct
 * whose meaning both writers agree on.
 */
sealed interface Expr {
  Ty ty();

  /** A double literal. */
  record Num(double value) implements Expr {
    @Override
    public Ty ty() {
      return Ty.DOUBLE;
    }
  }

  /** An int literal. */
  record Int(int value) implements Expr {
    @Override
    public Ty ty() {
      return Ty.INT;
    }
  }

  /** {@code true} or {@code false}. */
  record Bool(boolean value) implements Expr {
    @Override
    public Ty ty() {
      return Ty.BOOL;
    }
  }

  /** A parameter or local. */
  record Var(String name, Ty ty) implements Expr {}

  /** A {@link Constant} of the class, DOUBLE or INT. */
  record Field(String name, Ty ty) implements Expr {}

  /**
   * A binary operator with Java's spelling: arithmetic on DOUBLE or INT operands, comparisons
   * (typed BOOL) and {@code && ||}.
   */
  record Bin(String op, Expr left, Expr right, Ty ty) implements Expr {}

  /** Unary minus. */
  record Neg(Expr operand) implements Expr {
    @Override
    public Ty ty() {
      return operand.ty();
    }
  }

  /** {@code !b}. */
  record Not(Expr operand) implements Expr {
    @Override
    public Ty ty() {
      return Ty.BOOL;
    }
  }

  /** {@code Math.fn(args)}; INT only for abs, max and min of ints. */
  record MathCall(String fn, List<Expr> args, Ty ty) implements Expr {}

  /** {@code (int) operand} of a double. */
  record ToInt(Expr operand) implements Expr {
    @Override
    public Ty ty() {
      return Ty.INT;
    }
  }

  /** An int used as a double; written {@code (double) i} when explicit, else left implicit. */
  record ToDouble(Expr operand, boolean explicit) implements Expr {
    @Override
    public Ty ty() {
      return Ty.DOUBLE;
    }
  }

  /** {@code condition ? whenTrue : whenFalse}. */
  record Cond(Expr condition, Expr whenTrue, Expr whenFalse, Ty ty) implements Expr {}

  /** {@code array[index]} of a {@code double[]} variable. */
  record Elem(String array, Expr index) implements Expr {
    @Override
    public Ty ty() {
      return Ty.DOUBLE;
    }
  }

  /** {@code array[index]} of an {@code int[]} variable. */
  record IntElem(String array, Expr index) implements Expr {
    @Override
    public Ty ty() {
      return Ty.INT;
    }
  }

  /** {@code matrix[row][col]} of a {@code double[][]} variable. */
  record Elem2(String matrix, Expr row, Expr col) implements Expr {
    @Override
    public Ty ty() {
      return Ty.DOUBLE;
    }
  }

  /**
   * {@code matrix[row]}, a row that shares storage with the matrix: a declaration's initialiser
   * or a call's argument.
   */
  record Row(String matrix, Expr row) implements Expr {
    @Override
    public Ty ty() {
      return Ty.ARRAY;
    }
  }

  /** {@code array.length} of any array variable. */
  record Length(String array) implements Expr {
    @Override
    public Ty ty() {
      return Ty.INT;
    }
  }

  /** A call of another generated method of the same class; they all return double. */
  record Invoke(String method, List<Expr> args) implements Expr {
    @Override
    public Ty ty() {
      return Ty.DOUBLE;
    }
  }

  /**
   * An assignment used as an expression or a statement: {@code target op value} with {@code op}
   * one of {@code = += -= *= /= %=}; the target is a {@link Var}, an {@link Elem}, an {@link
   * Elem2} or an {@link IntElem}.
   */
  record Assign(Expr target, String op, Expr value) implements Expr {
    @Override
    public Ty ty() {
      return target.ty();
    }
  }

  /**
   * {@code ++t}, {@code t++}, {@code --t} or {@code t--} of a {@link Var}, {@link Elem} or
   * {@link Elem2}.
   */
  record Step(Expr target, boolean prefix, boolean up) implements Expr {
    @Override
    public Ty ty() {
      return target.ty();
    }
  }

  /**
   * A switch expression on an int, of type double: arrow cases with a value or a block that
   * yields, or old-style cases that yield or fall through. It always has a default.
   */
  record Switch(Expr selector, boolean arrow, List<Case> cases) implements Expr {
    @Override
    public Ty ty() {
      return Ty.DOUBLE;
    }
  }

  /** {@code new double[length]}, only as a declaration's initialiser. */
  record NewArray(int length) implements Expr {
    @Override
    public Ty ty() {
      return Ty.ARRAY;
    }
  }

  /** {@code {2, 0, 1}}, an int[] declaration's initialiser. */
  record IntArrayInit(List<Integer> values) implements Expr {
    @Override
    public Ty ty() {
      return Ty.INTS;
    }
  }

  /** {@code {e0, e1, ...}}, only as a declaration's initialiser. */
  record ArrayInit(List<Expr> elements) implements Expr {
    @Override
    public Ty ty() {
      return Ty.ARRAY;
    }
  }
}
