package dev.jgrad.benchmarks;

import dev.jgrad.Differentiable;
import java.util.SplittableRandom;

/**
 * GradBench's {@code llsq}: fit a polynomial with coefficients {@code x} to the sign function
 * sampled at {@code n} points, in the least-squares sense.
 *
 * <p>{@code llsq(x) = 1/2 sum_i (s_i - sum_j x_j t_i^j)^2} with {@code t_i = -1 + 2i/(n-1)} and
 * {@code s_i = sign(t_i)} ({@code sign(0) = 0}), for {@code i < n} and {@code j < x.length}.
 */
public final class Llsq {
  private Llsq() {}

  /** The objective; {@code n} must be at least 2. */
  @Differentiable(wrt = "x")
  public static double objective(double[] x, int n) {
    int m = x.length;
    double sum = 0.0;
    for (int i = 0; i < n; i++) {
      double t = -1.0 + 2.0 * i / (n - 1);
      // A running power instead of Math.pow: one multiply per term and no pow call.
      double power = 1.0;
      double fit = 0.0;
      for (int j = 0; j < m; j++) {
        fit += x[j] * power;
        power *= t;
      }
      double r = Math.signum(t) - fit;
      sum += r * r;
    }
    return 0.5 * sum;
  }

  /** Coefficients uniform in [-1, 1) from {@code seed}: the benchmark inputs. */
  public static double[] randomCoefficients(int m, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] x = new double[m];
    for (int j = 0; j < m; j++) {
      x[j] = random.nextDouble(-1.0, 1.0);
    }
    return x;
  }
}
