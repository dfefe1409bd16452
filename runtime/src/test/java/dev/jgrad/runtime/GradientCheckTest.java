package dev.jgrad.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The checker on f(x, w) = x * sum(w_i^2) + sin(x), whose gradient is known in closed form. */
class GradientCheckTest {
  private static final double[] W = {1.0, -2.0, 0.5};

  private static double f(Object[] args) {
    double x = (Double) args[0];
    double sum = 0;
    for (double wi : (double[]) args[1]) {
      sum += wi * wi;
    }
    return x * sum + Math.sin(x);
  }

  /** The exact gradient, with {@code dw[wrongIndex]} off by {@code wrongBy}. */
  private static Map<String, Object> gradient(Object[] args, int wrongIndex, double wrongBy) {
    double x = (Double) args[0];
    double[] w = (double[]) args[1];
    double[] dw = new double[w.length];
    double sum = 0;
    for (int i = 0; i < w.length; i++) {
      sum += w[i] * w[i];
      dw[i] = 2 * x * w[i] + (i == wrongIndex ? wrongBy : 0);
    }
    return Map.of("x", sum + Math.cos(x), "w", dw);
  }

  private static DifferentiableFunction function(int wrongIndex, double wrongBy) {
    return new HandWritten(
        "Test.f",
        List.of("x", "w"),
        List.of("x", "w"),
        GradientCheckTest::f,
        args -> gradient(args, wrongIndex, wrongBy));
  }

  @Test
  void theRightGradientHasATinyError() {
    GradientReport report = GradientCheck.check(function(-1, 0), 0.7, W);
    assertEquals(4, report.componentsChecked());
    assertTrue(report.maxRelativeError() < 1e-9, report.toString());
    assertSame(report, report.assertBelow(1e-9));
  }

  @Test
  void aWrongComponentIsNamedWithBothValues() {
    GradientReport report = GradientCheck.check(function(2, 0.01), 0.7, W);
    assertEquals("w[2]", report.worstComponent());
    assertEquals(2 * 0.7 * 0.5 + 0.01, report.generated(), 1e-15);
    assertEquals(2 * 0.7 * 0.5, report.numeric(), 1e-8);
    assertEquals(0.01 / 0.71, report.maxRelativeError(), 1e-7);
    AssertionError e = assertThrows(AssertionError.class, () -> report.assertBelow(1e-6));
    assertTrue(e.getMessage().contains("Test.f: max error 0.014 over 4 gradient components"));
    assertTrue(e.getMessage().contains("worst w[2]: generated 0.71, numeric 0.7"), e.getMessage());
  }

  @Test
  void aWrongScalarComponentIsNamedByTheParameter() {
    DifferentiableFunction wrongX =
        new HandWritten(
            "Test.g",
            List.of("x", "w"),
            List.of("x", "w"),
            GradientCheckTest::f,
            args -> Map.of("x", -1.0, "w", new double[] {1.4, -2.8, 0.7}));
    GradientReport report = GradientCheck.check(wrongX, 0.7, W);
    assertEquals("x", report.worstComponent());
    assertTrue(report.maxRelativeError() > 1, report.toString());
  }

  @Test
  void theCallersArraysAreUnchangedAndEveryCallStartsFromThem() {
    // Both the plain function and its gradient scribble over w once they have read it.
    DifferentiableFunction vandal =
        new HandWritten(
            "Test.vandal",
            List.of("x", "w"),
            List.of("x", "w"),
            args -> {
              double value = f(args);
              Arrays.fill((double[]) args[1], 100);
              return value;
            },
            args -> {
              Map<String, Object> gradient = gradient(args, -1, 0);
              Arrays.fill((double[]) args[1], -100);
              return gradient;
            });
    double[] w = W.clone();
    GradientReport report = GradientCheck.check(vandal, 0.7, w);
    assertArrayEquals(W, w);
    assertTrue(report.maxRelativeError() < 1e-9, report.toString());
  }

  @Test
  void theStepScalesWithLargeComponentsButNotBelowOne() {
    DifferentiableFunction cube =
        new HandWritten(
            "Test.cube",
            List.of("x"),
            List.of("x"),
            args -> Math.pow((Double) args[0], 3),
            args -> Map.of("x", 3 * (Double) args[0] * (Double) args[0]));
    // A central difference of x^3 gives 3x^2 + h^2, so the error shows which h was used.
    GradientCheck.Options coarse = GradientCheck.options().step(1e-2);
    double large = coarse.check(cube, 1000.0).maxRelativeError();
    assertEquals(1e-4 / 3, large, 1e-8, "h should be 1e-2 * 1000");
    double small = coarse.check(cube, 0.5).maxRelativeError();
    assertEquals(1e-4 / 0.7501, small, 1e-8, "h should be 1e-2, not 1e-2 * 0.5");
  }

  @Test
  void dividesByTheDistanceBetweenTheRoundedPoints() {
    // With h = 1e-15, 1 + h and 1 - h round by about 10% of h; dividing by 2h would show it.
    DifferentiableFunction identity =
        new HandWritten(
            "Test.identity",
            List.of("x"),
            List.of("x"),
            args -> (Double) args[0],
            args -> Map.of("x", 1.0));
    GradientReport report = GradientCheck.options().step(1e-15).check(identity, 1.0);
    assertEquals(0, report.maxRelativeError(), report.toString());
  }

  @Test
  void theDefaultStepIsTheCubeRootOfEpsilon() {
    assertEquals(6.055e-6, GradientCheck.DEFAULT_STEP, 1e-9);
    assertEquals(GradientCheck.DEFAULT_STEP, GradientCheck.options().step);
  }

  @Test
  void nearZeroTheErrorIsAbsolute() {
    // d/dx x^3 = 0 at 0, and the central difference gives h^2, about 3.7e-11.
    DifferentiableFunction cube =
        new HandWritten(
            "Test.cube",
            List.of("x"),
            List.of("x"),
            args -> Math.pow((Double) args[0], 3),
            args -> Map.of("x", 0.0));
    double h = GradientCheck.DEFAULT_STEP;
    assertEquals(h * h, GradientCheck.check(cube, 0.0).maxRelativeError(), 1e-15);
    double relative = GradientCheck.options().absoluteBelow(0).check(cube, 0.0).maxRelativeError();
    assertEquals(1.0, relative, 1e-12);
  }

  @Test
  void aNanGradientIsAnInfiniteError() {
    GradientReport report = GradientCheck.check(function(1, Double.NaN), 0.7, W);
    assertEquals(Double.POSITIVE_INFINITY, report.maxRelativeError());
    assertEquals("w[1]", report.worstComponent());
    assertTrue(report.toString().contains("error Infinity"), report.toString());
    assertThrows(AssertionError.class, () -> report.assertBelow(Double.MAX_VALUE));
  }

  @Test
  void aNanValueIsAnInfiniteError() {
    DifferentiableFunction root =
        new HandWritten(
            "Test.root",
            List.of("x"),
            List.of("x"),
            args -> Math.sqrt((Double) args[0]),
            args -> Map.of("x", 1e9));
    assertEquals(
        Double.POSITIVE_INFINITY, GradientCheck.check(root, 0.0).maxRelativeError());
  }
}
