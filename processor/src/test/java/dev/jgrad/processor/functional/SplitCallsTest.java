package dev.jgrad.processor.functional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgrad.processor.testing.Compiled;
import dev.jgrad.processor.testing.Differentiated;
import dev.jgrad.processor.testing.InMemory;
import dev.jgrad.runtime.Gradient;
import org.junit.jupiter.api.Test;

/**
 * Calls through the split pair: the callee's forward sweep runs inside the caller's and leaves its
 * tape under the caller's later saves; its reverse sweep runs when the caller's reverse sweep
 * reaches the call. The hard orderings: a result the call's own arguments read (its old value is
 * saved above the callee's tape), calls in loops and branches, a callee that calls another.
 */
class SplitCallsTest {
  private static final String SOURCE = """
      package sp;

      import dev.jgrad.Differentiable;

      public final class S {
        @Differentiable
        static double sq(double v) {
          return v * v;
        }

        @Differentiable
        static double step(double v, double[] w, int i) {
          double e = Math.exp(w[i] * v);
          return e / (1.0 + e) + 0.1 * sq(v);
        }

        // Copies numbers out of its array (max = x[i]): no alias of x, so it can be split too.
        @Differentiable
        static double largest(double[] x) {
          double max = x[0];
          for (int i = 1; i < x.length; i++) {
            if (x[i] > max) {
              max = x[i];
            }
          }
          return max;
        }

        @Differentiable
        public static double chain(double x, double[] w, int n) {
          double t = x;
          for (int i = 0; i < n; i++) {
            t = step(t, w, i % w.length);
            if (t > 0.6) {
              t = sq(t) - 0.3;
            }
          }
          return t + sq(w[0]) + 0.0 * largest(w);
        }
      }
      """;

  @Test
  void onlyCalledMethodsGetTheSplitPair() {
    Compiled c = InMemory.compile(InMemory.source("sp.S", SOURCE));
    String text = c.generatedSource("sp.SGrad");
    assertTrue(text.contains("static double sqForward(double v, Workspace workspace)"), text);
    assertTrue(text.contains("static void stepReverse("), text);
    assertFalse(text.contains("chainForward"), "nothing calls chain: one pullback, as before");
    assertTrue(text.contains("static double largestForward("), text);
    String stepReverse = c.generatedMethod("sp.SGrad", "static void stepReverse(");
    assertFalse(stepReverse.lines().anyMatch(l -> !l.strip().startsWith("//")
        && l.contains("Math.exp")), "exp is kept from the forward sweep: " + stepReverse);
    assertTrue(text.contains("SGrad.stepForward(t, w, i % w.length, workspace)"), text);
  }

  @Test
  void oneStepAgreesWithTheClosedForm() {
    Compiled c = InMemory.compile(InMemory.source("sp.S", SOURCE));
    Differentiated chain = c.method("sp.S", "chain");
    double x = 0.3;
    double[] w = {0.5, -1.2, 2.0};
    double s = 1.0 / (1.0 + Math.exp(-w[0] * x));
    // One step stays below 0.6: chain = sigmoid(w0 x) + 0.1 x^2 + w0^2.
    assertEquals(s + 0.1 * x * x + w[0] * w[0], chain.value(x, w.clone(), 1), 1e-15);
    Gradient g = chain.gradient(x, w.clone(), 1);
    assertEquals(w[0] * s * (1 - s) + 0.2 * x, (double) g.gradient("x"), 1e-15);
    assertArrayEquals(new double[] {x * s * (1 - s) + 2 * w[0], 0, 0},
        (double[]) g.gradient("w"), 1e-15);
  }

  @Test
  void longChainsAgreeWithFiniteDifferences() {
    Compiled c = InMemory.compile(InMemory.source("sp.S", SOURCE));
    Differentiated chain = c.method("sp.S", "chain");
    // Each step shrinks the gradient (sigmoid' <= 1/4), so chains stay short enough for the
    // gradient to stand well above the differences' rounding.
    for (int n = 0; n < 6; n++) {
      Check.agrees(chain, 1e-7, 0.3, new double[] {0.5, -1.2, 2.0}, n);
      Check.agrees(chain, 1e-7, 0.9, new double[] {2.5, 3.1, -2.4}, n);
    }
    Check.agrees(c.method("sp.S", "step"), 1e-8, 0.4, new double[] {0.5, -1.2}, 1);
  }

  private static final String HARDER = """
      package sp;

      import dev.jgrad.Differentiable;

      public final class H {
        @Differentiable
        static double g(double[] v) {
          return v[0] * v[1];
        }

        // The caller overwrites a[0] between two calls that read it.
        @Differentiable
        public static double rewrite(double[] a) {
          double s = g(a);
          a[0] = a[0] * 3;
          s += g(a);
          return s;
        }

        // A local array filled and read back: its reference crosses to the reverse method.
        @Differentiable
        static double local(double x) {
          double[] t = new double[3];
          for (int i = 0; i < 3; i++) {
            t[i] = x * i;
          }
          return t[2] * t[1];
        }

        // An int parameter reassigned, an early return from a loop, and recursion.
        @Differentiable
        static double power(double x, int n) {
          double p = 1.0;
          while (n > 0) {
            if (n == 1) {
              return p * x;
            }
            p *= x;
            n = n - 1;
          }
          return p;
        }

        @Differentiable
        static double nested(double x, int depth) {
          if (depth == 0) {
            return local(x);
          }
          return power(nested(x, depth - 1), 2) + 0.5 * x;
        }

        @Differentiable
        public static double all(double x, double[] a) {
          double s = 0.0;
          for (int k = 0; k < 2; k++) {
            s += local(x) * power(a[k], k + 2);
          }
          return s + rewrite(a) + nested(0.5 * x, 2);
        }
      }
      """;

  @Test
  void callsAroundOverwritesLocalsEarlyReturnsAndRecursion() {
    Compiled c = InMemory.compile(InMemory.source("sp.H", HARDER));
    String text = c.generatedSource("sp.HGrad");
    for (String callee : new String[] {"g", "local", "power", "nested"}) {
      assertTrue(text.contains("static double " + callee + "Forward("), callee);
    }
    // rewrite writes its array: called through its adjoint form, not split.
    assertFalse(text.contains("rewriteForward("), text);
    assertTrue(text.contains("HGrad.rewriteAdjoint("), text);
    double[] a = {0.7, -1.3};
    // rewrite = a0 a1 + 3 a0 a1 = 4 a0 a1.
    Differentiated rewrite = c.method("sp.H", "rewrite");
    Gradient g = rewrite.gradient(a.clone());
    assertEquals(4 * a[0] * a[1], g.value(), 1e-14);
    assertArrayEquals(new double[] {4 * a[1], 4 * a[0]}, (double[]) g.gradient("a"), 1e-14);
    Check.agrees(rewrite, 1e-8, (Object) a.clone());
    // local = 2x * x; power(x, n) = x^n.
    Differentiated local = c.method("sp.H", "local");
    Differentiated power = c.method("sp.H", "power");
    assertEquals(4 * 1.5, (double) local.gradient(1.5).gradient("x"), 1e-14);
    assertEquals(3 * 1.2 * 1.2, (double) power.gradient(1.2, 3).gradient("x"), 1e-14);
    Check.agrees(local, 1e-8, 1.5);
    for (int n = 0; n < 5; n++) {
      Check.agrees(power, 1e-8, 1.2, n);
    }
    // nested(x, 1) = 4x^4 + x/2 =: u; nested(x, 2) = u^2 + x/2.
    // all = 2x^2 (a0^2 + a1^3) + 4 a0 a1 + nested(x/2, 2): the sum reads a before rewrite.
    Differentiated nested = c.method("sp.H", "nested");
    Differentiated all = c.method("sp.H", "all");
    for (double x : new double[] {0.3, -0.8, 1.1}) {
      double u = 4 * Math.pow(x, 4) + 0.5 * x;
      double du = 16 * Math.pow(x, 3) + 0.5;
      assertEquals(2 * u * du + 0.5, (double) nested.gradient(x, 2).gradient("x"), 1e-12);
      double h = 0.5 * x;
      double uh = 4 * Math.pow(h, 4) + 0.5 * h;
      double duh = 16 * Math.pow(h, 3) + 0.5;
      Gradient ga = all.gradient(x, a.clone());
      double cubic = a[0] * a[0] + a[1] * a[1] * a[1];
      assertEquals(2 * x * x * cubic + 4 * a[0] * a[1] + uh * uh + 0.5 * h, ga.value(), 1e-12);
      assertEquals(4 * x * cubic + 0.5 * (2 * uh * duh + 0.5), (double) ga.gradient("x"), 1e-12);
      assertArrayEquals(new double[] {4 * x * x * a[0] + 4 * a[1],
          6 * x * x * a[1] * a[1] + 4 * a[0]}, (double[]) ga.gradient("a"), 1e-12);
      Check.agrees(all, 1e-8, x, a.clone());
      Check.agrees(nested, 1e-8, x, 2);
    }
  }

  @Test
  void aForwardSweepThatNeedsABufferFallsBackBehindThePair() {
    // user's lowering holds the row m[k] in a temporary (k++ comes later in the argument list);
    // that temporary's adjoint aliases the caller's buffer, which fForward does not have.
    Compiled c = InMemory.compile(InMemory.source("sp.F", """
        package sp;

        import dev.jgrad.Differentiable;

        public final class F {
          @Differentiable
          static double rowSum(double[] r, int k) {
            return r[0] * r[1] + k;
          }

          @Differentiable
          static double user(double[][] m, int k) {
            return rowSum(m[k], k++) * k;
          }

          @Differentiable
          public static double top(double[][] m) {
            return user(m, 0) + user(m, 1);
          }
        }
        """));
    assertTrue(c.generatedMethod("sp.FGrad", "double userForward(").contains("return F.user("),
        c.generatedSource("sp.FGrad"));
    double[][] m = {{1.5, -2.0}, {0.5, 3.0}};
    // top = (m00 m01) * 1 + (m10 m11 + 1) * 2.
    Differentiated top = c.method("sp.F", "top");
    Gradient g = top.gradient((Object) m);
    assertEquals(1.5 * -2.0 + (0.5 * 3.0 + 1) * 2, g.value(), 1e-14);
    double[][] dm = (double[][]) g.gradient("m");
    assertArrayEquals(new double[] {-2.0, 1.5}, dm[0], 1e-14);
    assertArrayEquals(new double[] {6.0, 1.0}, dm[1], 1e-14);
    Check.agrees(top, 1e-8, (Object) m);
  }
}
