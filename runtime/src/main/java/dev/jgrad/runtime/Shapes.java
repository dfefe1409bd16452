package dev.jgrad.runtime;

/** Flat views of the values jgrad handles: a double, a vector or a (possibly ragged) matrix. */
final class Shapes {
  private Shapes() {}

  /** The sum of elementwise products of two values of the same shape. */
  static double dot(Object a, Object b) {
    double[] x = flatten(a);
    double[] y = flatten(b);
    if (x.length != y.length) {
      throw new IllegalArgumentException("shapes differ: " + x.length + " and " + y.length
          + " elements");
    }
    double s = 0.0;
    for (int i = 0; i < x.length; i++) {
      s += x[i] * y[i];
    }
    return s;
  }

  static double[] flatten(Object v) {
    if (v instanceof Double) {
      return new double[] {(Double) v};
    }
    if (v instanceof double[]) {
      return (double[]) v;
    }
    if (v instanceof double[][]) {
      double[][] m = (double[][]) v;
      int n = 0;
      for (double[] row : m) {
        n += row.length;
      }
      double[] out = new double[n];
      int k = 0;
      for (double[] row : m) {
        System.arraycopy(row, 0, out, k, row.length);
        k += row.length;
      }
      return out;
    }
    throw new IllegalArgumentException("not a double, double[] or double[][]: " + v);
  }

  /** A zero value shaped like {@code v}, with a one at flat position {@code k}. */
  static Object unit(Object v, int k) {
    if (v instanceof double[]) {
      double[] u = new double[((double[]) v).length];
      u[k] = 1.0;
      return u;
    }
    double[][] m = (double[][]) v;
    double[][] u = Buffers.zerosLike(m);
    for (double[] row : u) {
      if (k < row.length) {
        row[k] = 1.0;
        return u;
      }
      k -= row.length;
    }
    throw new IndexOutOfBoundsException("no element " + k);
  }
}
