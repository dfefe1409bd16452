package dev.jgrad.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How the checker handles matrices, non-differentiable arguments and malformed calls. */
class GradientCheckArgumentsTest {
  /** f(W, k) = k * sum W_ij^3, with k an int constant; dW_ij = 3k W_ij^2. */
  private static DifferentiableFunction cubes(String wrong) {
    return new HandWritten(
        "Test.cubes",
        List.of("W", "k"),
        List.of("W"),
        args -> {
          double sum = 0;
          for (double[] row : (double[][]) args[0]) {
            for (double v : row) {
              sum += v * v * v;
            }
          }
          return (Integer) args[1] * sum;
        },
        args -> {
          double[][] w = (double[][]) args[0];
          double[][] dw = new double[w.length][];
          for (int i = 0; i < w.length; i++) {
            dw[i] = new double[w[i].length];
            for (int j = 0; j < w[i].length; j++) {
              dw[i][j] = 3 * (Integer) args[1] * w[i][j] * w[i][j];
              dw[i][j] += ("W[" + i + "][" + j + "]").equals(wrong) ? 1 : 0;
            }
          }
          return Map.of("W", dw);
        });
  }

  private static final double[][] RAGGED = {{1, 2}, {}, {3, -4, 5}};

  @Test
  void checksEveryElementOfARaggedMatrix() {
    GradientReport report = GradientCheck.check(cubes("none"), RAGGED, 2);
    assertEquals(5, report.componentsChecked());
    assertTrue(report.maxRelativeError() < 1e-9, report.toString());
  }

  @Test
  void namesAWrongMatrixElementByRowAndColumn() {
    GradientReport report = GradientCheck.check(cubes("W[2][1]"), RAGGED, 2);
    assertEquals("W[2][1]", report.worstComponent());
    assertEquals(96 + 1, report.generated());
    assertEquals(1 / 97.0, report.maxRelativeError(), 1e-8);
  }

  @Test
  void aWrongArgumentCountNamesTheMissingParameters() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> GradientCheck.check(cubes("none")));
    assertEquals("Test.cubes takes 2 arguments [W, k] but got 0: missing W, k", e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class, () -> GradientCheck.check(cubes("none"), RAGGED, 2, 3));
    assertTrue(e.getMessage().contains("got 3: 1 more than its parameters"), e.getMessage());
  }

  @Test
  void aDifferentiableArgumentOfTheWrongTypeIsNamed() {
    // The interface does not tell a double[] parameter from a double[][] one, so only values that
    // fit no differentiable type can be caught before the function itself fails on them.
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> GradientCheck.check(cubes("none"), 1, 2));
    assertEquals(
        "argument W is differentiable, so it must be a Double, double[] or double[][],"
            + " not Integer 1",
        e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> GradientCheck.check(cubes("none"), new double[][] {{1}, null}, 2));
    assertEquals("argument W[1] is null", e.getMessage());
  }

  @Test
  void aGradientOfTheWrongShapeIsNamed() {
    DifferentiableFunction shortGradient =
        new HandWritten(
            "Test.short",
            List.of("W"),
            List.of("W"),
            args -> 0,
            args -> Map.of("W", new double[][] {{0, 0}, {0}}));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> GradientCheck.check(shortGradient, (Object) new double[][] {{1, 2}, {3, 4}}));
    assertEquals(
        "the gradient for W must have the argument's shape, a double[2][2], but is a double[2][]"
            + " with ragged rows",
        e.getMessage());
  }

  @Test
  void aWrtNameThatIsNotAParameterIsReported() {
    DifferentiableFunction confused =
        new HandWritten("Test.confused", List.of("x"), List.of("y"), args -> 0, args -> Map.of());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> GradientCheck.check(confused, 1.0));
    assertTrue(e.getMessage().contains("with respect to y, not among [x]"), e.getMessage());
  }

  @Test
  void aCheckOfNothingDoesNotPass() {
    GradientReport report = GradientCheck.check(cubes("none"), new double[0][], 2);
    assertEquals(0, report.componentsChecked());
    assertEquals("Test.cubes: no gradient component to check", report.toString());
    AssertionError e = assertThrows(AssertionError.class, () -> report.assertBelow(1));
    assertTrue(e.getMessage().contains("proves nothing"));
  }

  @Test
  void compareChecksAHandComputedGradient() {
    double[] x = {0.1, 1.2, -2.0};
    double[] cos = {Math.cos(0.1), Math.cos(1.2), Math.cos(-2.0)};
    GradientReport right =
        GradientCheck.compare("sines", cos, GradientCheckArgumentsTest::sines, x);
    assertEquals(3, right.componentsChecked());
    assertTrue(right.maxRelativeError() < 1e-9, right.toString());

    double[] wrong = {cos[0], -cos[1], cos[2]};
    GradientReport report =
        GradientCheck.compare("sines", wrong, GradientCheckArgumentsTest::sines, x);
    assertEquals("x[1]", report.worstComponent());
    assertEquals(2.0, report.maxRelativeError(), 1e-9);
  }

  @Test
  void compareRejectsAGradientOfAnotherLength() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                GradientCheck.compare(
                    "sines", new double[2], GradientCheckArgumentsTest::sines, new double[3]));
    assertTrue(e.getMessage().startsWith("the gradient for x must have"), e.getMessage());
  }

  private static double sines(double[] x) {
    double sum = 0;
    for (double v : x) {
      sum += Math.sin(v);
    }
    return sum;
  }
}
