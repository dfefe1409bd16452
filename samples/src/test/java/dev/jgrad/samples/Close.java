package dev.jgrad.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Locale;

/** Comparisons of gradients, component by component, with messages that name the component. */
public final class Close {
  private Close() {}

  /**
   * Fails unless {@code |expected - actual| <= tolerance * max(|expected|, |actual|)}: relative
   * error, so one tolerance fits components of any size. Equal values, zeros included, pass.
   */
  public static void relative(double expected, double actual, double tolerance, String what) {
    if (expected == actual) {
      return;
    }
    double error = Math.abs(expected - actual) / Math.max(Math.abs(expected), Math.abs(actual));
    if (!(error <= tolerance)) {
      fail(String.format(Locale.ROOT, "%s: expected %s, got %s, relative error %.3g > %.3g",
          what, expected, actual, error, tolerance));
    }
  }

  /** {@link #relative(double, double, double, String)} for every element. */
  public static void relative(double[] expected, double[] actual, double tolerance, String what) {
    assertEquals(expected.length, actual.length, what + ": length");
    for (int i = 0; i < expected.length; i++) {
      relative(expected[i], actual[i], tolerance, what + "[" + i + "]");
    }
  }

  /** {@link #relative(double, double, double, String)} for every element. */
  public static void relative(double[][] expected, double[][] actual, double tolerance,
      String what) {
    assertEquals(expected.length, actual.length, what + ": rows");
    for (int i = 0; i < expected.length; i++) {
      relative(expected[i], actual[i], tolerance, what + "[" + i + "]");
    }
  }

  /** Returns a deep copy, to check later that a call left an argument as it found it. */
  public static double[][] copy(double[][] m) {
    double[][] c = new double[m.length][];
    for (int i = 0; i < m.length; i++) {
      c[i] = m[i].clone();
    }
    return c;
  }
}
