package dev.jgrad.runtime;

/**
 * The scalar components of one differentiable argument, a {@code double}, {@code double[]} or
 * {@code double[][]}, numbered 0 to {@code size() - 1} in row-major order.
 *
 * <p>Numbering them flat lets the checker loop over, and sample from, every kind of parameter the
 * same way; this class turns a number back into an element and into a name such as {@code W[2][7]}.
 * Rows of a {@code double[][]} may differ in length.
 */
final class Components {
  private final String parameter;
  private final Object shape;
  /** For a matrix, where each row's first component is numbered; one more entry for the total. */
  private final int[] rowStart;
  private final int size;

  private Components(String parameter, Object shape, int[] rowStart, int size) {
    this.parameter = parameter;
    this.shape = shape;
    this.rowStart = rowStart;
    this.size = size;
  }

  /** The components of {@code argument}, which must be a Double, double[] or double[][]. */
  static Components of(String parameter, Object argument) {
    if (argument instanceof Double) {
      return new Components(parameter, argument, null, 1);
    }
    if (argument instanceof double[] vector) {
      return new Components(parameter, argument, null, vector.length);
    }
    if (argument instanceof double[][] rows) {
      int[] start = new int[rows.length + 1];
      for (int r = 0; r < rows.length; r++) {
        if (rows[r] == null) {
          throw new IllegalArgumentException("argument " + parameter + "[" + r + "] is null");
        }
        start[r + 1] = Math.addExact(start[r], rows[r].length);
      }
      return new Components(parameter, argument, start, start[rows.length]);
    }
    throw new IllegalArgumentException(
        "argument "
            + parameter
            + " is differentiable, so it must be a Double, double[] or double[][], not "
            + Arguments.describe(argument));
  }

  int size() {
    return size;
  }

  /** The component's name for messages: {@code x}, {@code W[3]} or {@code W[2][7]}. */
  String name(int index) {
    if (shape instanceof Double) {
      return parameter;
    }
    if (rowStart == null) {
      return parameter + "[" + index + "]";
    }
    int row = rowOf(index);
    return parameter + "[" + row + "][" + (index - rowStart[row]) + "]";
  }

  /** Component {@code index} of {@code value}, which has this shape (an argument or a gradient). */
  double get(Object value, int index) {
    if (value instanceof Double scalar) {
      return scalar;
    }
    if (rowStart == null) {
      return ((double[]) value)[index];
    }
    int row = rowOf(index);
    return ((double[][]) value)[row][index - rowStart[row]];
  }

  /**
   * Sets component {@code index} of {@code value} to {@code x}: arrays are written in place, so
   * pass a copy; a Double cannot be, so the new argument is returned either way.
   */
  Object set(Object value, int index, double x) {
    if (value instanceof Double) {
      return x;
    }
    if (rowStart == null) {
      ((double[]) value)[index] = x;
    } else {
      int row = rowOf(index);
      ((double[][]) value)[row][index - rowStart[row]] = x;
    }
    return value;
  }

  /** Throws an exception naming the parameter unless {@code gradient} has this shape. */
  void requireSameShape(Object gradient) {
    boolean same;
    if (shape instanceof Double) {
      same = gradient instanceof Double;
    } else if (rowStart == null) {
      same = gradient instanceof double[] vector && vector.length == size;
    } else {
      same = gradient instanceof double[][] rows && sameRows(rows);
    }
    if (!same) {
      throw new IllegalArgumentException(
          "the gradient for "
              + parameter
              + " must have the argument's shape, "
              + Arguments.describe(shape)
              + ", but is "
              + Arguments.describe(gradient));
    }
  }

  private boolean sameRows(double[][] gradient) {
    if (gradient.length != rowStart.length - 1) {
      return false;
    }
    for (int r = 0; r < gradient.length; r++) {
      if (gradient[r] == null || gradient[r].length != rowStart[r + 1] - rowStart[r]) {
        return false;
      }
    }
    return true;
  }

  /** The last row starting at or before {@code index}; empty rows share a start and are skipped. */
  private int rowOf(int index) {
    int low = 0;
    int high = rowStart.length - 2;
    while (low < high) {
      int middle = (low + high + 1) >>> 1;
      if (rowStart[middle] <= index) {
        low = middle;
      } else {
        high = middle - 1;
      }
    }
    return low;
  }
}
