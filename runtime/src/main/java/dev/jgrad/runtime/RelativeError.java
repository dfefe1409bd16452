package dev.jgrad.runtime;

/**
 * How far a generated gradient component is from its finite-difference estimate.
 *
 * <p>Relative error makes one tolerance fit components of any size. It breaks down near zero, where
 * the estimate's own rounding noise (about 1e-10 for the default step) is as large as the values
 * and any difference looks like 100%; below a floor the absolute difference is used instead.
 */
final class RelativeError {
  private RelativeError() {}

  /**
   * {@code |a - b| / max(|a|, |b|)}, or {@code |a - b|} when {@code max(|a|, |b|)} is below {@code
   * absoluteBelow}. NaN on either side gives positive infinity, so that a NaN gradient fails every
   * tolerance instead of slipping through comparisons, which are all false for NaN.
   */
  static double between(double a, double b, double absoluteBelow) {
    if (Double.isNaN(a) || Double.isNaN(b)) {
      return Double.POSITIVE_INFINITY;
    }
    if (a == b) {
      return 0; // also covers two equal infinities, where a - b would be NaN
    }
    if (Double.isInfinite(a) || Double.isInfinite(b)) {
      return Double.POSITIVE_INFINITY;
    }
    double difference = Math.abs(a - b);
    double scale = Math.max(Math.abs(a), Math.abs(b));
    return scale < absoluteBelow ? difference : difference / scale;
  }
}
