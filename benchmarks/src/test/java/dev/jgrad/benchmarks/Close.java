package dev.jgrad.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Locale;

/** Element-by-element comparisons whose messages name the first element that is off. */
final class Close {
  private Close() {}

  /** Fails unless {@code |expected - actual| <= tolerance} for every element. */
  static void absolute(double[] expected, double[] actual, double tolerance, String what) {
    assertEquals(expected.length, actual.length, what + ": length");
    for (int i = 0; i < expected.length; i++) {
      if (!(Math.abs(expected[i] - actual[i]) <= tolerance)) {
        fail(String.format(Locale.ROOT, "%s[%d]: expected %s, got %s, off by %.3g > %.3g", what,
            i, expected[i], actual[i], Math.abs(expected[i] - actual[i]), tolerance));
      }
    }
  }

  /**
   * Fails unless {@code |expected - actual| <= tolerance * max(1, |expected|)} for every element:
   * relative for large components, absolute for small ones, so cancellation near zero does not
   * fail a correct gradient.
   */
  static void scaled(double[] expected, double[] actual, double tolerance, String what) {
    assertEquals(expected.length, actual.length, what + ": length");
    for (int i = 0; i < expected.length; i++) {
      double allowed = tolerance * Math.max(1.0, Math.abs(expected[i]));
      if (!(Math.abs(expected[i] - actual[i]) <= allowed)) {
        fail(String.format(Locale.ROOT, "%s[%d]: expected %s, got %s, off by %.3g > %.3g", what,
            i, expected[i], actual[i], Math.abs(expected[i] - actual[i]), allowed));
      }
    }
  }

  /** {@link #scaled(double[], double[], double, String)} for every row. */
  static void scaled(double[][] expected, double[][] actual, double tolerance, String what) {
    assertEquals(expected.length, actual.length, what + ": rows");
    for (int i = 0; i < expected.length; i++) {
      scaled(expected[i], actual[i], tolerance, what + "[" + i + "]");
    }
  }

  /** {@link #scaled(double[], double[], double, String)} for one number. */
  static void scaled(double expected, double actual, double tolerance, String what) {
    scaled(new double[] {expected}, new double[] {actual}, tolerance, what);
  }
}
