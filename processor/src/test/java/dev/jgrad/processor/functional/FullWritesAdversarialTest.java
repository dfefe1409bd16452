package dev.jgrad.processor.functional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgrad.processor.testing.Compiled;
import dev.jgrad.processor.testing.Differentiated;
import dev.jgrad.processor.testing.Dual;
import dev.jgrad.processor.testing.InMemory;
import dev.jgrad.runtime.Gradient;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Adversarial programs for {@code FullWrites} (commit 989d0e2): a loop that is taken to overwrite
 * a whole array ends the reads pending on it, so later writes to the array are not saved. Each
 * program tries to make that kill wrong: a bound that no longer is the array's length, the array
 * under another name, reads between the loop and the write, writes in branches, loops in loops,
 * loops that read the array forwards only, array parameters, recursion and split pairs.
 *
 * <p>Every gradient is checked against a forward-mode twin written here with dual numbers (exact
 * up to rounding) and against central finite differences ({@link Check#agrees}); methods that
 * write into their array arguments must leave them as they found them.
 */
class FullWritesAdversarialTest {
  private static final double FD = 1e-6;

  private static final String SOURCE = """
      package fwadv;

      import dev.jgrad.Differentiable;

      public final class P {
        // BUG: the bound n[0] is the expression z was allocated with, and n is assigned once,
        // but n's element changes: the second loop writes z[0] only, yet kills z.
        @Differentiable(wrt = "x")
        public static double lengthInIntArray(double[] x) {
          int[] n = {x.length};
          double[] z = new double[n[0]];
          for (int j = 0; j < z.length; j++) {
            z[j] = x[j];
          }
          double s = z[2] * z[2];
          n[0] = 1;
          for (int j = 0; j < n[0]; j++) {
            z[j] = 2.0 * x[j];
          }
          z[2] = 5.0 * x[2];
          return s + z[0] + z[2];
        }

        // BUG: the same through a cast of a double array's element.
        @Differentiable(wrt = "x")
        public static double lengthInCastElement(double[] x, double w) {
          double[] q = {x.length};
          double[] z = new double[(int) q[0]];
          for (int j = 0; j < z.length; j++) {
            z[j] = x[j] * w;
          }
          double s = Math.sin(z[2]);
          q[0] = 1.0;
          for (int j = 0; j < (int) q[0]; j++) {
            z[j] = x[j] + w;
          }
          z[2] = x[0] * x[1];
          return s + z[0] + z[2];
        }

        // The length in a local reassigned between the allocation and the loop: two
        // assignments, so no kill.
        @Differentiable(wrt = "x")
        public static double reassignedLength(double[] x) {
          int d = x.length;
          double[] z = new double[d];
          for (int j = 0; j < z.length; j++) {
            z[j] = x[j];
          }
          double s = z[2] * z[2];
          d = 1;
          for (int j = 0; j < d; j++) {
            z[j] = 2.0 * x[j];
          }
          z[2] = 5.0 * x[2];
          return s + z[0] + z[2];
        }

        // BUG: a and b may be the same array (the README allows it), but each is its own alias
        // class: the loop kills a, b's read in between does not make a pending again.
        @Differentiable
        public static double twoNames(double[] a, double[] b) {
          for (int j = 0; j < a.length; j++) {
            a[j] = 0.5 * a[j];
          }
          double s = b[1] * b[1];
          a[1] = 3.0 * a[0];
          return s + a[1];
        }

        // The aliased call of twoNames from another differentiable method.
        @Differentiable
        public static double sameArrayTwice(double[] x) {
          return twoNames(x, x);
        }

        // BUG: v may be a row of m when neither is differentiated (no run-time row check then);
        // the loop kills v, m's read in between does not make v pending again.
        @Differentiable(wrt = "x")
        public static double rowAndVector(double[] x, double[][] m, double[] v) {
          for (int j = 0; j < v.length; j++) {
            v[j] = 0.5 * v[j];
          }
          double s = m[0][1] * x[0];
          v[1] = 3.0;
          return s + v[1] * x[1];
        }

        // Allocated in a branch with one of two lengths: the bound is z.length.
        @Differentiable(wrt = "x")
        public static double branchAllocated(double[] x, int c) {
          double[] z;
          if (c > 0) {
            z = new double[3];
          } else {
            z = new double[2];
          }
          for (int j = 0; j < z.length; j++) {
            z[j] = x[j] * x[j];
          }
          double s = z[1] * z[0];
          for (int j = 0; j < z.length; j++) {
            z[j] = Math.sin(x[j]);
          }
          z[1] = 3.0 * x[1];
          s = s + z[1] * z[0];
          z[0] = 2.0 * x[0];
          return s + z[0];
        }

        // A fresh array per outer iteration, each of a different length.
        @Differentiable(wrt = "x")
        public static double outerLoopLengths(double[] x) {
          double s = 0.0;
          for (int r = 1; r <= 3; r++) {
            int d = r + 1;
            double[] y = new double[d];
            for (int j = 0; j < d; j++) {
              y[j] = x[j] * r;
            }
            s += y[d - 1] * y[0];
            for (int j = 0; j < d; j++) {
              y[j] = Math.sin(x[j] + s);
            }
            y[0] = s * x[0];
            s += y[0] * y[d - 1];
          }
          return s;
        }

        // One array declared outside the outer loop, read at the top of each iteration, refilled
        // in the middle and updated after.
        @Differentiable(wrt = "x")
        public static double loopsInLoops(double[] x) {
          double[] z = new double[x.length];
          double s = 0.0;
          for (int r = 0; r < 3; r++) {
            s += z[0] * z[2] + z[1];
            for (int j = 0; j < z.length; j++) {
              z[j] = x[j] * (r + 1) + 0.1 * s;
            }
            z[0] = z[0] + x[1];
            for (int k = 0; k < 2; k++) {
              z[k + 1] = z[k + 1] * 0.5 + x[k];
            }
          }
          return s + z[0] * z[1];
        }

        // A row held under another name: the alias class has two members, no kill.
        @Differentiable(wrt = "x")
        public static double matrixRow(double[] x) {
          double[][] m = new double[2][3];
          double[] r = m[0];
          for (int j = 0; j < r.length; j++) {
            r[j] = x[j] * x[j];
          }
          double s = m[0][1] * r[2];
          for (int j = 0; j < r.length; j++) {
            r[j] = x[j] + 1.0;
          }
          m[0][2] = 3.0 * x[0];
          r[1] = x[1] * 2.0;
          return s + m[0][2] + r[1];
        }

        // A second local name for the array.
        @Differentiable(wrt = "x")
        public static double localAlias(double[] x) {
          double[] z = new double[x.length];
          double[] y = z;
          for (int j = 0; j < z.length; j++) {
            z[j] = x[j] * x[j];
          }
          double s = 0.0;
          for (int j = 0; j < z.length; j++) {
            z[j] = Math.exp(x[j]);
          }
          s = s + y[1] * y[2];
          z[1] = 4.0 * x[0];
          return s + z[1];
        }

        // A read between the refill and the later write keeps the write saved.
        @Differentiable(wrt = "x")
        public static double readBetween(double[] x) {
          double[] z = new double[x.length];
          for (int j = 0; j < z.length; j++) {
            z[j] = x[j] * x[j];
          }
          double s = z[0] * z[1];
          for (int j = 0; j < z.length; j++) {
            z[j] = Math.exp(x[j]);
          }
          double t = z[2] * z[1];
          z[1] = x[0] * 3.0;
          return s + t + z[1];
        }

        // The later write in a branch, then a read.
        @Differentiable(wrt = "x")
        public static double writeInBranch(double[] x, int c) {
          double[] z = new double[x.length];
          for (int j = 0; j < z.length; j++) {
            z[j] = x[j] * x[j];
          }
          double s = z[0] * z[2];
          for (int j = 0; j < z.length; j++) {
            z[j] = x[j] * 0.5;
          }
          if (c > 0) {
            z[2] = 4.0 * x[1];
          } else {
            z[0] = x[2] - x[1];
          }
          return s + z[2] * z[0];
        }

        // The refill only on one branch: the other keeps z pending.
        @Differentiable(wrt = "x")
        public static double refillInBranch(double[] x, int c) {
          double[] z = new double[x.length];
          for (int j = 0; j < z.length; j++) {
            z[j] = x[j] * x[j];
          }
          double s = z[0] * z[2];
          if (c > 0) {
            for (int j = 0; j < z.length; j++) {
              z[j] = x[j] * 0.5;
            }
          }
          z[2] = 4.0 * x[1];
          return s + z[2] + z[0];
        }

        // The loop reads other elements forwards (their old values), never in reverse.
        @Differentiable(wrt = "x")
        public static double forwardOnlyReads(double[] x) {
          double[] z = new double[x.length];
          for (int j = 0; j < z.length; j++) {
            z[j] = x[j];
          }
          double s = z[0] * z[2];
          for (int j = 0; j < z.length; j++) {
            double t = z[2 - j];
            z[j] = t * x[j];
          }
          z[1] = 2.0 * x[2];
          return s + z[0] + z[1] + z[2];
        }

        // The loop's own reverse reads z (z[j] * z[j]): no kill.
        @Differentiable(wrt = "x")
        public static double readsInLoop(double[] x) {
          double[] z = new double[x.length];
          for (int j = 0; j < z.length; j++) {
            z[j] = x[j] + 1.0;
          }
          double s = z[0] * z[1];
          for (int j = 0; j < z.length; j++) {
            z[j] = z[j] * z[j] * x[j];
          }
          z[0] = 3.0 * x[2];
          return s + z[0] + z[1] * z[2];
        }

        // A full loop whose body holds another full loop over the same array.
        @Differentiable(wrt = "x")
        public static double nestedFull(double[] x) {
          double[] z = new double[x.length];
          for (int j = 0; j < z.length; j++) {
            z[j] = x[j];
          }
          double s = z[0] * z[1];
          for (int i = 0; i < z.length; i++) {
            for (int j = 0; j < z.length; j++) {
              z[j] = x[j] * (i + 1);
            }
            z[i] = x[i] * x[i];
          }
          z[0] = 3.0 * x[1];
          return s + z[0] + z[1] * z[2];
        }

        // The refill writes constants: inactive writes into an array that is read in reverse.
        @Differentiable(wrt = "x")
        public static double inactiveRefill(double[] x) {
          double[] z = new double[x.length];
          for (int j = 0; j < z.length; j++) {
            z[j] = x[j] * x[j];
          }
          double s = z[0] * z[2];
          for (int j = 0; j < z.length; j++) {
            z[j] = 1.0;
          }
          z[2] = x[1];
          return s + z[2] + z[0];
        }

        // continue after the write: still every element; continue before it: not.
        @Differentiable(wrt = "x")
        public static double continues(double[] x) {
          double[] z = new double[x.length];
          for (int j = 0; j < z.length; j++) {
            z[j] = x[j] * x[j];
          }
          double s = z[0] * z[1] * z[2];
          for (int j = 0; j < z.length; j++) {
            z[j] = 2.0 * x[j];
            if (j == 1) {
              continue;
            }
            s = s + x[j];
          }
          z[1] = x[0] + x[2];
          double u = z[0] * z[1] * z[2];
          for (int j = 0; j < z.length; j++) {
            if (j == 1) {
              continue;
            }
            z[j] = 3.0 * x[j];
          }
          z[1] = x[2];
          return s + u + z[0] + z[1];
        }

        // Labelled break of an outer loop from inside the refill: an early exit.
        @Differentiable(wrt = "x")
        public static double breaksOut(double[] x, int stop) {
          double[] z = new double[x.length];
          for (int j = 0; j < z.length; j++) {
            z[j] = x[j] * x[j];
          }
          double s = z[0] * z[1] * z[2];
          outer:
          for (int r = 0; r < 2; r++) {
            for (int j = 0; j < z.length; j++) {
              z[j] = x[j] * (r + 2);
              if (j == stop) {
                break outer;
              }
            }
          }
          z[0] = x[1];
          return s + z[0] + z[1] + z[2];
        }

        // An array parameter refilled, then updated: the caller's array is restored.
        @Differentiable
        public static double paramFull(double[] a, double w) {
          double s = a[0] * a[1];
          for (int j = 0; j < a.length; j++) {
            a[j] = a[j] * w;
          }
          a[0] = a[1] * 2.0;
          a[2] = w * 3.0;
          return s + a[0] * a[2];
        }

        // Recursion through a scratch array refilled twice per level.
        @Differentiable(wrt = "a")
        public static double rec(double[] a, int n) {
          if (n == 0) {
            return a[0] * a[1];
          }
          double[] z = new double[a.length];
          for (int j = 0; j < z.length; j++) {
            z[j] = a[j] * a[j];
          }
          double s = z[0] * z[1];
          for (int j = 0; j < z.length; j++) {
            z[j] = a[j] + s;
          }
          z[1] = 0.5 * a[2];
          return s + rec(z, n - 1);
        }

        // A callee that refills its own parameter, then writes it, called on a local array.
        @Differentiable
        public static double scaleThenPick(double[] a, double w) {
          double s = a[0] * a[2];
          for (int j = 0; j < a.length; j++) {
            a[j] = a[j] * w;
          }
          a[1] = w + a[0];
          return s + a[1] * a[2];
        }

        @Differentiable
        public static double callsScaleThenPick(double[] x, double w) {
          double[] z = new double[x.length];
          for (int j = 0; j < z.length; j++) {
            z[j] = x[j] * x[j];
          }
          double r = scaleThenPick(z, w);
          double t = z[1] * z[0];
          return r + t;
        }

        // A split pair: the callee's scratch array is refilled, then written.
        @Differentiable
        public static double scratch(double[] a, double w) {
          double[] z = new double[a.length];
          for (int j = 0; j < z.length; j++) {
            z[j] = a[j] * w;
          }
          double s = z[0] * z[1];
          for (int j = 0; j < z.length; j++) {
            z[j] = Math.sin(a[j]);
          }
          z[2] = a[0] * 2.0;
          return s + z[2] * z[1];
        }

        @Differentiable
        public static double callsScratch(double[] x, double w) {
          double u = 0.0;
          for (int r = 0; r < 2; r++) {
            u += scratch(x, w + r) * u + x[r];
          }
          return u;
        }
      }
      """;

  private static Compiled compiled;

  @BeforeAll
  static void compile() {
    compiled = InMemory.compile(InMemory.source("fwadv.P", SOURCE));
  }

  // ---------------------------------------------------------------------------------------------
  // Dual numbers: the forward-mode twins.
  // ---------------------------------------------------------------------------------------------

  /** Seeds: component {@code seed} of x has derivative 1 (none for -1). */
  private static void exact(double value, double[] gradient, Function<Dual[], Dual> t, double[] x) {
    double[] want = Dual.valueAndGradient(t, x);
    assertEquals(want[0], value, 1e-12 * Math.max(1, Math.abs(want[0])), "value");
    for (int j = 0; j < x.length; j++) {
      assertEquals(want[j + 1], gradient[j], 1e-12 * Math.max(1, Math.abs(want[j + 1])),
          "d/dx[" + j + "]");
    }
  }

  /**
   * The gradient with respect to the first argument (named {@code first}) equals the twin's,
   * agrees with finite differences, and neither the gradient nor the pullback changes the
   * arguments.
   */
  private static void verify(String method, String first, Function<Dual[], Dual> t, double[] x,
      Object... rest) {
    Differentiated f = compiled.method("fwadv.P", method);
    Object[] args = new Object[rest.length + 1];
    args[0] = x.clone();
    System.arraycopy(rest, 0, args, 1, rest.length);
    Object[] mine = Check.copy(args);
    Gradient g = f.gradient(mine);
    exact(g.value(), (double[]) g.gradient(first), t, x);
    assertArrayEquals(x, (double[]) mine[0], 0.0, "the array argument after the gradient");
    Check.agrees(f, FD, args);
  }

  private static Dual[] dual(int n) {
    Dual[] z = new Dual[n];
    for (int i = 0; i < n; i++) {
      z[i] = Dual.c(0);
    }
    return z;
  }

  private static final double[] X3 = {0.7, -1.3, 0.4};

  // ---------------------------------------------------------------------------------------------
  // Bounds that are not the length.
  // ---------------------------------------------------------------------------------------------

  private static Dual lengthTwin(Dual[] x) {
    // z = x; s = x2^2; z0 = 2 x0; z2 = 5 x2.
    return x[2].times(x[2]).plus(x[0].times(2.0)).plus(x[2].times(5.0));
  }

  @Test
  void aBoundInAnIntArrayElementThatChanges() {
    verify("lengthInIntArray", "x", FullWritesAdversarialTest::lengthTwin, X3);
  }

  @Test
  void aBoundInACastDoubleElementThatChanges() {
    double w = 0.9;
    verify("lengthInCastElement", "x", x -> x[2].times(w).sin().plus(x[0].plus(w))
        .plus(x[0].times(x[1])), X3, w);
  }

  @Test
  void aLengthVariableAssignedTwiceIsNotTrusted() {
    verify("reassignedLength", "x", FullWritesAdversarialTest::lengthTwin, X3);
  }

  // ---------------------------------------------------------------------------------------------
  // Other names for the array.
  // ---------------------------------------------------------------------------------------------

  private static Dual twoNamesTwin(Dual[] x) {
    // a = b = x: a = x/2; s = (x1/2)^2; a1 = 3 x0/2: x1^2/4 + 1.5 x0.
    Dual[] a = x.clone();
    for (int j = 0; j < a.length; j++) {
      a[j] = a[j].times(0.5);
    }
    Dual s = a[1].times(a[1]);
    a[1] = a[0].times(3.0);
    return s.plus(a[1]);
  }

  @Test
  void twoParametersHoldingDifferentArraysAreFine() {
    Differentiated f = compiled.method("fwadv.P", "twoNames");
    double[] a = {0.7, -1.3, 0.4};
    double[] b = {0.2, 0.8, -0.6};
    Gradient g = f.gradient(a, b);
    assertArrayEquals(new double[] {0.7, -1.3, 0.4}, a, 0.0);
    assertArrayEquals(new double[] {0.2, 0.8, -0.6}, b, 0.0);
    // s = b1^2, then a1 = 1.5 a0: value b1^2 + 1.5 a0.
    assertEquals(0.64 + 1.05, g.value(), 1e-12);
    assertArrayEquals(new double[] {1.5, 0, 0}, (double[]) g.gradient("a"), 1e-12);
    assertArrayEquals(new double[] {0, 1.6, 0}, (double[]) g.gradient("b"), 1e-12);
    Check.agrees(f, FD, a, b);
  }

  @Test
  void theSameArrayForBothParameters() {
    Differentiated f = compiled.method("fwadv.P", "twoNames");
    double[] x = X3.clone();
    Gradient g = f.gradient(x, x);
    assertArrayEquals(X3, x, 0.0, "the array after the gradient");
    exact(g.value(), (double[]) g.gradient("a"), FullWritesAdversarialTest::twoNamesTwin, X3);
  }

  @Test
  void theSameArrayPassedTwiceByACaller() {
    verify("sameArrayTwice", "x", FullWritesAdversarialTest::twoNamesTwin, X3);
  }

  @Test
  void aVectorParameterAndADifferentMatrixParameter() {
    double[][] m = {{0.3, -0.8, 0.5}, {1.0, 2.0, 3.0}};
    // Separate arrays: s = m01 x0, v1 = 3: -0.8 x0 + 3 x1.
    double[] v = {0.3, -0.8, 0.5};
    verify("rowAndVector", "x", x -> x[0].times(-0.8).plus(x[1].times(3.0)), X3, m, v);
    compiled.method("fwadv.P", "rowAndVector").gradient(X3.clone(), m, v);
    assertArrayEquals(new double[] {0.3, -0.8, 0.5}, v, 0.0, "v after the gradient");
  }

  @Test
  void aVectorParameterThatIsARowOfAMatrixParameter() {
    double[][] m = {{0.3, -0.8, 0.5}, {1.0, 2.0, 3.0}};
    Differentiated f = compiled.method("fwadv.P", "rowAndVector");
    double[] x = X3.clone();
    Gradient g = f.gradient(x, m, m[0]);
    assertArrayEquals(new double[] {0.3, -0.8, 0.5}, m[0], 0.0, "m[0] after the gradient");
    // v = m[0] / 2, s = (m01 / 2) x0, v1 = 3: s + 3 x1.
    exact(g.value(), (double[]) g.gradient("x"),
        v -> v[0].times(-0.4).plus(v[1].times(3.0)), X3);
  }

  @Test
  void aRowUnderAnotherName() {
    verify("matrixRow", "x", x -> x[1].times(x[1]).times(x[2].times(x[2]))
        .plus(x[0].times(3.0)).plus(x[1].times(2.0)), X3);
  }

  @Test
  void aLocalAlias() {
    verify("localAlias", "x", x -> x[1].exp().times(x[2].exp()).plus(x[0].times(4.0)), X3);
  }

  // ---------------------------------------------------------------------------------------------
  // Lengths fixed at run time in branches and loops.
  // ---------------------------------------------------------------------------------------------

  private static Dual branchTwin(Dual[] x, int c) {
    int n = c > 0 ? 3 : 2;
    Dual[] z = new Dual[n];
    for (int j = 0; j < n; j++) {
      z[j] = x[j].times(x[j]);
    }
    Dual s = z[1].times(z[0]);
    for (int j = 0; j < n; j++) {
      z[j] = x[j].sin();
    }
    z[1] = x[1].times(3.0);
    s = s.plus(z[1].times(z[0]));
    z[0] = x[0].times(2.0);
    return s.plus(z[0]);
  }

  @Test
  void anArrayAllocatedInABranch() {
    verify("branchAllocated", "x", x -> branchTwin(x, 1), X3, 1);
    verify("branchAllocated", "x", x -> branchTwin(x, 0), X3, 0);
  }

  @Test
  void freshArraysOfGrowingLengthInAnOuterLoop() {
    double[] x = {0.3, -0.4, 0.5, 0.2};
    verify("outerLoopLengths", "x", v -> {
      Dual s = Dual.c(0);
      for (int r = 1; r <= 3; r++) {
        int d = r + 1;
        Dual[] y = new Dual[d];
        for (int j = 0; j < d; j++) {
          y[j] = v[j].times(r);
        }
        s = s.plus(y[d - 1].times(y[0]));
        for (int j = 0; j < d; j++) {
          y[j] = v[j].plus(s).sin();
        }
        y[0] = s.times(v[0]);
        s = s.plus(y[0].times(y[d - 1]));
      }
      return s;
    }, x);
  }

  @Test
  void aRefillInsideAnOuterLoopReadAtTheTopOfEachIteration() {
    verify("loopsInLoops", "x", x -> {
      Dual[] z = dual(3);
      Dual s = Dual.c(0);
      for (int r = 0; r < 3; r++) {
        s = s.plus(z[0].times(z[2]).plus(z[1]));
        for (int j = 0; j < 3; j++) {
          z[j] = x[j].times(r + 1).plus(s.times(0.1));
        }
        z[0] = z[0].plus(x[1]);
        for (int k = 0; k < 2; k++) {
          z[k + 1] = z[k + 1].times(0.5).plus(x[k]);
        }
      }
      return s.plus(z[0].times(z[1]));
    }, X3);
  }

  // ---------------------------------------------------------------------------------------------
  // Reads and writes around the loop.
  // ---------------------------------------------------------------------------------------------

  @Test
  void aReadBetweenTheRefillAndTheWrite() {
    verify("readBetween", "x", x -> x[0].times(x[0]).times(x[1].times(x[1]))
        .plus(x[2].exp().times(x[1].exp())).plus(x[0].times(3.0)), X3);
  }

  @Test
  void theLaterWriteInABranch() {
    for (int c : new int[] {1, 0}) {
      verify("writeInBranch", "x", x -> {
        Dual s = x[0].times(x[0]).times(x[2].times(x[2]));
        Dual[] z = {x[0].times(0.5), x[1].times(0.5), x[2].times(0.5)};
        if (c > 0) {
          z[2] = x[1].times(4.0);
        } else {
          z[0] = x[2].minus(x[1]);
        }
        return s.plus(z[2].times(z[0]));
      }, X3, c);
    }
  }

  @Test
  void theRefillInOneBranchOnly() {
    for (int c : new int[] {1, 0}) {
      verify("refillInBranch", "x", x -> {
        Dual[] z = {x[0].times(x[0]), x[1].times(x[1]), x[2].times(x[2])};
        Dual s = z[0].times(z[2]);
        if (c > 0) {
          for (int j = 0; j < 3; j++) {
            z[j] = x[j].times(0.5);
          }
        }
        z[2] = x[1].times(4.0);
        return s.plus(z[2]).plus(z[0]);
      }, X3, c);
    }
  }

  @Test
  void aRefillThatReadsOldElementsForwardsOnly() {
    verify("forwardOnlyReads", "x", x -> {
      Dual[] z = x.clone();
      Dual s = z[0].times(z[2]);
      for (int j = 0; j < 3; j++) {
        Dual t = z[2 - j];
        z[j] = t.times(x[j]);
      }
      z[1] = x[2].times(2.0);
      return s.plus(z[0]).plus(z[1]).plus(z[2]);
    }, X3);
  }

  @Test
  void aRefillWhoseReverseReadsTheArray() {
    verify("readsInLoop", "x", x -> {
      Dual[] z = {x[0].plus(1.0), x[1].plus(1.0), x[2].plus(1.0)};
      Dual s = z[0].times(z[1]);
      for (int j = 0; j < 3; j++) {
        z[j] = z[j].times(z[j]).times(x[j]);
      }
      z[0] = x[2].times(3.0);
      return s.plus(z[0]).plus(z[1].times(z[2]));
    }, X3);
  }

  @Test
  void aFullLoopHoldingAnotherFullLoop() {
    verify("nestedFull", "x", x -> {
      Dual[] z = x.clone();
      Dual s = z[0].times(z[1]);
      for (int i = 0; i < 3; i++) {
        for (int j = 0; j < 3; j++) {
          z[j] = x[j].times(i + 1);
        }
        z[i] = x[i].times(x[i]);
      }
      z[0] = x[1].times(3.0);
      return s.plus(z[0]).plus(z[1].times(z[2]));
    }, X3);
  }

  @Test
  void aRefillWithConstants() {
    verify("inactiveRefill", "x", x -> x[0].times(x[0]).times(x[2].times(x[2])).plus(x[1])
        .plus(1.0), X3);
  }

  @Test
  void continuesBeforeAndAfterTheWrite() {
    verify("continues", "x", x -> {
      Dual[] z = {x[0].times(x[0]), x[1].times(x[1]), x[2].times(x[2])};
      Dual s = z[0].times(z[1]).times(z[2]);
      for (int j = 0; j < 3; j++) {
        z[j] = x[j].times(2.0);
        if (j == 1) {
          continue;
        }
        s = s.plus(x[j]);
      }
      z[1] = x[0].plus(x[2]);
      Dual u = z[0].times(z[1]).times(z[2]);
      for (int j = 0; j < 3; j++) {
        if (j == 1) {
          continue;
        }
        z[j] = x[j].times(3.0);
      }
      z[1] = x[2];
      return s.plus(u).plus(z[0]).plus(z[1]);
    }, X3);
  }

  @Test
  void aLabelledBreakOutOfTheRefill() {
    for (int stop : new int[] {0, 1, 2, 5}) {
      verify("breaksOut", "x", x -> {
        Dual[] z = {x[0].times(x[0]), x[1].times(x[1]), x[2].times(x[2])};
        Dual s = z[0].times(z[1]).times(z[2]);
        outer:
        for (int r = 0; r < 2; r++) {
          for (int j = 0; j < 3; j++) {
            z[j] = x[j].times(r + 2);
            if (j == stop) {
              break outer;
            }
          }
        }
        z[0] = x[1];
        return s.plus(z[0]).plus(z[1]).plus(z[2]);
      }, X3, stop);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Parameters, recursion, calls.
  // ---------------------------------------------------------------------------------------------

  @Test
  void aRefilledParameterIsPutBackForTheCaller() {
    Differentiated f = compiled.method("fwadv.P", "paramFull");
    double w = 1.7;
    double[] a = X3.clone();
    Gradient g = f.gradient(a, w);
    assertArrayEquals(X3, a, 0.0, "a after the gradient");
    // a0 a1 + (2 a1 w)(3 w) = a0 a1 + 6 a1 w^2.
    double a0 = X3[0];
    double a1 = X3[1];
    assertEquals(a0 * a1 + 6 * a1 * w * w, g.value(), 1e-12);
    assertArrayEquals(new double[] {a1, a0 + 6 * w * w, 0}, (double[]) g.gradient("a"), 1e-12);
    assertEquals(12 * a1 * w, (double) g.gradient("w"), 1e-12);
    double[] da = new double[3];
    double[] dw = new double[1];
    double value = f.pullback(new Object[] {a, w}, 1.0, da, dw);
    assertEquals(g.value(), value, 0.0);
    assertArrayEquals(X3, a, 0.0, "a after the pullback");
    assertArrayEquals((double[]) g.gradient("a"), da, 0.0);
    Check.agrees(f, FD, X3.clone(), w);
  }

  private static Dual recTwin(Dual[] a, int n) {
    if (n == 0) {
      return a[0].times(a[1]);
    }
    Dual[] z = new Dual[a.length];
    for (int j = 0; j < z.length; j++) {
      z[j] = a[j].times(a[j]);
    }
    Dual s = z[0].times(z[1]);
    for (int j = 0; j < z.length; j++) {
      z[j] = a[j].plus(s);
    }
    z[1] = a[2].times(0.5);
    return s.plus(recTwin(z, n - 1));
  }

  @Test
  void recursionThroughARefilledScratchArray() {
    double[] a = {0.6, -0.5, 0.3};
    for (int n = 0; n <= 3; n++) {
      int depth = n;
      verify("rec", "a", x -> recTwin(x, depth), a, n);
    }
  }

  private static Dual scaleThenPickTwin(Dual[] a, Dual w) {
    Dual s = a[0].times(a[2]);
    for (int j = 0; j < a.length; j++) {
      a[j] = a[j].times(w);
    }
    a[1] = w.plus(a[0]);
    return s.plus(a[1].times(a[2]));
  }

  @Test
  void aCalleeThatRefillsItsParameter() {
    double w = 0.8;
    verify("scaleThenPick", "a", a -> scaleThenPickTwin(a.clone(), Dual.c(w)), X3, w);
    verify("callsScaleThenPick", "x", x -> {
      Dual[] z = new Dual[3];
      for (int j = 0; j < 3; j++) {
        z[j] = x[j].times(x[j]);
      }
      Dual r = scaleThenPickTwin(z, Dual.c(w));
      return r.plus(z[1].times(z[0]));
    }, X3, w);
  }

  private static Dual scratchTwin(Dual[] a, Dual w) {
    Dual[] z = new Dual[a.length];
    for (int j = 0; j < z.length; j++) {
      z[j] = a[j].times(w);
    }
    Dual s = z[0].times(z[1]);
    for (int j = 0; j < z.length; j++) {
      z[j] = a[j].sin();
    }
    z[2] = a[0].times(2.0);
    return s.plus(z[2].times(z[1]));
  }

  @Test
  void aSplitPairWithARefilledScratchArray() {
    String generated = compiled.generatedSource("fwadv.PGrad");
    assertTrue(generated.contains("scratchForward("), "scratch gets a split pair");
    double w = 0.8;
    verify("callsScratch", "x", x -> {
      Dual u = Dual.c(0);
      for (int r = 0; r < 2; r++) {
        u = u.plus(scratchTwin(x, Dual.c(w + r)).times(u)).plus(x[r]);
      }
      return u;
    }, X3, w);
    // With respect to w as well, by finite differences and a twin along w.
    Differentiated f = compiled.method("fwadv.P", "callsScratch");
    Gradient g = f.gradient(X3.clone(), w);
    Dual u = Dual.c(0);
    Dual[] x = Dual.seeded(X3, -1);
    for (int r = 0; r < 2; r++) {
      u = u.plus(scratchTwin(x, new Dual(w + r, 1)).times(u)).plus(x[r]);
    }
    assertEquals(u.d(), (double) g.gradient("w"), 1e-12 * Math.max(1, Math.abs(u.d())));
  }
}
