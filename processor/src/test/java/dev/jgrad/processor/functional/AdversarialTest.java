package dev.jgrad.processor.functional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgrad.processor.testing.Compiled;
import dev.jgrad.processor.testing.Differentiated;
import dev.jgrad.processor.testing.Dual;
import dev.jgrad.processor.testing.InMemory;
import dev.jgrad.runtime.Gradient;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Adversarial programs for the split pair, array writes through calls, flow-sensitive saves,
 * kept Math intermediates, negation undone by negation and continue-only loops.
 *
 * <p>Tests named {@code bug...} are faults found while writing this file, now fixed; each says
 * what the generated code gave before the fix.
 *
 * <p>Tolerances against finite differences: the checker's central differences with step
 * cbrt(eps) have truncation error about h^2 |f'''| ~ 1e-10 and rounding error about eps/h ~
 * 1e-11 relative for the smooth, O(1)-scaled functions here; 1e-7 leaves room for the longer
 * chains (largest seen 2e-9) while a wrong term (errors of 1e-2 and more) still fails. Hand-derived
 * values are compared to a few ulps (1e-14 absolute on O(1) numbers).
 */
class AdversarialTest {
  private static final double FD = 1e-7;

  // ---------------------------------------------------------------------------------------------
  // Bugs
  // ---------------------------------------------------------------------------------------------

  private static final String NEGATION = """
      package adv;

      import dev.jgrad.Differentiable;

      public final class Neg {
        // f = x w + 3 w: the reverse of y = v * w needs v = x back.
        @Differentiable
        public static double neg(double x, double w) {
          double v = x;
          double y = v * w;
          v = -v;
          v = 3 * w;
          return y + v;
        }

        // The same with an int index: a[k] must be read with k = 1 in reverse.
        @Differentiable
        public static double negIndex(double[] a, double x) {
          int k = 1;
          double y = a[k] * x;
          k = -k;
          k = 0;
          return y + a[k];
        }

        // s = -s then s = s + 0.5 in a loop with a break.
        @Differentiable
        public static double negLoop(double x, int n) {
          double s = x;
          double acc = 0;
          for (int i = 0; i < n; i++) {
            acc += s * s * x;
            s = -s;
            if (i == 3) {
              break;
            }
            s = s + 0.5;
          }
          return acc;
        }
      }
      """;

  /**
   * Was a bug: {@code v = -v} is undone by negating again, but the flow analysis then treats v as
   * having no pending reverse read, so a later plain overwrite of v is not saved; in reverse the
   * negation is applied to the later value. neg(0.7, 1.3) gives dW = -0.9 (it reads v = -3.9 in
   * the reverse of y = v * w) instead of x + 3 = 3.7. negIndex({2, 3}, 5) gives dA = [6, 0],
   * dX = 2 instead of dA = [1, 5], dX = 3. negLoop(0.7, 1) gives dX = 0.32 instead of 1.47.
   */
  @Test
  void bugNegationThenOverwriteLosesTheOldValue() {
    Compiled c = InMemory.compile(InMemory.source("adv.Neg", NEGATION));
    Gradient g = c.method("adv.Neg", "neg").gradient(0.7, 1.3);
    assertEquals(0.7 * 1.3 + 3 * 1.3, g.value(), 1e-14);
    assertEquals(1.3, (double) g.gradient("x"), 1e-14);
    assertEquals(0.7 + 3, (double) g.gradient("w"), 1e-14);

    Gradient gi = c.method("adv.Neg", "negIndex").gradient(new double[] {2, 3}, 5.0);
    assertEquals(17.0, gi.value(), 0.0);
    assertArrayEquals(new double[] {1, 5}, (double[]) gi.gradient("a"), 0.0);
    assertEquals(3.0, (double) gi.gradient("x"), 0.0);

    // n = 1: acc = x^3, so d/dx = 3 x^2.
    Gradient gl = c.method("adv.Neg", "negLoop").gradient(0.7, 1);
    assertEquals(3 * 0.49, (double) gl.gradient("x"), 1e-14);
    for (int n = 0; n < 7; n++) {
      Check.agrees(c.method("adv.Neg", "negLoop"), FD, 0.7, n);
    }
  }

  private static final String SHORT_CIRCUIT = """
      package adv;

      import dev.jgrad.Differentiable;

      public final class Sc {
        @Differentiable
        static double g(double v, double w) {
          return Math.exp(v) * w;
        }

        static int helper(double[] a, int k) {
          return (int) a[k];
        }

        @Differentiable
        public static double andAssign(double x, int k) {
          double s = x;
          if (k > 0 && (s *= x) > 100) {
            s += 1;
          }
          return s;
        }

        @Differentiable
        public static double orAssign(double x, int k) {
          double s = x;
          if (k > 0 || (s *= x) > 100) {
            s += 1;
          }
          return s;
        }

        @Differentiable
        public static double andCall(double[] a, int k) {
          double s = a[0];
          if (k < a.length && g(a[k], 2.0) > 1) {
            s *= 2;
          }
          return s;
        }

        @Differentiable
        public static double andHelper(double[] a, int k) {
          double s = a[0];
          if (k < a.length && helper(a, k) > 0) {
            s *= 2;
          }
          return s;
        }
      }
      """;

  /**
   * Was a bug: side effects on the right of {@code &&} / {@code ||} are lowered into statements that
   * run unconditionally. andAssign(3, 0) is 3 (s *= x must not run) but the generated value is 9
   * with dX = 6 (right: 1); orAssign(3, 1) is 4 but the generated value is 10. A call guarded by
   * {@code k < a.length &&} runs with k out of range: andCall({1, 2}, 5) and andHelper({1, 2}, 5)
   * throw ArrayIndexOutOfBoundsException instead of returning value 1 and gradient [1, 0].
   */
  @Test
  void bugShortCircuitRightOperandRunsUnconditionally() {
    Compiled c = InMemory.compile(InMemory.source("adv.Sc", SHORT_CIRCUIT));
    Gradient and = c.method("adv.Sc", "andAssign").gradient(3.0, 0);
    assertEquals(3.0, and.value(), 0.0);
    assertEquals(1.0, (double) and.gradient("x"), 0.0);
    Gradient or = c.method("adv.Sc", "orAssign").gradient(3.0, 1);
    assertEquals(4.0, or.value(), 0.0);
    assertEquals(1.0, (double) or.gradient("x"), 0.0);
    for (String m : new String[] {"andCall", "andHelper"}) {
      Gradient g = c.method("adv.Sc", m).gradient(new double[] {1, 2}, 5);
      assertEquals(1.0, g.value(), 0.0, m);
      assertArrayEquals(new double[] {1, 0}, (double[]) g.gradient("a"), 0.0, m);
      Check.agrees(c.method("adv.Sc", m), FD, new double[] {1, 2}, 5);
    }
    Check.agrees(c.method("adv.Sc", "andAssign"), FD, 3.0, 0);
    Check.agrees(c.method("adv.Sc", "orAssign"), FD, 3.0, 1);
  }

  // ---------------------------------------------------------------------------------------------
  // Passing: regression coverage
  // ---------------------------------------------------------------------------------------------

  private static final String WRITES = """
      package adv;

      import dev.jgrad.Differentiable;

      public final class W {
        @Differentiable
        static double scale(double[] v, double c) {
          v[0] = v[0] * c;
          return v[0] * v[1];
        }

        // Writes v only through a local alias handed to a writer.
        @Differentiable
        static double passes(double[] v, double c) {
          double[] r = v;
          return scale(r, c) + r[1];
        }

        @Differentiable
        public static double outer(double[] a, double c) {
          double s = passes(a, c);
          return s + a[0] * a[0];
        }

        // Mutual recursion in which only q writes.
        @Differentiable
        static double p(double[] a, int n, double x) {
          if (n == 0) {
            return a[0] * x;
          }
          return q(a, n - 1, x) * x;
        }

        @Differentiable
        static double q(double[] a, int n, double x) {
          a[0] = a[0] + x;
          return p(a, n, x) + a[1];
        }

        @Differentiable
        public static double mut(double[] a, int n, double x) {
          double s = p(a, n, x);
          return s + a[0] * a[1];
        }

        @Differentiable
        static double bump(double[] r, double x) {
          r[1] += x * r[0];
          return r[1];
        }

        @Differentiable
        public static double rows(double[][] m, double x) {
          double s = 0;
          for (int i = 0; i < m.length; i++) {
            s += bump(m[i], x) * m[i][0];
          }
          return s + m[0][1] * m[1][1];
        }

        @Differentiable
        static double rec(double[] a, int n) {
          if (n == 0) {
            return a[0];
          }
          a[n % a.length] *= a[0];
          return rec(a, n - 1) + a[1];
        }

        @Differentiable
        public static double recOuter(double[] a, int n) {
          return rec(a, n) * a[0] + a[1];
        }
      }
      """;

  @Test
  void arrayWritesAreFollowedThroughAliasesChainsAndMutualRecursion() {
    Compiled c = InMemory.compile(InMemory.source("adv.W", WRITES));
    String text = c.generatedSource("adv.WGrad");
    // Every one of them writes its array (directly or through a callee): none may be split.
    for (String m : new String[] {"scale", "passes", "p", "q", "bump", "rec"}) {
      assertTrue(!text.contains(" " + m + "Forward("), m + " writes its array: " + text);
    }
    // outer = a0 c a1 + a1 + (a0 c)^2, and a[0] is put back.
    double[] a = {0.3, 0.4};
    double k = 1.7;
    double[] arg = a.clone();
    Gradient g = c.method("adv.W", "outer").gradient(arg, k);
    assertArrayEquals(a, arg, 0.0, "a restored");
    assertEquals(a[0] * k * a[1] + a[1] + a[0] * k * a[0] * k, g.value(), 1e-14);
    assertArrayEquals(new double[] {k * a[1] + 2 * a[0] * k * k, a[0] * k + 1},
        (double[]) g.gradient("a"), 1e-14);
    assertEquals(a[0] * a[1] + 2 * a[0] * a[0] * k, (double) g.gradient("c"), 1e-14);
    for (int n = 0; n < 4; n++) {
      Check.agrees(c.method("adv.W", "mut"), FD, new double[] {0.3, 0.4}, n, 1.2);
      Check.agrees(c.method("adv.W", "recOuter"), FD, new double[] {0.9, 1.1, 0.7}, n);
    }
    Check.agrees(c.method("adv.W", "rows"), FD,
        (Object) new double[][] {{0.3, 0.4}, {0.5, -0.6}, {1.1, 0.2}}, 1.2);
  }

  private static final String SPLIT = """
      package adv;

      import dev.jgrad.Differentiable;

      public final class Sp {
        @Differentiable
        static double dot(double[] u, double[] v) {
          double s = 0;
          for (int i = 0; i < u.length; i++) {
            s += u[i] * v[i];
          }
          return s;
        }

        @Differentiable
        static double sumExp(double[][] m, int r) {
          double s = 0;
          for (int j = 0; j < m[r].length; j++) {
            s += Math.exp(m[r][j] * m[0][j]);
          }
          return Math.log(s);
        }

        // The same array twice, the caller overwriting it between split calls that read it, a
        // local row alias passed on and then written through.
        @Differentiable
        public static double f1(double[] a, double[][] m) {
          double s = dot(a, a);
          a[0] = a[0] * s;
          s += dot(a, a);
          double[] r = m[1];
          s += dot(r, a) * sumExp(m, 1);
          r[0] = r[0] * a[1];
          m[1][1] = Math.tanh(m[1][1] * s);
          s += dot(m[1], r) + sumExp(m, 0);
          return s;
        }

        // A scratch array refilled in a loop and read by a split callee between refills.
        @Differentiable
        public static double f2(double[] w, double x, int n) {
          double[] t = new double[w.length];
          double s = 0;
          for (int k = 0; k < n; k++) {
            for (int i = 0; i < t.length; i++) {
              t[i] = Math.sin(w[i] * x + k) * (s + 1);
            }
            s += dot(t, w) * 0.5;
            if (s > 3) {
              break;
            }
          }
          return s;
        }

        // A fresh array written twice, through an int[] index array with repeats.
        @Differentiable
        public static double f3(double[] w, int[] idx, double x) {
          double[] t = new double[w.length];
          for (int i = 0; i < t.length; i++) {
            t[i] = w[i] * x;
          }
          double s = t[0] * t[1];
          for (int i = 0; i < idx.length; i++) {
            t[idx[i]] = t[idx[i]] * t[idx[i]] + x;
          }
          s += dot(t, t);
          t[idx[0]] = Math.exp(x);
          return s + t[0] * t[1];
        }

        // Reassigned scalar and int parameters, a boolean, early return, continue, local array.
        @Differentiable
        static double mess(double v, int k, boolean flip, double[] w) {
          double[] loc = new double[3];
          loc[0] = v;
          while (k > 0) {
            v = flip ? -v : v * w[k % w.length];
            loc[k % 3] += v;
            k--;
            if (v > 5) {
              return loc[0] * v;
            }
            if (k == 2) {
              continue;
            }
            v = v + loc[1];
          }
          return loc[0] + loc[1] * loc[2] + v;
        }

        // The call's arguments read its own result variable.
        @Differentiable
        public static double f4(double x, double[] w, int n) {
          double t = x;
          for (int i = 0; i < n; i++) {
            t = mess(t, i + 1, i % 2 == 0, w) * 0.3;
            if (t < -2) {
              break;
            }
          }
          return t;
        }
      }
      """;

  @Test
  void splitCalleesWithAliasesOverwritesScratchArraysAndReassignedParameters() {
    Compiled c = InMemory.compile(InMemory.source("adv.Sp", SPLIT));
    String text = c.generatedSource("adv.SpGrad");
    for (String m : new String[] {"dot", "sumExp", "mess"}) {
      assertTrue(text.contains("static double " + m + "Forward("), m + " should be split");
    }
    Check.agrees(c.method("adv.Sp", "f1"), FD, new double[] {0.3, 0.4},
        new double[][] {{0.3, -0.2}, {0.5, -0.6}, {1.1, 0.2}});
    for (int n = 0; n < 6; n++) {
      Check.agrees(c.method("adv.Sp", "f2"), FD, new double[] {0.3, 0.4, -0.5}, 0.8, n);
      Check.agrees(c.method("adv.Sp", "f4"), FD, 0.7, new double[] {1.3, -0.4, 0.9}, n);
    }
    Check.agrees(c.method("adv.Sp", "f3"), FD, new double[] {0.3, 0.4, -0.5},
        new int[] {1, 1, 2, 0}, 0.8);
    // f2 with n = 1: t_i = sin(w_i x), s = 0.5 sum w_i sin(w_i x);
    // ds/dx = 0.5 sum w_i^2 cos(w_i x).
    double[] w = {0.3, 0.4, -0.5};
    double x = 0.8;
    double dx = 0;
    for (double wi : w) {
      dx += 0.5 * wi * wi * Math.cos(wi * x);
    }
    assertEquals(dx, (double) c.method("adv.Sp", "f2").gradient(w.clone(), x, 1)
        .gradient("x"), 1e-14);
  }

  private static final String KEPT = """
      package adv;

      import dev.jgrad.Differentiable;

      public final class K {
        // The same Math text at points where its argument differs.
        @Differentiable
        public static double sameText(double v, double w) {
          double y = Math.exp(v) * w;
          v = v * 2;
          y += Math.exp(v) * w;
          v = Math.tanh(v) * v;
          y += Math.tanh(v) * v + Math.log(w) * Math.log(w) * v;
          return y;
        }

        @Differentiable
        public static double loopKept(double v, double w, int n) {
          double s = 0;
          for (int i = 0; i < n; i++) {
            s += Math.exp(v) * w + Math.pow(w, v) * s;
            v = v * 0.5 + Math.tanh(s);
            if (s > 50) {
              break;
            }
          }
          return s;
        }

        @Differentiable
        public static double elemKept(double[] a, double x) {
          double y = Math.exp(a[0]) * x;
          a[0] = a[0] * x;
          y += Math.exp(a[0]) * x;
          a[0] = Math.exp(a[0]) * a[1];
          return y + Math.exp(a[0]) * a[0];
        }

        // Kept values inside ternary branches that must not run (an index out of range, an
        // int division by zero).
        @Differentiable
        public static double tern(double[] a, int k, double x) {
          double t = k < a.length ? Math.exp(a[k]) * x : x * x;
          double u = k != 0 ? Math.tanh(x * (10 / k)) * x : Math.log(x) * x;
          return t + u;
        }

        @Differentiable
        static double inner(double v, double w) {
          double e = Math.exp(v * w);
          double t = Math.tanh(e * v);
          return t * e + Math.pow(v, w) * Math.log1p(v * v);
        }

        @Differentiable
        public static double nested(double x, double y) {
          double s = inner(inner(x, y), Math.exp(x) * inner(y, x));
          return x > 0 ? Math.exp(inner(x, s)) * s : Math.log(s * s) * inner(s, y);
        }

        // x * x, a[i] * a[j] with i == j, a product through an alias, and pow at 0.
        @Differentiable
        public static double squares(double[] a, int i, int j, double x) {
          double[] r = a;
          double s = a[i] * a[j] + a[i] * a[i] + r[i] * a[i] + (x + a[j]) * (x + a[j]);
          s = s * s;
          a[i] = a[i] * a[i];
          return s + a[j] * a[j] * x;
        }

        @Differentiable
        public static double pw(double x, double y) {
          return Math.pow(x, 2.0) * y + Math.pow(x, 3) + Math.exp(x) * Math.pow(y, 0.0);
        }
      }
      """;

  @Test
  void keptIntermediatesAndSquares() {
    Compiled c = InMemory.compile(InMemory.source("adv.K", KEPT));
    Check.agrees(c.method("adv.K", "sameText"), FD, 0.3, 1.7);
    for (int n = 0; n < 6; n++) {
      Check.agrees(c.method("adv.K", "loopKept"), FD, 0.3, 1.7, n);
    }
    Check.agrees(c.method("adv.K", "elemKept"), FD, new double[] {0.3, -0.4}, 0.8);
    Check.agrees(c.method("adv.K", "tern"), FD, new double[] {0.3, 0.4}, 2, 0.7);
    Check.agrees(c.method("adv.K", "tern"), FD, new double[] {0.3, 0.4}, 0, 0.7);
    // Derivatives near 200 whose third derivative is large: the differences' truncation error
    // (step^2 f''' / f') is about 2e-8 relative here; it shrinks as h^2 with a smaller step.
    Check.agrees(c.method("adv.K", "nested"), 1e-7, 0.3, 0.8);
    for (int[] ij : new int[][] {{1, 1}, {0, 2}, {2, 2}}) {
      Check.agrees(c.method("adv.K", "squares"), FD, new double[] {0.3, -0.4, 0.9},
          ij[0], ij[1], 0.8);
    }
    // sameText at exact values: y = e^v w + e^{2v} w + tanh(u) u + log(w)^2 u,
    // u = tanh(2v) 2v.
    double v = 0.3;
    double w = 1.7;
    double u = Math.tanh(2 * v) * 2 * v;
    double du = (1 - Math.tanh(2 * v) * Math.tanh(2 * v)) * 2 * 2 * v + Math.tanh(2 * v) * 2;
    double dyDu = (1 - Math.tanh(u) * Math.tanh(u)) * u + Math.tanh(u)
        + Math.log(w) * Math.log(w);
    Gradient g = c.method("adv.K", "sameText").gradient(v, w);
    assertEquals(Math.exp(v) * w + 2 * Math.exp(2 * v) * w + dyDu * du,
        (double) g.gradient("v"), 1e-13);
    assertEquals(Math.exp(v) + Math.exp(2 * v) + 2 * Math.log(w) / w * u,
        (double) g.gradient("w"), 1e-13);
    // pow at x = 0: d/dx x^2 y = 0, d/dx x^3 = 0, exp(0) pow(y, 0) gives 1; d/dy = x^2 = 0.
    Gradient p0 = c.method("adv.K", "pw").gradient(0.0, 1.5);
    assertEquals(1.0, (double) p0.gradient("x"), 0.0);
    assertEquals(0.0, (double) p0.gradient("y"), 0.0);
    // A negative base with constant integer exponents: 2 x y + 3 x^2 + e^x = -6 + 12 + e^-2.
    Gradient pn = c.method("adv.K", "pw").gradient(-2.0, 1.5);
    assertEquals(-6 + 12 + Math.exp(-2), (double) pn.gradient("x"), 1e-14);
    assertEquals(4.0, (double) pn.gradient("y"), 1e-14);
  }

  private static final String LOOPS = """
      package adv;

      import dev.jgrad.Differentiable;

      public final class L {
        @Differentiable
        static double sq(double v) {
          return v * v;
        }

        // continue outer from an inner loop, continue in a do loop and in an enhanced for, and
        // negations that are never overwritten otherwise.
        @Differentiable
        public static double cont(double x, double[] w, int n) {
          double s = x;
          outer:
          for (int i = 0; i < n; i++) {
            for (int j = 0; j < w.length; j++) {
              if (w[j] * s > 1.5) {
                continue outer;
              }
              s = s * 0.9 + sq(w[j] * s);
              if (j == 1) {
                continue;
              }
              s = -s;
            }
            s = s * 1.1;
          }
          int k = 0;
          do {
            k++;
            if (k % 2 == 0) {
              continue;
            }
            s = Math.tanh(s) + x;
          } while (k < n);
          for (double v : w) {
            if (v < 0) {
              continue;
            }
            s += sq(v * s);
            s = -s;
          }
          return s;
        }
      }
      """;

  @Test
  void continueOnlyLoopsAndNegations() {
    Compiled c = InMemory.compile(InMemory.source("adv.L", LOOPS));
    for (int n = 0; n < 5; n++) {
      Check.agrees(c.method("adv.L", "cont"), FD, 0.4, new double[] {0.9, -0.7, 0.4}, n);
      Check.agrees(c.method("adv.L", "cont"), FD, 1.3, new double[] {1.9, 0.7, -0.4}, n);
    }
  }

  private static final String P = """
      package adv;

      import dev.jgrad.Differentiable;

      public final class P {
        @Differentiable
        public static double p(double x, double[] w, int n) {
          if (n <= 0) {
            return Math.tanh(x * w[0]);
          }
          double t = x;
          t = Q.q(t, w, n - 1) * w[n % w.length];
          if (t > 1) {
            t = -t;
            t = t * 0.5 + x;
          }
          return t + R.r(t * x, w, n - 1);
        }
      }
      """;

  private static final String Q = """
      package adv;

      import dev.jgrad.Differentiable;

      public final class Q {
        @Differentiable
        static double q(double x, double[] w, int n) {
          double s = 0;
          for (int i = 0; i < 3; i++) {
            s += P.p(x * (i + 1) * 0.3, w, n) * Math.exp(-s);
            if (s > 2) {
              break;
            }
          }
          return s;
        }
      }
      """;

  private static final String R = """
      package adv;

      import dev.jgrad.Differentiable;

      public final class R {
        @Differentiable
        static double r(double x, double[] w, int n) {
          return n % 2 == 0 ? Math.sin(x) * w[1] : P.p(x, w, n - 1) * Q.q(x, w, n - 2);
        }
      }
      """;

  private static Compiled threeClasses() {
    return InMemory.compile(InMemory.source("adv.P", P), InMemory.source("adv.Q", Q),
        InMemory.source("adv.R", R));
  }

  @Test
  void mutualRecursionThroughThreeClasses() {
    Compiled c = threeClasses();
    assertTrue(c.generatedSource("adv.QGrad").contains("static double qForward("));
    assertTrue(c.generatedSource("adv.RGrad").contains("static double rForward("));
    Differentiated p = c.method("adv.P", "p");
    for (int n = 0; n < 6; n++) {
      Check.agrees(p, FD, 0.6, new double[] {0.9, -0.7, 0.4}, n);
      // Exact: the same three methods over dual numbers, one seed per input.
      int depth = n;
      double[] want = Dual.valueAndGradient(
          d -> pTwin(d[0], new Dual[] {d[1], d[2], d[3]}, depth),
          new double[] {0.6, 0.9, -0.7, 0.4});
      Gradient g = p.gradient(0.6, new double[] {0.9, -0.7, 0.4}, n);
      double[] got = {g.value(), (double) g.gradient("x"), ((double[]) g.gradient("w"))[0],
          ((double[]) g.gradient("w"))[1], ((double[]) g.gradient("w"))[2]};
      for (int k = 0; k < want.length; k++) {
        assertEquals(want[k], got[k], 1e-12 * Math.max(1, Math.abs(want[k])),
            "n " + n + ", component " + k);
      }
    }
    Check.agrees(c.method("adv.Q", "q"), FD, 0.6, new double[] {0.9, -0.7, 0.4}, 2);
    Check.agrees(c.method("adv.R", "r"), FD, 0.6, new double[] {0.9, -0.7, 0.4}, 3);
  }

  private static Dual pTwin(Dual x, Dual[] w, int n) {
    if (n <= 0) {
      return x.times(w[0]).tanh();
    }
    Dual t = qTwin(x, w, n - 1).times(w[n % w.length]);
    if (t.v() > 1) {
      t = t.times(-1.0).times(0.5).plus(x);
    }
    return t.plus(rTwin(t.times(x), w, n - 1));
  }

  private static Dual qTwin(Dual x, Dual[] w, int n) {
    Dual s = Dual.c(0);
    for (int i = 0; i < 3; i++) {
      s = s.plus(pTwin(x.times(i + 1).times(0.3), w, n).times(s.times(-1.0).exp()));
      if (s.v() > 2) {
        break;
      }
    }
    return s;
  }

  private static Dual rTwin(Dual x, Dual[] w, int n) {
    return n % 2 == 0 ? x.sin().times(w[1]) : pTwin(x, w, n - 1).times(qTwin(x, w, n - 2));
  }

  @Test
  void eightThreadsThroughSplitRecursionGiveTheSingleThreadBits() throws Exception {
    Differentiated p = threeClasses().method("adv.P", "p");
    List<Object[]> inputs = new ArrayList<>();
    SplittableRandom r = new SplittableRandom(11);
    for (int k = 0; k < 64; k++) {
      inputs.add(new Object[] {r.nextDouble(-1.5, 1.5),
          new double[] {r.nextDouble(-1, 1), r.nextDouble(-1, 1), r.nextDouble(-1, 1)},
          r.nextInt(6)});
    }
    List<Gradient> expected = new ArrayList<>();
    for (Object[] in : inputs) {
      expected.add(p.gradient(Check.copy(in)));
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int offset = t;
        Callable<Integer> task = () -> {
          start.await();
          int bad = 0;
          for (int it = 0; it < 300; it++) {
            int k = (it * 7 + offset * 13) % inputs.size();
            Gradient g = p.gradient(Check.copy(inputs.get(k)));
            Gradient e = expected.get(k);
            if (Double.doubleToLongBits(g.value()) != Double.doubleToLongBits(e.value())
                || !(Double.doubleToLongBits((double) g.gradient("x"))
                    == Double.doubleToLongBits((double) e.gradient("x")))
                || !Arrays.equals((double[]) g.gradient("w"), (double[]) e.gradient("w"))) {
              bad++;
            }
          }
          return bad;
        };
        results.add(pool.submit(task));
      }
      start.countDown();
      int bad = 0;
      for (Future<Integer> f : results) {
        bad += f.get(2, TimeUnit.MINUTES);
      }
      assertEquals(0, bad, "gradients that differ from the single-thread bits");
    } finally {
      pool.shutdownNow();
    }
  }
}
