package dev.jgrad.benchmarks;

import dev.jgrad.Differentiable;
import java.util.SplittableRandom;

/**
 * GradBench's {@code det}: the determinant of an {@code ell x ell} matrix, stored row by row in
 * {@code a}, by recursive (Laplace) expansion along the first row of each minor. It costs about
 * {@code e * ell!} multiplications: a benchmark of deep recursion, not a way to compute
 * determinants.
 */
public final class Det {
  /** The largest order: the used columns of a minor are the bits of an {@code int}. */
  public static final int MAX_ORDER = 30;

  private Det() {}

  /** The determinant of the {@code ell x ell} matrix {@code a} (row-major, {@code ell^2}). */
  @Differentiable(wrt = "a")
  public static double objective(double[] a, int ell) {
    return minor(a, ell, 0, 0);
  }

  /**
   * The determinant of the minor made of rows {@code row..ell-1} and of the columns whose bit is
   * clear in {@code used}. A bit mask instead of copying the minor: no allocation at any depth.
   */
  @Differentiable(wrt = "a")
  static double minor(double[] a, int ell, int row, int used) {
    if (row == ell) {
      return 1.0;
    }
    double sum = 0.0;
    double sign = 1.0;
    for (int c = 0; c < ell; c++) {
      if ((used & (1 << c)) != 0) {
        continue;
      }
      sum += sign * a[row * ell + c] * minor(a, ell, row + 1, used | (1 << c));
      sign = -sign;
    }
    return sum;
  }

  /** A matrix with entries uniform in [-1, 1) from {@code seed}: the benchmark inputs. */
  public static double[] randomMatrix(int ell, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] a = new double[ell * ell];
    for (int i = 0; i < a.length; i++) {
      a[i] = random.nextDouble(-1.0, 1.0);
    }
    return a;
  }
}
