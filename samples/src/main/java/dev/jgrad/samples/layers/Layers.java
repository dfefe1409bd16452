package dev.jgrad.samples.layers;

import dev.jgrad.Differentiable;

/**
 * The lecture's vector and matrix gates. Their generated gradients are vector-Jacobian products:
 * no Jacobian is ever built. For the elementwise ReLU the Jacobian is diagonal, so the product is
 * the upstream gradient masked where the input was negative; for {@code y = x w} the products
 * are {@code dx = dy w^T} and {@code dw = x^T dy}.
 */
public final class Layers {
  private Layers() {}

  /** The elementwise ReLU of a vector. */
  @Differentiable
  public static double[] relu(double[] x) {
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = Math.max(0.0, x[i]);
    }
    return y;
  }

  /** The matrix product {@code y = x w} of an {@code n x d} and a {@code d x m} matrix. */
  @Differentiable
  public static double[][] matmul(double[][] x, double[][] w) {
    int n = x.length;
    int d = w.length;
    int m = w[0].length;
    double[][] y = new double[n][m];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < m; j++) {
        double s = 0.0;
        for (int k = 0; k < d; k++) {
          s += x[i][k] * w[k][j];
        }
        y[i][j] = s;
      }
    }
    return y;
  }

  /**
   * A layer built from the two: the sum of {@code v}-weighted ReLU outputs of {@code x w}.
   * Calls of array-valued methods pass the returned array's gradient back as their upstream.
   */
  @Differentiable(wrt = {"w", "v"})
  public static double score(double[][] x, double[][] w, double[] v) {
    double[][] y = matmul(x, w);
    double s = 0.0;
    for (int i = 0; i < y.length; i++) {
      double[] h = relu(y[i]);
      for (int j = 0; j < h.length; j++) {
        s += h[j] * v[j];
      }
    }
    return s;
  }
}
