package dev.jgrad.benchmarks;

/** A hand-written gradient of {@link Lse#objective}: the reference an expert would write. */
public final class LseManual {
  private LseManual() {}

  /**
   * Writes the gradient of {@code Lse.objective(x)}, the softmax of {@code x}, into {@code dx}
   * (overwriting it) and returns the value. The exponentials go straight into {@code dx} and are
   * scaled in place, so each element costs one {@code exp}, as in the primal.
   */
  public static double gradient(double[] x, double[] dx) {
    double max = x[0];
    for (int i = 1; i < x.length; i++) {
      if (x[i] > max) {
        max = x[i];
      }
    }
    double sum = 0.0;
    for (int i = 0; i < x.length; i++) {
      double e = Math.exp(x[i] - max);
      dx[i] = e;
      sum += e;
    }
    double inverse = 1.0 / sum;
    for (int i = 0; i < x.length; i++) {
      dx[i] *= inverse;
    }
    return max + Math.log(sum);
  }
}
