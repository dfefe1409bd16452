package dev.jgrad.processor.testing;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares numbers, and arrays of them component by component, by relative error, with an
 * absolute bound where the expected component is exactly zero (no relative error is possible
 * there).
 */
public final class Closeness {
  private Closeness() {}

  /**
   * Whether {@code actual} is within {@code tolerance} of {@code expected}: relative to
   * {@code |expected|}, or absolute where {@code expected} is 0. NaN is never close, not even to
   * NaN: no expected result in these tests is NaN.
   */
  public static boolean close(double expected, double actual, double tolerance) {
    if (Double.isNaN(actual) || Double.isNaN(expected)) {
      return false;
    }
    if (expected == actual) {
      return true;
    }
    double error = Math.abs(actual - expected);
    return expected == 0 ? error <= tolerance : error <= tolerance * Math.abs(expected);
  }

  /**
   * The components of {@code actual} that are not close to {@code expected}, one readable line
   * each such as {@code c[1]: expected 1.5, got 0.0}; empty if all are close. Both may be a
   * {@code Double} or arrays of any depth; a shape mismatch is reported as one line.
   */
  public static List<String> mismatches(String name, Object expected, Object actual,
      double tolerance) {
    List<String> out = new ArrayList<>();
    collect(name, expected, actual, tolerance, out);
    return out;
  }

  private static void collect(String name, Object expected, Object actual, double tolerance,
      List<String> out) {
    if (expected instanceof Number e && actual instanceof Number a) {
      if (!close(e.doubleValue(), a.doubleValue(), tolerance)) {
        out.add(name + ": expected " + e + ", got " + a + relative(e, a));
      }
      return;
    }
    if (expected == null || actual == null || !expected.getClass().isArray()
        || !actual.getClass().isArray() || Array.getLength(expected) != Array.getLength(actual)) {
      out.add(name + ": expected " + describe(expected) + ", got " + describe(actual));
      return;
    }
    for (int i = 0; i < Array.getLength(expected); i++) {
      collect(name + "[" + i + "]", Array.get(expected, i), Array.get(actual, i), tolerance, out);
    }
  }

  private static String relative(Number e, Number a) {
    double x = e.doubleValue();
    return x == 0 ? "" : " (relative error " + Math.abs(a.doubleValue() - x) / Math.abs(x) + ")";
  }

  private static String describe(Object value) {
    if (value == null || !value.getClass().isArray()) {
      return String.valueOf(value);
    }
    return value.getClass().getComponentType().getSimpleName() + "[" + Array.getLength(value)
        + "]";
  }
}
