package dev.jgrad.benchmarks;

import dev.jgrad.Differentiable;
import java.util.SplittableRandom;

/**
 * GradBench's {@code lse}: {@code log sum_i exp(x_i)}, computed the stable way, by shifting every
 * term by the largest {@code x_i} so that no {@code exp} overflows.
 */
public final class Lse {
  private Lse() {}

  /** The objective, {@code log sum exp(x)}; {@code x} must not be empty. */
  @Differentiable
  public static double objective(double[] x) {
    double max = x[0];
    for (int i = 1; i < x.length; i++) {
      if (x[i] > max) {
        max = x[i];
      }
    }
    double sum = 0.0;
    for (int i = 0; i < x.length; i++) {
      sum += Math.exp(x[i] - max);
    }
    return max + Math.log(sum);
  }

  /** Values uniform in [-4, 4) from {@code seed}: the benchmark inputs. */
  public static double[] randomInput(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = random.nextDouble(-4.0, 4.0);
    }
    return x;
  }
}
