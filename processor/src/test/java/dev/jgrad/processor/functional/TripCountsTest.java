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
 * A loop that stops on its counter's test alone, with a start and an end the reverse sweep sees
 * unchanged, has its trip count computed again in reverse rather than counted and recorded; one
 * whose end moves after it records it.
 */
class TripCountsTest {
  private static final String SOURCE = """
      package tc;

      import dev.jgrad.Differentiable;

      public final class T {
        // Counts down to lo inclusive, from an expression of parameters; may run 0 times.
        @Differentiable(wrt = "x")
        public static double down(double[] x, int n, int lo) {
          double s = 0.0;
          for (int r = 0; r < 3; r++) {
            for (int j = n - 1; j >= lo; j--) {
              s += x[j % x.length] * x[(j + r) % x.length];
            }
          }
          return s;
        }

        // The end m moves after each run of the inner loop: the count is recorded.
        @Differentiable(wrt = "x")
        public static double moving(double[] x, int n) {
          double s = 0.0;
          int m = 2;
          for (int r = 0; r < n; r++) {
            for (int j = 0; j < m; j++) {
              s += x[j % x.length] * x[r % x.length] * (r + 1);
            }
            m = (m * 3 + r) % 4 + 1;
          }
          return s;
        }
      }
      """;

  @Test
  void aCountDownToAParameterIsComputedAgain() {
    Compiled c = InMemory.compile(InMemory.source("tc.T", SOURCE));
    String down = c.generatedMethod("tc.TGrad", "double downPullback(");
    assertTrue(down.contains("Math.max(0, (long) (n - 1) - lo + 1)"), down);
    assertFalse(down.contains("trips++"), down);
    Differentiated f = c.method("tc.T", "down");
    double[] x = {0.4, -0.9, 1.3, 0.2};
    for (int[] nl : new int[][] {{6, 1}, {3, 3}, {2, 5}}) {
      int n = nl[0];
      int lo = nl[1];
      double value = 0;
      double[] grad = new double[4];
      for (int r = 0; r < 3; r++) {
        for (int j = n - 1; j >= lo; j--) {
          int a = j % 4;
          int b = (j + r) % 4;
          value += x[a] * x[b];
          grad[a] += x[b];
          grad[b] += x[a];
        }
      }
      Gradient g = f.gradient(x, n, lo);
      assertEquals(value, g.value(), 1e-12);
      assertArrayEquals(grad, (double[]) g.gradient("x"), 1e-12);
      Check.agrees(f, 1e-8, x, n, lo);
    }
  }

  @Test
  void anEndThatMovesAfterTheLoopIsRecorded() {
    Compiled c = InMemory.compile(InMemory.source("tc.T", SOURCE));
    Differentiated f = c.method("tc.T", "moving");
    double[] x = {0.4, -0.9, 1.3, 0.2, -0.6};
    int n = 6;
    double value = 0;
    double[] grad = new double[5];
    int m = 2;
    for (int r = 0; r < n; r++) {
      for (int j = 0; j < m; j++) {
        int a = j % 5;
        int b = r % 5;
        value += x[a] * x[b] * (r + 1);
        grad[a] += x[b] * (r + 1);
        grad[b] += x[a] * (r + 1);
      }
      m = (m * 3 + r) % 4 + 1;
    }
    Gradient g = f.gradient(x, n);
    assertEquals(value, g.value(), 1e-12);
    assertArrayEquals(grad, (double[]) g.gradient("x"), 1e-12);
    Check.agrees(f, 1e-8, x, n);
  }
}
