package dev.jgrad.processor;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jgrad.processor.testing.Compiled;
import dev.jgrad.processor.testing.InMemory;
import dev.jgrad.runtime.VectorFunction;
import dev.jgrad.runtime.VectorJacobianProduct;
import org.junit.jupiter.api.Test;

/**
 * Faults of array-valued methods found by the random-program tests, each shrunk to a small
 * program with its value and vector-Jacobian product worked out by hand (see {@link
 * RandomRegressionsTest} for double methods).
 */
class RandomVectorRegressionsTest {
  private static final double TOLERANCE = 1e-14;

  private static VectorFunction compile(String className, String methods) {
    String source = "package rv;\n\n"
        + "import dev.jgrad.Differentiable;\n\n"
        + "final class " + className + " {\n"
        + "  private " + className + "() {}\n\n"
        + methods.strip().indent(2)
        + "}\n";
    Compiled c = InMemory.compile(InMemory.source("rv." + className, source));
    try {
      return (VectorFunction) c.loadClass("rv." + className + "Grad").getMethod("fFunction")
          .invoke(null);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  /**
   * A return inside a branch of an array-valued method. The forward sweep saved the result
   * variable before each return assigned it, the reverse sweep restored it, and fPullback then
   * returned the restored variable: null, the value it had before the return.
   */
  @Test
  void arrayReturnedFromABranch() {
    VectorFunction f = compile("EarlyArrayReturn", """
        @Differentiable
        static double[] f(double x, boolean early) {
          if (early) {
            return new double[] {3 * x};
          }
          return new double[] {x, x * x};
        }
        """);
    VectorJacobianProduct early = f.vjp(new double[] {2.0}, 1.5, true);
    VectorJacobianProduct late = f.vjp(new double[] {2.0, -1.0}, 1.5, false);
    assertAll(
        () -> assertArrayEquals(new double[] {4.5}, (double[]) early.value(), TOLERANCE),
        () -> assertEquals(6.0, (Double) early.gradient("x"), TOLERANCE),
        () -> assertArrayEquals(new double[] {1.5, 2.25}, (double[]) late.value(), TOLERANCE),
        // 2 * 1 - 1 * 2x at x = 1.5.
        () -> assertEquals(-1.0, (Double) late.gradient("x"), TOLERANCE));
  }
}
