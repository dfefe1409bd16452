package dev.jgrad.processor.functional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgrad.processor.testing.Compiled;
import dev.jgrad.processor.testing.Differentiated;
import dev.jgrad.processor.testing.InMemory;
import dev.jgrad.runtime.Gradient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Aliasing between array arguments, and methods that write into their arguments. */
class ArraysTest {
  private static Compiled compiled;

  @BeforeAll
  static void compile() {
    compiled = InMemory.compile(InMemory.source("arr.A", """
        package arr;

        import dev.jgrad.Differentiable;

        public final class A {
          @Differentiable
          public static double dot(double[] a, double[] b) {
            double s = 0.0;
            for (int i = 0; i < a.length; i++) {
              s += a[i] * b[i];
            }
            return s;
          }

          @Differentiable
          public static double rowDot(double[][] m, double[] v) {
            return m[0][0] * v[0] + m[0][1] * v[1];
          }

          @Differentiable
          public static double squareInPlace(double[] a, double k) {
            double s = 0.0;
            for (int i = 0; i < a.length; i++) {
              a[i] = a[i] * a[i] * k;
              s += a[i];
            }
            return s * a[0];
          }
        }
        """));
  }

  @Test
  void theSameArrayForTwoParametersGivesTheGradientOfTheSharedArray() {
    // dot(a, a) = |a|^2: the gradient with respect to the one array is 2a; both components
    // hold it, since they share one buffer.
    double[] a = {1.5, -2.0, 0.5};
    Gradient g = compiled.method("arr.A", "dot").gradient(a, a);
    assertArrayEquals(new double[] {3.0, -4.0, 1.0}, (double[]) g.gradient("a"), 0.0);
    assertTrue(g.gradient("a") == g.gradient("b"));
  }

  @Test
  void thePullbackRefusesSplitBuffersForOneArray() {
    Differentiated f = compiled.method("arr.A", "dot");
    double[] a = {1.5, -2.0, 0.5};
    Throwable e = assertThrows(IllegalArgumentException.class,
        () -> f.pullback(new Object[] {a, a}, 1.0, new double[3], new double[3]));
    assertTrue(e.getMessage().contains("same array"), e.getMessage());
  }

  @Test
  void aConstantArrayPassedTwiceToACalleeGetsOneBuffer() {
    // The caller needs no gradient for a, but the callee differentiates both of its arrays:
    // the caller must hand it one zero buffer for the one array, or its alias check throws.
    Compiled c = InMemory.compile(InMemory.source("arr.Twice", """
        package arr;

        import dev.jgrad.Differentiable;

        public final class Twice {
          @Differentiable
          public static double h(double p, double[] u, double[] v) {
            return p * u[0] * v[1];
          }

          @Differentiable(wrt = "x")
          public static double f(double x, double[] a) {
            return x * h(x, a, a);
          }
        }
        """));
    Differentiated f = c.method("arr.Twice", "f");
    double[] a = {2.0, 3.0};
    // f = x^2 a0 a1: df/dx = 2 x a0 a1.
    assertEquals(2 * 1.5 * 6.0, (Double) f.gradient(1.5, a).gradient("x"), 1e-12);
    Check.agrees(f, 1e-8, 1.5, a);
  }

  @Test
  void aRowPassedAgainAsAVectorIsRefused() {
    double[][] m = {{1.0, 2.0}, {3.0, 4.0}};
    Differentiated f = compiled.method("arr.A", "rowDot");
    Throwable e = assertThrows(RuntimeException.class, () -> f.gradient(m, m[0]));
    Throwable cause = e.getCause() != null ? e.getCause() : e;
    assertTrue(cause.getMessage().contains("row"), cause.toString());
  }

  @Test
  void aMethodThatWritesIntoItsArgumentLeavesItAsItFoundIt() {
    Differentiated f = compiled.method("arr.A", "squareInPlace");
    double[] a = {1.0, -0.5, 2.0};
    double k = 1.5;
    double plain = f.value(a.clone(), k);
    Gradient g = f.gradient(a, k);
    assertArrayEquals(new double[] {1.0, -0.5, 2.0}, a, 0.0);
    assertEquals(plain, g.value(), 0.0);
    // s = k sum a_i^2, value = s * k a_0^2: d/da_0 = k 2a_0 * k a_0^2 + s * 2 k a_0.
    double s = k * (1.0 + 0.25 + 4.0);
    assertEquals(2 * k * k * 1.0 + s * 2 * k, ((double[]) g.gradient("a"))[0], 1e-12);
    Check.agrees(f, 1e-8, new double[] {1.0, -0.5, 2.0}, k);
  }

  @Test
  void aPullbackAddsEvenWhenTheMethodWritesIntoItsArgument() {
    Differentiated f = compiled.method("arr.A", "squareInPlace");
    double[] a = {1.0, -0.5, 2.0};
    double[] da = new double[3];
    double[] dk = new double[1];
    f.pullback(new Object[] {a, 1.5}, 1.0, da, dk);
    double[] once = da.clone();
    f.pullback(new Object[] {a, 1.5}, 1.0, da, dk);
    for (int i = 0; i < 3; i++) {
      assertEquals(2 * once[i], da[i], 1e-12);
    }
  }
}
