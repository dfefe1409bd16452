package dev.jgrad.processor.functional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgrad.processor.testing.Compiled;
import dev.jgrad.processor.testing.Differentiated;
import dev.jgrad.processor.testing.Dual;
import dev.jgrad.processor.testing.InMemory;
import dev.jgrad.runtime.Gradient;
import org.junit.jupiter.api.Test;

/**
 * Loops that call no method push and pop through local cursors on the thread's stacks; loops
 * that call anything keep using {@code push} and {@code pop}, since the callee may use the same
 * stacks. Both kinds nest and interleave on one thread.
 */
class CursorsTest {
  private static final String SOURCE = """
      package cu;

      import dev.jgrad.Differentiable;

      public final class C {
        // Saved doubles, an int saved per row, trip counts and branch records, all in one loop.
        @Differentiable(wrt = "x")
        public static double rows(double[] x, int n) {
          double s = 0.0;
          int j = 0;
          for (int i = 0; i < n; i++) {
            double p = 1.0;
            for (j = 0; j < x.length; j++) {
              if (x[j] > 0) {
                s += p * x[j];
              } else {
                s -= p * x[j] * x[j];
              }
              p *= 0.5 + i;
            }
          }
          return s + j;
        }

        // Called from a loop below: its own loop works through cursors.
        @Differentiable
        public static double inner(double[] x, double w) {
          double q = 0.0;
          for (int j = 0; j < x.length; j++) {
            double t = Math.sin(w * x[j]);
            q += t * t;
          }
          return q;
        }

        // A loop that calls: no cursors, and it records values around the callee's tape.
        @Differentiable
        public static double outer(double[] x, double w) {
          double s = 0.0;
          for (int k = 1; k <= 3; k++) {
            double v = inner(x, w * k);
            s += v * v;
          }
          return s;
        }

        // A helper that runs a generated pullback: it uses the thread's stacks too.
        static double probe(int i) {
          double[] d = new double[1];
          CGrad.innerPullback(new double[] {0.25 * i, 1.0}, 2.0, 1.0, new double[2], d);
          return d[0];
        }

        // Loops that reserve their tape room ahead, between others that cannot (a branch that
        // saves, a bound not known ahead), long enough for the tapes to grow many times.
        @Differentiable(wrt = "x")
        public static double sweep(double[] x, int n) {
          double s = 0.0;
          for (int i = 0; i < n; i++) {
            double u = x[i % x.length];
            double p = u;
            for (int j = 0; j < 3; j++) {
              p = Math.sin(p) * u;
            }
            if (p > 0) {
              s = s * 0.5 + p;
            } else {
              s = s + p * p;
            }
            double q = p;
            for (int j = i % 4; j > 0; j--) {
              q = q * q * 0.5 + u;
            }
            int k = 0;
            while (q > 0.1 && k < 3) {
              q = q * 0.5;
              k++;
            }
            s += q;
          }
          return s;
        }

        // The inner bound is the length of a row, and rows differ in length.
        @Differentiable
        public static double ragged(double[][] m) {
          double s = 0.0;
          for (int c = 0; c < m.length; c++) {
            for (int j = 0; j < m[c].length; j++) {
              s += Math.exp(m[c][j]) * (j + 1);
            }
          }
          return s;
        }

        @Differentiable
        public static double calling(double[] x) {
          double s = 0.0;
          for (int i = 0; i < x.length; i++) {
            double c = probe(i);
            s += c * Math.exp(x[i]) * x[i];
          }
          return s;
        }
      }
      """;

  @Test
  void aLoopThatCallsNothingWorksThroughCursors() {
    Compiled c = InMemory.compile(InMemory.source("cu.C", SOURCE));
    String rows = c.generatedMethod("cu.CGrad", "double rowsPullback(");
    assertTrue(rows.contains("doubleTape.items()"), rows);
    assertFalse(rows.contains(".push("), rows);
    // One decision per iteration, whichever branch records it.
    assertTrue(rows.contains("intTape.reserve(ints, intTop, (long) x.length - j)"), rows);
    Differentiated f = c.method("cu.C", "rows");
    double[] x = {0.5, -1.0, 2.0, -0.25};
    int n = 3;
    // s = sum_i sum_j (0.5 + i)^j g(x_j), g(x) = x for x > 0 and -x^2 otherwise; j ends at 4.
    double value = 4;
    double[] grad = new double[4];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < 4; j++) {
        double p = Math.pow(0.5 + i, j);
        value += x[j] > 0 ? p * x[j] : -p * x[j] * x[j];
        grad[j] += x[j] > 0 ? p : -2 * p * x[j];
      }
    }
    Gradient g = f.gradient(x, n);
    assertEquals(value, g.value(), 1e-12);
    assertArrayEquals(grad, (double[]) g.gradient("x"), 1e-12);
    Check.agrees(f, 1e-8, x, n);
  }

  @Test
  void aCallerLoopInterleavesWithACalleesCursors() {
    Compiled c = InMemory.compile(InMemory.source("cu.C", SOURCE));
    String outer = c.generatedMethod("cu.CGrad", "double outerPullback(");
    assertFalse(outer.contains("items()"), outer);
    assertTrue(c.generatedMethod("cu.CGrad", "void innerReverse(").contains("items()"));
    Differentiated f = c.method("cu.C", "outer");
    double[] x = {0.3, -0.7, 1.1};
    double w = 0.9;
    // s = sum_k q(k w)^2 with q(u) = sum_j sin(u x_j)^2, dq/du_j... by the chain rule:
    // ds/dx_j = sum_k 2 q_k * 2 sin(k w x_j) cos(k w x_j) k w, ds/dw likewise with k x_j.
    double value = 0;
    double[] gx = new double[3];
    double gw = 0;
    for (int k = 1; k <= 3; k++) {
      double q = 0;
      for (double xj : x) {
        q += Math.sin(k * w * xj) * Math.sin(k * w * xj);
      }
      value += q * q;
      for (int j = 0; j < 3; j++) {
        double dq = Math.sin(2 * k * w * x[j]);
        gx[j] += 2 * q * dq * k * w;
        gw += 2 * q * dq * k * x[j];
      }
    }
    Gradient g = f.gradient(x, w);
    assertEquals(value, g.value(), 1e-12);
    assertArrayEquals(gx, (double[]) g.gradient("x"), 1e-12);
    assertEquals(gw, (double) g.gradient("w"), 1e-12);
    Check.agrees(f, 1e-8, x, w);
  }

  @Test
  void aLoopCallingAHelperThatUsesTheStacksKeepsPushAndPop() {
    Compiled c = InMemory.compile(InMemory.source("cu.C", SOURCE));
    String calling = c.generatedMethod("cu.CGrad", "double callingPullback(");
    assertFalse(calling.contains("items()"), calling);
    Differentiated f = c.method("cu.C", "calling");
    double[] x = {0.4, -0.2, 0.8};
    // probe(i) = d inner / dw at x = {i/4, 1}, w = 2: 2 sin(2w u) u summed over u in x.
    double value = 0;
    double[] grad = new double[3];
    for (int i = 0; i < 3; i++) {
      double probe = Math.sin(4 * 0.25 * i) * 0.25 * i + Math.sin(4.0);
      value += probe * Math.exp(x[i]) * x[i];
      grad[i] = probe * Math.exp(x[i]) * (1 + x[i]);
    }
    Gradient g = f.gradient(x);
    assertEquals(value, g.value(), 1e-12);
    assertArrayEquals(grad, (double[]) g.gradient("x"), 1e-12);
    Check.agrees(f, 1e-8, x);
  }

  @Test
  void reservedRoomHoldsInLongLoopsOnAFreshThread() throws Exception {
    Compiled c = InMemory.compile(InMemory.source("cu.C", SOURCE));
    String sweep = c.generatedMethod("cu.CGrad", "double sweepPullback(");
    assertTrue(sweep.contains(".reserve("), sweep);
    assertTrue(sweep.contains(".store("), sweep);
    Differentiated f = c.method("cu.C", "sweep");
    double[] x = {0.3, -0.8, 1.2};
    int n = 5000;
    // A fresh thread's tapes start small: anything stored past the room reserved would fail.
    Gradient[] fresh = new Gradient[1];
    Thread t = new Thread(() -> fresh[0] = f.gradient(x, n));
    t.start();
    t.join();
    assertEquals(f.value(x, n), fresh[0].value(), 0.0);
    Gradient warm = f.gradient(x, n);
    assertArrayEquals((double[]) warm.gradient("x"), (double[]) fresh[0].gradient("x"), 0.0);
    // Exact: the same program over dual numbers.
    double[] want = Dual.valueAndGradient(d -> sweepTwin(d, n), x);
    double[] grad = (double[]) warm.gradient("x");
    for (int k = 0; k < x.length; k++) {
      assertEquals(want[k + 1], grad[k], 1e-12 * Math.max(1, Math.abs(want[k + 1])));
    }
    Check.agrees(f, 1e-6, x, n);
  }

  private static Dual sweepTwin(Dual[] x, int n) {
    Dual s = Dual.c(0.0);
    for (int i = 0; i < n; i++) {
      Dual u = x[i % x.length];
      Dual p = u;
      for (int j = 0; j < 3; j++) {
        p = p.sin().times(u);
      }
      s = p.v() > 0 ? s.times(0.5).plus(p) : s.plus(p.times(p));
      Dual q = p;
      for (int j = i % 4; j > 0; j--) {
        q = q.times(q).times(0.5).plus(u);
      }
      for (int k = 0; q.v() > 0.1 && k < 3; k++) {
        q = q.times(0.5);
      }
      s = s.plus(q);
    }
    return s;
  }

  @Test
  void aRowLengthBoundsALoopAheadOfIt() {
    Compiled c = InMemory.compile(InMemory.source("cu.C", SOURCE));
    String ragged = c.generatedMethod("cu.CGrad", "double raggedPullback(");
    assertTrue(ragged.contains("(long) m[c].length - j)"), ragged);
    Differentiated f = c.method("cu.C", "ragged");
    double[][] m = {{0.1, -0.4, 0.9}, {}, {1.5}, {-2.0, 0.3}};
    // s = sum_c sum_j exp(m_cj) (j + 1), so ds/dm_cj = exp(m_cj) (j + 1).
    double value = 0;
    double[][] grad = new double[4][];
    for (int r = 0; r < 4; r++) {
      grad[r] = new double[m[r].length];
      for (int j = 0; j < m[r].length; j++) {
        value += Math.exp(m[r][j]) * (j + 1);
        grad[r][j] = Math.exp(m[r][j]) * (j + 1);
      }
    }
    Gradient g = f.gradient((Object) m);
    assertEquals(value, g.value(), 1e-12);
    double[][] got = (double[][]) g.gradient("m");
    for (int r = 0; r < 4; r++) {
      assertArrayEquals(grad[r], got[r], 1e-12);
    }
    Check.agrees(f, 1e-8, (Object) m);
  }
}
