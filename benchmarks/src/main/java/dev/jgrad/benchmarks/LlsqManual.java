package dev.jgrad.benchmarks;

import java.util.Arrays;

/** A hand-written gradient of {@link Llsq#objective}: the reference an expert would write. */
public final class LlsqManual {
  private LlsqManual() {}

  /**
   * Writes the gradient of {@code Llsq.objective(x, n)} into {@code dx} (overwriting it) and
   * returns the value. {@code d/dx_j = -sum_i r_i t_i^j} with residual {@code r_i}: one pass over
   * the points. The fit keeps each point's powers in a scratch row (allocated once per call), so
   * the scatter into {@code dx} is a loop of independent multiply-adds that the JIT vectorises,
   * instead of a second chain of dependent multiplies.
   */
  public static double gradient(double[] x, int n, double[] dx) {
    int m = x.length;
    Arrays.fill(dx, 0.0);
    double[] powers = new double[m];
    double sum = 0.0;
    for (int i = 0; i < n; i++) {
      double t = -1.0 + 2.0 * i / (n - 1);
      double power = 1.0;
      double fit = 0.0;
      for (int j = 0; j < m; j++) {
        powers[j] = power;
        fit += x[j] * power;
        power *= t;
      }
      double r = Math.signum(t) - fit;
      sum += r * r;
      for (int j = 0; j < m; j++) {
        dx[j] -= r * powers[j];
      }
    }
    return 0.5 * sum;
  }
}
