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
 * A loop counter that ends at start + trips is set by the loop's reverse from the trip count,
 * instead of being saved where the loop starts again; the start's variables are then restored
 * for it, even when they change after the loop.
 */
class CountersTest {
  private static final String SOURCE = """
      package co;

      import dev.jgrad.Differentiable;

      public final class K {
        // Row starts after col: the triangle of a packed lower matrix, as in gmm.
        @Differentiable
        public static double triangle(double[] q, double[] v) {
          int d = v.length;
          double s = 0.0;
          for (int rep = 0; rep < 2; rep++) {
            int at = 0;
            for (int col = 0; col < d; col++) {
              for (int row = col + 1; row < d; row++) {
                s += q[at] * v[col] * v[row] * (rep + 1);
                at++;
              }
            }
          }
          return s;
        }

        // The start moves after each run of the inner loop, and the loop counts down.
        @Differentiable
        public static double moving(double[] x, int n) {
          double s = 0.0;
          int m = 0;
          for (int r = 0; r < n; r++) {
            for (int j = m + 2; j > m; j--) {
              s += x[j % x.length] * x[(j + r) % x.length];
            }
            m = m + 1;
          }
          return s;
        }

        // The start is overwritten after the loop by a step that cannot be undone: saved.
        @Differentiable
        public static double hopping(double[] x, int n) {
          double s = 0.0;
          int m = 1;
          for (int r = 0; r < n; r++) {
            for (int j = m; j < m + 2; j++) {
              s += x[j % x.length] * x[r % x.length] * (r + 1);
            }
            m = (m * 3 + r) % 4;
          }
          return s;
        }

        // A break guards the step: the counter is saved as before.
        @Differentiable
        public static double stopping(double[] x, double limit) {
          double s = 0.0;
          for (int r = 0; r < 3; r++) {
            for (int j = 0; j < x.length; j++) {
              if (s > limit) {
                break;
              }
              s += x[j] * x[j] * (r + 1);
            }
          }
          return s;
        }
      }
      """;

  @Test
  void aCounterThatStartsAfterAnotherIsSetFromTheTripCount() {
    Compiled c = InMemory.compile(InMemory.source("co.K", SOURCE));
    String triangle = c.generatedMethod("co.KGrad", "double trianglePullback(");
    assertTrue(triangle.contains("row = (col + 1) + trips"), triangle);
    assertFalse(triangle.matches("(?s).*(push\\(row\\)|intTop\\+\\+, row\\)|\\] = row;).*"),
        triangle);
    Differentiated f = c.method("co.K", "triangle");
    double[] q = {0.5, -1.0, 2.0};
    double[] v = {0.3, -0.7, 1.1};
    // s = 3 (q0 v0 v1 + q1 v0 v2 + q2 v1 v2).
    Gradient g = f.gradient(q, v);
    assertEquals(3 * (q[0] * v[0] * v[1] + q[1] * v[0] * v[2] + q[2] * v[1] * v[2]), g.value(),
        1e-12);
    assertArrayEquals(new double[] {3 * v[0] * v[1], 3 * v[0] * v[2], 3 * v[1] * v[2]},
        (double[]) g.gradient("q"), 1e-12);
    assertArrayEquals(new double[] {3 * (q[0] * v[1] + q[1] * v[2]),
        3 * (q[0] * v[0] + q[2] * v[2]), 3 * (q[1] * v[0] + q[2] * v[1])},
        (double[]) g.gradient("v"), 1e-12);
    Check.agrees(f, 1e-8, q, v);
  }

  @Test
  void aStartThatMovesAfterTheLoopIsRestoredForIt() {
    Compiled c = InMemory.compile(InMemory.source("co.K", SOURCE));
    String moving = c.generatedMethod("co.KGrad", "double movingPullback(");
    assertTrue(moving.contains("j = (m + 2) - trips"), moving);
    Differentiated f = c.method("co.K", "moving");
    double[] x = {0.4, -0.9, 1.3, 0.2, -0.6};
    int n = 4;
    double value = 0;
    double[] grad = new double[5];
    for (int r = 0; r < n; r++) {
      for (int j = r + 2; j > r; j--) {
        int a = j % 5;
        int b = (j + r) % 5;
        value += x[a] * x[b];
        grad[a] += x[b];
        grad[b] += x[a];
      }
    }
    Gradient g = f.gradient(x, n);
    assertEquals(value, g.value(), 1e-12);
    assertArrayEquals(grad, (double[]) g.gradient("x"), 1e-12);
    Check.agrees(f, 1e-8, x, n);
  }

  @Test
  void aBreakKeepsTheCounterSaved() {
    Compiled c = InMemory.compile(InMemory.source("co.K", SOURCE));
    String stopping = c.generatedMethod("co.KGrad", "double stoppingPullback(");
    assertFalse(stopping.contains("j = trips"), stopping);
    Differentiated f = c.method("co.K", "stopping");
    double[] x = {0.5, -1.0, 2.0};
    double limit = 7.0;
    // Sums x_j^2 (r + 1) until the sum passes 7: 0.25, 1.25, 5.25, then 5.75, 7.75 (stop).
    Gradient g = f.gradient(x, limit);
    assertEquals(7.75, g.value(), 1e-12);
    assertArrayEquals(new double[] {2 * x[0] * 3, 2 * x[1] * 3, 2 * x[2]},
        (double[]) g.gradient("x"), 1e-12);
    Check.agrees(f, 1e-8, x, limit);
  }

  @Test
  void aStartOverwrittenAfterTheLoopIsSavedForIt() {
    Compiled c = InMemory.compile(InMemory.source("co.K", SOURCE));
    Differentiated f = c.method("co.K", "hopping");
    double[] x = {0.4, -0.9, 1.3, 0.2, -0.6};
    int n = 5;
    double value = 0;
    double[] grad = new double[5];
    int m = 1;
    for (int r = 0; r < n; r++) {
      for (int j = m; j < m + 2; j++) {
        int a = j % 5;
        int b = r % 5;
        value += x[a] * x[b] * (r + 1);
        grad[a] += x[b] * (r + 1);
        grad[b] += x[a] * (r + 1);
      }
      m = (m * 3 + r) % 4;
    }
    Gradient g = f.gradient(x, n);
    assertEquals(value, g.value(), 1e-12);
    assertArrayEquals(grad, (double[]) g.gradient("x"), 1e-12);
    Check.agrees(f, 1e-8, x, n);
  }
}
