package dev.jgrad.runtime;

/**
 * Whole Jacobians built from vector-Jacobian products, one product per output element: for tests
 * and small problems. Generated code never builds a Jacobian.
 */
public final class Jacobians {
  private Jacobians() {}

  /**
   * The Jacobian of {@code f} with respect to {@code parameter} at {@code args}: one row per
   * output element, one column per element of the parameter, both in row-major order.
   */
  public static double[][] of(VectorFunction f, String parameter, Object... args) {
    if (!f.wrt().contains(parameter)) {
      throw new IllegalArgumentException(f.name() + " is not differentiated with respect to '"
          + parameter + "'; it is with respect to " + f.wrt());
    }
    Object value = f.value(copy(args));
    int rows = Shapes.flatten(value).length;
    double[][] jacobian = new double[rows][];
    for (int r = 0; r < rows; r++) {
      Object upstream = Shapes.unit(value, r);
      jacobian[r] = Shapes.flatten(f.vjp(upstream, copy(args)).gradient(parameter)).clone();
    }
    return jacobian;
  }

  private static Object[] copy(Object[] args) {
    Object[] out = args.clone();
    for (int i = 0; i < out.length; i++) {
      if (out[i] instanceof double[]) {
        out[i] = ((double[]) out[i]).clone();
      } else if (out[i] instanceof double[][]) {
        out[i] = Buffers.copy((double[][]) out[i]);
      } else if (out[i] instanceof int[]) {
        out[i] = ((int[]) out[i]).clone();
      }
    }
    return out;
  }
}
