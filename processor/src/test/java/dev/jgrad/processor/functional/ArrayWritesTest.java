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
 * Which arrays a method writes, seen through its calls: a method that only passes an array on to
 * methods that read it writes nothing (no copies, no adjoint form), while one that passes it,
 * directly or through a local alias, to a method that writes it does write it.
 */
class ArrayWritesTest {
  private static final String SOURCE = """
      package aw;

      import dev.jgrad.Differentiable;

      public final class W {
        // Recursive and read-only: expansion by minors of a 3 x 3 matrix stored by rows.
        @Differentiable(wrt = "a")
        public static double minor(double[] a, int n, int row, int used) {
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

        @Differentiable
        static double scale(double[] v, double s) {
          for (int i = 0; i < v.length; i++) {
            v[i] *= s;
          }
          return v[0];
        }

        // Writes m's rows through a local alias and a callee: a write two steps away.
        @Differentiable
        public static double throughAlias(double[][] m, double s) {
          double[] row = m[1];
          double first = scale(row, s);
          return first + m[1][1] * m[0][0];
        }

        // Reads a row through a local alias only.
        @Differentiable
        public static double readsAlias(double[][] m) {
          double[] row = m[1];
          return row[0] * m[0][1];
        }
      }
      """;

  @Test
  void aRecursiveReaderIsNotAWriter() {
    Compiled c = InMemory.compile(InMemory.source("aw.W", SOURCE));
    String text = c.generatedSource("aw.WGrad");
    assertFalse(text.contains("minorAdjoint"), "minor never writes a: no adjoint form");
    String pullback = c.generatedMethod("aw.WGrad", "double minorPullback(");
    assertFalse(pullback.contains(".clone()"), "nothing to copy around the recursive call");
    Differentiated minor = c.method("aw.W", "minor");
    double[] a = {2, -1, 0.5, 1, 3, -2, 0.25, 4, 1};
    // det = 2(3 + 8) + 1(1 + 0.5) + 0.5(4 - 0.75) = 25.125; its gradient is the cofactor matrix.
    assertEquals(25.125, minor.value(a, 3, 0, 0), 1e-12);
    double[] cofactors = {11, -1.5, 3.25, 3, 1.875, -8.25, 0.5, 4.5, 7};
    assertArrayEquals(cofactors, (double[]) minor.gradient(a, 3, 0, 0).gradient("a"), 1e-12);
    Check.agrees(minor, 1e-8, a, 3, 0, 0);
  }

  @Test
  void aWriteThroughAnAliasAndACalleeIsSeen() {
    Compiled c = InMemory.compile(InMemory.source("aw.W", SOURCE));
    String text = c.generatedSource("aw.WGrad");
    assertTrue(text.contains("throughAliasAdjoint"), "throughAlias writes m through row");
    assertFalse(text.contains("readsAliasAdjoint"), "readsAlias only reads through row");
    Differentiated f = c.method("aw.W", "throughAlias");
    double[][] m = {{1.5, 2}, {-0.5, 3}};
    // m[1] becomes s * m[1]: f = s * m10 + s * m11 * m00.
    double s = 0.7;
    assertEquals(s * -0.5 + s * 3 * 1.5, f.value(Check.copy(new Object[] {m, s})), 1e-12);
    double[][] dm = (double[][]) f.gradient(m, s).gradient("m");
    assertArrayEquals(new double[] {s * 3, 0}, dm[0], 1e-12);
    assertArrayEquals(new double[] {s, s * 1.5}, dm[1], 1e-12);
    assertEquals(-0.5 + 3 * 1.5, (double) f.gradient(m, s).gradient("s"), 1e-12);
    Check.agrees(f, 1e-8, m, s);
    // readsAlias = m[1][0] * m[0][1].
    Differentiated reads = c.method("aw.W", "readsAlias");
    double[][] r = {{1, 2}, {3, 4}};
    Gradient gr = reads.gradient((Object) r);
    assertEquals(6.0, gr.value(), 0.0);
    double[][] dr = (double[][]) gr.gradient("m");
    assertArrayEquals(new double[] {0, 3}, dr[0], 0.0);
    assertArrayEquals(new double[] {2, 0}, dr[1], 0.0);
    Check.agrees(reads, 1e-8, (Object) r);
  }
}
