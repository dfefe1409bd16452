package dev.jgrad.runtime;

/** Gradient buffers shaped like their parameters, and the checks that keep aliasing honest. */
public final class Buffers {
  private Buffers() {}

  /** A zero matrix with the same (possibly ragged) shape as {@code m}. */
  public static double[][] zerosLike(double[][] m) {
    double[][] z = new double[m.length][];
    for (int i = 0; i < m.length; i++) {
      z[i] = new double[m[i].length];
    }
    return z;
  }

  /** A deep copy, for saving an array that a call may overwrite. */
  public static double[][] copy(double[][] m) {
    double[][] c = new double[m.length][];
    for (int i = 0; i < m.length; i++) {
      c[i] = m[i].clone();
    }
    return c;
  }

  /** Copies {@code saved} back into {@code target}, row by row, keeping target's rows. */
  public static void restore(double[][] target, double[][] saved) {
    for (int i = 0; i < saved.length; i++) {
      System.arraycopy(saved[i], 0, target[i], 0, saved[i].length);
    }
  }

  /** Fails unless {@code buffer} can hold the gradient of a scalar: a non-null array of one. */
  public static void checkScalar(double[] buffer, String name) {
    if (buffer == null || buffer.length < 1) {
      throw new IllegalArgumentException("gradient buffer " + name + " must be a double[1], got "
          + (buffer == null ? "null" : "a double[" + buffer.length + "]"));
    }
  }

  /** Fails unless {@code buffer} has the shape of {@code parameter}. */
  public static void checkShape(double[] parameter, double[] buffer, String name) {
    if (buffer == null || buffer.length != parameter.length) {
      throw new IllegalArgumentException("gradient buffer " + name + " must have length "
          + parameter.length + ", got " + (buffer == null ? "null" : buffer.length));
    }
  }

  /** Fails unless {@code buffer} has the shape of {@code parameter}, row by row. */
  public static void checkShape(double[][] parameter, double[][] buffer, String name) {
    if (buffer == null || buffer.length != parameter.length) {
      throw new IllegalArgumentException("gradient buffer " + name + " must have "
          + parameter.length + " rows, got " + (buffer == null ? "null" : buffer.length));
    }
    for (int i = 0; i < parameter.length; i++) {
      if (buffer[i] == null || buffer[i].length != parameter[i].length) {
        throw new IllegalArgumentException("row " + i + " of gradient buffer " + name
            + " must have length " + parameter[i].length + ", got "
            + (buffer[i] == null ? "null" : buffer[i].length));
      }
    }
  }

  /** Adds {@code source} into {@code target}, element by element. */
  public static void addInto(double[] target, double[] source) {
    for (int i = 0; i < source.length; i++) {
      target[i] += source[i];
    }
  }

  /** Adds {@code source} into {@code target}, element by element. */
  public static void addInto(double[][] target, double[][] source) {
    for (int i = 0; i < source.length; i++) {
      addInto(target[i], source[i]);
    }
  }

  /**
   * Fails when a vector parameter is a row of a matrix parameter: their gradients would be split
   * between two buffers, each holding part of the gradient of the shared row.
   */
  public static void checkRowAlias(double[][] matrix, double[] vector, String names) {
    for (double[] row : matrix) {
      if (row == vector) {
        throw new IllegalArgumentException("a row of one parameter is passed as another, "
            + names + ": pass a copy of the row");
      }
    }
  }

  /**
   * Fails when two parameters are the same array but their gradient buffers are not: the
   * gradients would then be split between two buffers and both would be wrong.
   */
  public static void checkAlias(Object a, Object b, Object bufferA, Object bufferB, String names) {
    if (a == b && bufferA != bufferB) {
      throw new IllegalArgumentException("the same array is passed for " + names
          + ": pass the same gradient buffer for both, or pass a copy");
    }
  }
}
