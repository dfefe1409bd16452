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
 * A branch whose condition reads only values the reverse sweep sees unchanged (parameters never
 * assigned, locals assigned once outside loops, counters the reverse walks back) is tested
 * again in reverse instead of recorded; any other is recorded.
 */
class DecisionsTest {
  private static final String SOURCE = """
      package de;

      import dev.jgrad.Differentiable;

      public final class D {
        @Differentiable(wrt = "a")
        public static double det(double[] a, int n) {
          return minor(a, n, 0, 0);
        }

        // Expansion by minors: both decisions are on parameters and the column counter.
        @Differentiable(wrt = "a")
        static double minor(double[] a, int n, int row, int used) {
          if (row == n) {
            return 1.0;
          }
          double sum = 0.0;
          double sign = 1.0;
          for (int c = 0; c < n; c++) {
            if ((used & (1 << c)) != 0) {
              continue;
            }
            sum += sign * a[row * n + c] * minor(a, n, row + 1, used | (1 << c));
            sign = -sign;
          }
          return sum;
        }

        // half is assigned once, outside the loop; i is the loop's counter.
        @Differentiable(wrt = "x")
        public static double halves(double[] x, int n) {
          int half = n / 2;
          double s = 0.0;
          for (int i = 0; i < n; i++) {
            if (i < half) {
              s += x[i % x.length] * x[i % x.length];
            } else {
              s += Math.sin(x[i % x.length]);
            }
          }
          return s;
        }

        // k moves after the test and nothing restores it: the decision must be recorded.
        @Differentiable(wrt = "x")
        public static double drifting(double[] x, int n) {
          double s = 0.0;
          int k = 0;
          for (int i = 0; i < n; i++) {
            if (k % 2 == 0) {
              s += x[i % x.length] * x[i % x.length];
            } else {
              s += 3.0 * x[i % x.length];
            }
            k = k + (i % 3 == 0 ? 1 : 2);
          }
          return s;
        }
      }
      """;

  @Test
  void aDeterminantTestsItsDecisionsAgain() {
    Compiled c = InMemory.compile(InMemory.source("de.D", SOURCE));
    String reverse = c.generatedMethod("de.DGrad", "void minorReverse(");
    assertFalse(reverse.contains("branch"), reverse);
    assertTrue(reverse.contains("if (row == n)"), reverse);
    Differentiated f = c.method("de.D", "det");
    double[] a = {2.0, -1.0, 0.5, 1.5, 3.0, -2.0, 0.25, 1.0, 4.0};
    // det and its gradient, the cofactor matrix.
    double det = a[0] * (a[4] * a[8] - a[5] * a[7]) - a[1] * (a[3] * a[8] - a[5] * a[6])
        + a[2] * (a[3] * a[7] - a[4] * a[6]);
    double[] cofactors = {
        a[4] * a[8] - a[5] * a[7], -(a[3] * a[8] - a[5] * a[6]), a[3] * a[7] - a[4] * a[6],
        -(a[1] * a[8] - a[2] * a[7]), a[0] * a[8] - a[2] * a[6], -(a[0] * a[7] - a[1] * a[6]),
        a[1] * a[5] - a[2] * a[4], -(a[0] * a[5] - a[2] * a[3]), a[0] * a[4] - a[1] * a[3]};
    Gradient g = f.gradient(a, 3);
    assertEquals(det, g.value(), 1e-12);
    assertArrayEquals(cofactors, (double[]) g.gradient("a"), 1e-12);
    Check.agrees(f, 1e-8, a, 3);
  }

  @Test
  void aLocalAssignedOnceAndTheCounterAreTestedAgain() {
    Compiled c = InMemory.compile(InMemory.source("de.D", SOURCE));
    String halves = c.generatedMethod("de.DGrad", "double halvesPullback(");
    assertFalse(halves.contains("ints[--intTop] != 0") || halves.contains("branchTape"), halves);
    Differentiated f = c.method("de.D", "halves");
    double[] x = {0.4, -0.9, 1.3};
    int n = 7;
    double value = 0;
    double[] grad = new double[3];
    for (int i = 0; i < n; i++) {
      double v = x[i % 3];
      value += i < 3 ? v * v : Math.sin(v);
      grad[i % 3] += i < 3 ? 2 * v : Math.cos(v);
    }
    Gradient g = f.gradient(x, n);
    assertEquals(value, g.value(), 1e-12);
    assertArrayEquals(grad, (double[]) g.gradient("x"), 1e-12);
    Check.agrees(f, 1e-8, x, n);
  }

  @Test
  void aConditionOnAValueThatMovesIsRecorded() {
    Compiled c = InMemory.compile(InMemory.source("de.D", SOURCE));
    Differentiated f = c.method("de.D", "drifting");
    double[] x = {0.4, -0.9, 1.3};
    int n = 8;
    double value = 0;
    double[] grad = new double[3];
    int k = 0;
    for (int i = 0; i < n; i++) {
      double v = x[i % 3];
      value += k % 2 == 0 ? v * v : 3 * v;
      grad[i % 3] += k % 2 == 0 ? 2 * v : 3;
      k += i % 3 == 0 ? 1 : 2;
    }
    Gradient g = f.gradient(x, n);
    assertEquals(value, g.value(), 1e-12);
    assertArrayEquals(grad, (double[]) g.gradient("x"), 1e-12);
    Check.agrees(f, 1e-8, x, n);
  }
}
