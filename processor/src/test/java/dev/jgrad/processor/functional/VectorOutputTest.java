package dev.jgrad.processor.functional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.jgrad.processor.testing.Compiled;
import dev.jgrad.processor.testing.InMemory;
import dev.jgrad.runtime.GradientCheck;
import dev.jgrad.runtime.Jacobians;
import dev.jgrad.runtime.VectorFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Array-valued methods: vector-Jacobian products, never Jacobians, and calls between them. */
class VectorOutputTest {
  private static Compiled compiled;

  @BeforeAll
  static void compile() {
    compiled = InMemory.compile(InMemory.source("vec.V", """
        package vec;

        import dev.jgrad.Differentiable;

        public final class V {
          @Differentiable
          public static double[] polar(double r, double theta) {
            return new double[] {r * Math.cos(theta), r * Math.sin(theta)};
          }

          @Differentiable
          public static double[][] outer(double[] a, double[] b) {
            double[][] m = new double[a.length][b.length];
            for (int i = 0; i < a.length; i++) {
              for (int j = 0; j < b.length; j++) {
                m[i][j] = a[i] * b[j];
              }
            }
            m[0][0] *= m[0][0];
            return m;
          }

          @Differentiable
          public static double chained(double r, double theta, double[] b) {
            double[] p = polar(r, theta);
            double[][] m = outer(p, b);
            double s = 0.0;
            for (double[] row : m) {
              for (double x : row) {
                s += Math.tanh(x);
              }
            }
            return s;
          }
        }
        """));
  }

  @Test
  void polarJacobianIsTheTextbookOne() {
    VectorFunction f = (VectorFunction) fn("polar");
    double r = 1.7;
    double t = 0.6;
    double[][] j = Jacobians.of(f, "r", r, t);
    assertArrayEquals(new double[] {Math.cos(t)}, j[0], 1e-15);
    assertArrayEquals(new double[] {Math.sin(t)}, j[1], 1e-15);
    double[][] jt = Jacobians.of(f, "theta", r, t);
    assertArrayEquals(new double[] {-r * Math.sin(t)}, jt[0], 1e-15);
    assertArrayEquals(new double[] {r * Math.cos(t)}, jt[1], 1e-15);
  }

  @Test
  void productsAgreeWithFiniteDifferencesAlongSeveralUpstreams() {
    VectorFunction outer = (VectorFunction) fn("outer");
    double[] a = {0.5, -1.25, 2.0};
    double[] b = {1.5, 0.25};
    double[][][] ups = {{{1, 0}, {0, 0}, {0, 0}}, {{0.3, -0.7}, {1.1, 0.2}, {-0.4, 0.9}}};
    for (double[][] up : ups) {
      GradientCheck.check(outer.along(up), a, b).assertBelow(1e-8);
    }
    GradientCheck.check(((VectorFunction) fn("polar")).along(new double[] {0.4, -1.3}), 1.2, 0.3)
        .assertBelow(1e-8);
  }

  @Test
  void callsPassTheReturnedArraysGradientAsUpstream() {
    for (double theta : new double[] {0.3, 1.1, -2.0}) {
      GradientCheck.check(compiled.method("vec.V", "chained").function(), 0.8, theta,
          new double[] {0.5, -0.75, 1.25}).assertBelow(1e-8);
    }
  }

  private static Object fn(String method) {
    try {
      return compiled.loadClass("vec.VGrad").getMethod(method + "Function").invoke(null);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }
}
