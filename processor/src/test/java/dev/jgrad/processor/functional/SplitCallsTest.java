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
    String stepReverse = text.substring(text.indexOf("static void stepReverse("));
    stepReverse = stepReverse.substring(0, stepReverse.indexOf("\n    }\n"));
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
}
