package dev.jgrad.benchmarks;

import java.util.Arrays;

/** A hand-written gradient of {@link Det#objective}: the reference an expert would write. */
public final class DetManual {
  private DetManual() {}

  /**
   * Writes the gradient of {@code Det.objective(a, ell)} (the cofactor matrix) into {@code da}
   * (overwriting it) and returns the determinant, in the same single recursion as the primal.
   */
  public static double gradient(double[] a, int ell, double[] da) {
    if (ell > Det.MAX_ORDER) {
      throw new IllegalArgumentException("order " + ell + " > " + Det.MAX_ORDER);
    }
    Arrays.fill(da, 0.0);
    return minor(a, ell, 0, 0, 1.0, da);
  }

  /**
   * Returns the minor's determinant and adds {@code weight} times its gradient into {@code da}.
   * {@code weight} is the derivative of the whole determinant with respect to this minor: the
   * product of the signed entries on the path down to it. Each entry's derivative is its signed
   * sub-minor, which the recursion computes anyway, so there is no second pass.
   */
  private static double minor(double[] a, int ell, int row, int used, double weight,
      double[] da) {
    if (row == ell) {
      return 1.0;
    }
    double sum = 0.0;
    double sign = 1.0;
    for (int c = 0; c < ell; c++) {
      if ((used & (1 << c)) != 0) {
        continue;
      }
      int at = row * ell + c;
      double signed = sign * a[at];
      double sub = minor(a, ell, row + 1, used | (1 << c), weight * signed, da);
      da[at] += weight * sign * sub;
      sum += signed * sub;
      sign = -sign;
    }
    return sum;
  }
}
