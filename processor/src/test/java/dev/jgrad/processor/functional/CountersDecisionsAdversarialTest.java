package dev.jgrad.processor.functional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jgrad.processor.testing.Compiled;
import dev.jgrad.processor.testing.Differentiated;
import dev.jgrad.processor.testing.Dual;
import dev.jgrad.processor.testing.InMemory;
import dev.jgrad.runtime.Gradient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Adversarial programs for counters the reverse sets from their start (Counters, 0281d59) and
 * branch decisions tested again in reverse (Decisions, f4673d6). Each gradient is checked
 * against a forward-mode twin written here with dual numbers (1e-12 relative) and against
 * central finite differences ({@link Check#agrees}); the array argument must be unchanged after
 * the gradient. The source compiles with -Xlint:all -Werror ({@link InMemory#OPTIONS}).
 */
class CountersDecisionsAdversarialTest {
  private static final double FD = 1e-6;

  private static final String SOURCE = """
      package cda;

      import dev.jgrad.Differentiable;

      public final class P {
        static int bump(int m) {
          return (m * 3) % 7 + 1;
        }

        // The inner start m changes after the inner loop through a call result.
        @Differentiable(wrt = "x")
        public static double startByCall(double[] x, int n) {
          double s = 0.5;
          int m = 1;
          for (int r = 0; r < n; r++) {
            for (int j = m; j < m + 3; j++) {
              s = s * x[j % x.length] + Math.sin(s);
            }
            m = bump(m);
          }
          return s;
        }

        // The start changes in a branch after the loop (one arm not invertible) and in a
        // nested loop.
        @Differentiable(wrt = "x")
        public static double startInBranchAndLoop(double[] x, int n) {
          double s = 0.5;
          int m = 2;
          int q = 1;
          for (int r = 0; r < n; r++) {
            for (int j = m - q; j < m + 2; j++) {
              s = Math.sin(s * x[j % x.length]) + 0.3;
            }
            if (s > 0.8) {
              m = (m * 5) % 4 + 1;
            } else {
              m = m + 2;
            }
            for (int t = 0; t < 2; t++) {
              q = (q * 3 + t) % 3;
            }
          }
          return s;
        }

        // One counter reused by two loops in sequence, read between and after them.
        @Differentiable(wrt = "x")
        public static double reused(double[] x, int n) {
          double s = 0.4;
          int j = 0;
          for (int r = 0; r < 2; r++) {
            for (j = r; j < n; j++) {
              s = s * x[j % x.length] + 0.1;
            }
            s = s * x[j % x.length];
            for (j = n + r; j > 0; j--) {
              if (j % 2 == 0) {
                s = Math.sin(s) * x[j % x.length];
              } else {
                s = s + x[(j + 1) % x.length] * s;
              }
            }
            s = s + x[j % x.length];
          }
          return s * x[j % x.length];
        }

        // continue, labelled continue, break and return inside counted loops.
        @Differentiable(wrt = "x")
        public static double exits(double[] x, int n, int stop) {
          double s = 0.3;
          int m = 1;
          outer:
          for (int i = 0; i < n; i++) {
            for (int j = m; j < m + n; j++) {
              if (j % 3 == 0) {
                continue;
              }
              if (j == i + 3) {
                continue outer;
              }
              s = Math.sin(s * x[j % x.length]) + 0.2;
            }
            for (int k = i; k < n; k++) {
              if (k == stop) {
                break;
              }
              if (k > i + 2) {
                s = s * x[k % x.length];
              }
              if (k == 2 * stop + 1) {
                return s * s;
              }
              s = s + 0.1 * x[(k + 1) % x.length];
            }
            m = (m * 7) % 5;
          }
          return s;
        }

        // Counters that are parameters, a start that is a parameter reset later.
        @Differentiable(wrt = "x")
        public static double parameterCounters(double[] x, int n, int m) {
          double s = 0.6;
          while (m > 0) {
            for (n = m; n < 2 * m + 1; n++) {
              if (n % 2 == 1) {
                s = s * x[n % x.length];
              } else {
                s = Math.cos(s) + x[n % x.length];
              }
            }
            m = m - 1;
          }
          return s * n;
        }

        // for-each and do-while with decisions on a local assigned once and on a parameter.
        @Differentiable(wrt = "x")
        public static double eachAndDo(double[] x, int n) {
          double s = 0.2;
          int h = n / 2;
          int c = 0;
          for (double v : x) {
            if (c < h) {
              s = s * v + 0.5;
            } else {
              s = Math.sin(s + v);
            }
            c = c + 1;
          }
          int i = 0;
          do {
            if (i < h || n % 3 == 0) {
              s = s * x[i % x.length];
            } else {
              s = s + x[i % x.length] * x[i % x.length];
            }
            i++;
          } while (i < n);
          return s;
        }

        // switch on a counter and on a parameter.
        @Differentiable(wrt = "x")
        public static double switches(double[] x, int n) {
          double s = 0.5;
          for (int i = 0; i < n; i++) {
            switch (i % 3) {
              case 0:
                s = s * x[i % x.length];
                break;
              case 1:
                s = Math.sin(s) + x[i % x.length];
                break;
              default:
                s = s + 0.5 * x[i % x.length] * s;
            }
          }
          switch (n % 2) {
            case 0 -> s = s * s;
            default -> s = Math.cos(s);
          }
          return s;
        }

        // A local assigned once, inside a branch at depth 0; locals of the same name in two
        // blocks; && || and a ternary.
        @Differentiable(wrt = "x")
        public static double onceInBranch(double[] x, int n) {
          double s = 0.3;
          if (n > 2) {
            int k = n - 2;
            for (int i = 0; i < n; i++) {
              if (i < k && (i % 2 == 0 || n > 5)) {
                s = s * x[i % x.length];
              } else {
                s = Math.sin(s) + x[i % x.length];
              }
            }
          }
          {
            int k = 1;
            for (int i = 0; i < n; i++) {
              if ((i > k ? i : k) % 2 == 0) {
                s = s + x[i % x.length] * s;
              } else {
                s = s * 0.5 + x[(i + 1) % x.length];
              }
            }
          }
          return s;
        }

        @Differentiable(wrt = "x")
        static double helperD(double[] x, int k) {
          double t = 0.1;
          for (int i = 0; i < k; i++) {
            if (i < k / 2) {
              t = t + x[i % x.length] * x[i % x.length];
            } else {
              t = Math.sin(t) * x[i % x.length];
            }
          }
          return t;
        }

        // A condition on a variable assigned by a call, passed to a callee, reassigned later.
        @Differentiable(wrt = "x")
        public static double callAssigned(double[] x, int n) {
          double s = 0.2;
          int k = bump(n);
          for (int i = 0; i < n; i++) {
            if (i < k) {
              s = s * x[i % x.length] + helperD(x, k);
            } else {
              s = Math.sin(s);
            }
            if (i % 2 == 0) {
              k = bump(k);
            }
          }
          if (k > 3) {
            s = s * s;
          }
          return s + helperD(x, k);
        }

        // Recursion: a local assigned once and counters in each frame.
        @Differentiable(wrt = "x")
        public static double rec(double[] x, int depth) {
          if (depth == 0) {
            return x[0];
          }
          int h = depth / 2;
          double s = 0.1;
          for (int i = 0; i < depth; i++) {
            if (i < h) {
              s = s * x[i % x.length] + 0.3;
            } else {
              s = Math.sin(s);
            }
          }
          return s * rec(x, depth - 1) + s;
        }

        // Two decisions on the same variable whose arms assign other variables.
        @Differentiable(wrt = "x")
        public static double twoDecisions(double[] x, int n) {
          double s = 0.2;
          int h = n % 3;
          int a = 1;
          int b = 2;
          for (int i = 0; i < n; i++) {
            if (h == 1) {
              a = a + i;
            } else {
              b = (b * 3) % 5;
            }
            s = s * x[(a + b) % x.length] + 0.1;
            if (h == 1) {
              s = Math.sin(s) * x[a % x.length];
            } else {
              s = s + x[b % x.length];
            }
          }
          return s;
        }
      }
      """;

  private static Compiled compiled;

  @BeforeAll
  static void compile() {
    compiled = InMemory.compile(InMemory.source("cda.P", SOURCE));
  }

  // ---------------------------------------------------------------------------------------------
  // Dual numbers.
  // ---------------------------------------------------------------------------------------------

  private interface Twin {
    Dual run(Dual[] x);
  }

  private static void check(String name, Twin t, double[] x, Object... rest) {
    Differentiated f = compiled.method("cda.P", name);
    Object[] args = new Object[rest.length + 1];
    args[0] = x.clone();
    System.arraycopy(rest, 0, args, 1, rest.length);
    Object[] mine = Check.copy(args);
    Gradient g = f.gradient(mine);
    assertArrayEquals(x, (double[]) mine[0], 0.0, "x restored after the gradient");
    double want = t.run(Dual.seeded(x, -1)).v();
    assertEquals(want, g.value(), 1e-12 * Math.max(1, Math.abs(want)), "value");
    double[] got = (double[]) g.gradient("x");
    for (int j = 0; j < x.length; j++) {
      double d = t.run(Dual.seeded(x, j)).d();
      assertEquals(d, got[j], 1e-12 * Math.max(1, Math.abs(d)), name + " d/dx[" + j + "]");
    }
    double[] buffer = new double[x.length];
    double[] copy = x.clone();
    Object[] pargs = Check.copy(args);
    pargs[0] = copy;
    f.pullback(pargs, 1.0, buffer);
    assertArrayEquals(x, copy, 0.0, "x restored after the pullback");
    assertArrayEquals(got, buffer, 1e-12, "pullback agrees with gradient");
    Check.agrees(f, FD, args);
  }

  private static final double[] X = {0.7, -0.4, 1.1, 0.35, -0.9};

  // ---------------------------------------------------------------------------------------------
  // Twins.
  // ---------------------------------------------------------------------------------------------

  private static int bump(int m) {
    return (m * 3) % 7 + 1;
  }

  private static Dual startByCall(Dual[] x, int n) {
    Dual s = Dual.c(0.5);
    int m = 1;
    for (int r = 0; r < n; r++) {
      for (int j = m; j < m + 3; j++) {
        s = s.times(x[j % x.length]).plus(s.sin());
      }
      m = bump(m);
    }
    return s;
  }

  @Test
  void startChangedByACallAfterTheLoop() {
    for (int n : new int[] {0, 1, 4}) {
      check("startByCall", x -> startByCall(x, n), X, n);
    }
  }

  private static Dual startInBranchAndLoop(Dual[] x, int n) {
    Dual s = Dual.c(0.5);
    int m = 2;
    int q = 1;
    for (int r = 0; r < n; r++) {
      for (int j = m - q; j < m + 2; j++) {
        s = s.times(x[j % x.length]).sin().plus(0.3);
      }
      if (s.v() > 0.8) {
        m = (m * 5) % 4 + 1;
      } else {
        m = m + 2;
      }
      for (int t = 0; t < 2; t++) {
        q = (q * 3 + t) % 3;
      }
    }
    return s;
  }

  @Test
  void startChangedInABranchAndANestedLoop() {
    for (int n : new int[] {1, 3, 5}) {
      check("startInBranchAndLoop", x -> startInBranchAndLoop(x, n), X, n);
    }
  }

  private static Dual reused(Dual[] x, int n) {
    Dual s = Dual.c(0.4);
    int j;
    for (int r = 0; r < 2; r++) {
      for (j = r; j < n; j++) {
        s = s.times(x[j % x.length]).plus(0.1);
      }
      s = s.times(x[j % x.length]);
      for (j = n + r; j > 0; j--) {
        if (j % 2 == 0) {
          s = s.sin().times(x[j % x.length]);
        } else {
          s = s.plus(x[(j + 1) % x.length].times(s));
        }
      }
      s = s.plus(x[j % x.length]);
    }
    return s.times(x[0]);
  }

  @Test
  void aCounterReusedByTwoLoopsAndReadAfterThem() {
    for (int n : new int[] {0, 2, 4}) {
      check("reused", x -> reused(x, n), X, n);
    }
  }

  private static Dual exits(Dual[] x, int n, int stop) {
    Dual s = Dual.c(0.3);
    int m = 1;
    outer:
    for (int i = 0; i < n; i++) {
      for (int j = m; j < m + n; j++) {
        if (j % 3 == 0) {
          continue;
        }
        if (j == i + 3) {
          continue outer;
        }
        s = s.times(x[j % x.length]).sin().plus(0.2);
      }
      for (int k = i; k < n; k++) {
        if (k == stop) {
          break;
        }
        if (k > i + 2) {
          s = s.times(x[k % x.length]);
        }
        if (k == 2 * stop + 1) {
          return s.times(s);
        }
        s = s.plus(x[(k + 1) % x.length].times(0.1));
      }
      m = (m * 7) % 5;
    }
    return s;
  }

  @Test
  void continueBreakAndReturnInCountedLoops() {
    for (int[] a : new int[][] {{3, 1}, {5, 4}, {6, 2}, {6, 9}, {4, 0}}) {
      check("exits", x -> exits(x, a[0], a[1]), X, a[0], a[1]);
    }
  }

  private static Dual parameterCounters(Dual[] x, int n, int m) {
    Dual s = Dual.c(0.6);
    while (m > 0) {
      for (n = m; n < 2 * m + 1; n++) {
        if (n % 2 == 1) {
          s = s.times(x[n % x.length]);
        } else {
          s = s.cos().plus(x[n % x.length]);
        }
      }
      m = m - 1;
    }
    return s.times(n);
  }

  @Test
  void parametersAsCountersAndStarts() {
    for (int[] a : new int[][] {{7, 0}, {7, 1}, {2, 3}, {0, 2}}) {
      check("parameterCounters", x -> parameterCounters(x, a[0], a[1]), X, a[0], a[1]);
    }
  }

  private static Dual eachAndDo(Dual[] x, int n) {
    Dual s = Dual.c(0.2);
    int h = n / 2;
    int c = 0;
    for (Dual v : x) {
      if (c < h) {
        s = s.times(v).plus(0.5);
      } else {
        s = s.plus(v).sin();
      }
      c = c + 1;
    }
    int i = 0;
    do {
      if (i < h || n % 3 == 0) {
        s = s.times(x[i % x.length]);
      } else {
        s = s.plus(x[i % x.length].times(x[i % x.length]));
      }
      i++;
    } while (i < n);
    return s;
  }

  @Test
  void forEachAndDoWhile() {
    for (int n : new int[] {0, 3, 4, 7}) {
      check("eachAndDo", x -> eachAndDo(x, n), X, n);
    }
  }

  private static Dual switches(Dual[] x, int n) {
    Dual s = Dual.c(0.5);
    for (int i = 0; i < n; i++) {
      switch (i % 3) {
        case 0:
          s = s.times(x[i % x.length]);
          break;
        case 1:
          s = s.sin().plus(x[i % x.length]);
          break;
        default:
          s = s.plus(x[i % x.length].times(s).times(0.5));
      }
    }
    switch (n % 2) {
      case 0 -> s = s.times(s);
      default -> s = s.cos();
    }
    return s;
  }

  @Test
  void switchesOnACounterAndAParameter() {
    for (int n : new int[] {0, 4, 7}) {
      check("switches", x -> switches(x, n), X, n);
    }
  }

  private static Dual onceInBranch(Dual[] x, int n) {
    Dual s = Dual.c(0.3);
    if (n > 2) {
      int k = n - 2;
      for (int i = 0; i < n; i++) {
        if (i < k && (i % 2 == 0 || n > 5)) {
          s = s.times(x[i % x.length]);
        } else {
          s = s.sin().plus(x[i % x.length]);
        }
      }
    }
    {
      int k = 1;
      for (int i = 0; i < n; i++) {
        if ((i > k ? i : k) % 2 == 0) {
          s = s.plus(x[i % x.length].times(s));
        } else {
          s = s.times(0.5).plus(x[(i + 1) % x.length]);
        }
      }
    }
    return s;
  }

  @Test
  void aLocalAssignedOnceInABranchAndAShadowingName() {
    for (int n : new int[] {1, 4, 7}) {
      check("onceInBranch", x -> onceInBranch(x, n), X, n);
    }
  }

  private static Dual helperD(Dual[] x, int k) {
    Dual t = Dual.c(0.1);
    for (int i = 0; i < k; i++) {
      if (i < k / 2) {
        t = t.plus(x[i % x.length].times(x[i % x.length]));
      } else {
        t = t.sin().times(x[i % x.length]);
      }
    }
    return t;
  }

  private static Dual callAssigned(Dual[] x, int n) {
    Dual s = Dual.c(0.2);
    int k = bump(n);
    for (int i = 0; i < n; i++) {
      if (i < k) {
        s = s.times(x[i % x.length]).plus(helperD(x, k));
      } else {
        s = s.sin();
      }
      if (i % 2 == 0) {
        k = bump(k);
      }
    }
    if (k > 3) {
      s = s.times(s);
    }
    return s.plus(helperD(x, k));
  }

  @Test
  void aConditionOnAVariableAssignedByCallsAndPassedToACallee() {
    for (int n : new int[] {0, 3, 6}) {
      check("callAssigned", x -> callAssigned(x, n), X, n);
    }
  }

  private static Dual rec(Dual[] x, int depth) {
    if (depth == 0) {
      return x[0];
    }
    int h = depth / 2;
    Dual s = Dual.c(0.1);
    for (int i = 0; i < depth; i++) {
      if (i < h) {
        s = s.times(x[i % x.length]).plus(0.3);
      } else {
        s = s.sin();
      }
    }
    return s.times(rec(x, depth - 1)).plus(s);
  }

  @Test
  void recursion() {
    for (int n : new int[] {0, 1, 4}) {
      check("rec", x -> rec(x, n), X, n);
    }
  }

  private static Dual twoDecisions(Dual[] x, int n) {
    Dual s = Dual.c(0.2);
    int h = n % 3;
    int a = 1;
    int b = 2;
    for (int i = 0; i < n; i++) {
      if (h == 1) {
        a = a + i;
      } else {
        b = (b * 3) % 5;
      }
      s = s.times(x[(a + b) % x.length]).plus(0.1);
      if (h == 1) {
        s = s.sin().times(x[a % x.length]);
      } else {
        s = s.plus(x[b % x.length]);
      }
    }
    return s;
  }

  @Test
  void twoDecisionsOnOneVariable() {
    for (int n : new int[] {2, 4, 6}) {
      check("twoDecisions", x -> twoDecisions(x, n), X, n);
    }
  }
}
