package dev.jgrad.processor.functional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgrad.processor.testing.Compiled;
import dev.jgrad.processor.testing.Differentiated;
import dev.jgrad.processor.testing.Dual;
import dev.jgrad.processor.testing.InMemory;
import dev.jgrad.runtime.Gradient;
import dev.jgrad.runtime.Workspace;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Adversarial programs for loops that use the tapes through local cursors and reserve their room
 * ahead (commit d7366aa): exits, nested counted loops, down-counting loops, unusual bounds, a
 * counter or a bound changed in the body, for-each, do-while, switch, saved ints and booleans,
 * split pairs, recursion, helpers that run pullbacks, long loops on fresh threads, two threads
 * at once, balance of the tapes and a method that throws half way.
 *
 * <p>Each gradient is checked two ways: against a forward-mode twin of the program written here
 * with dual numbers (exact up to rounding, compared to 1e-12 relative), and against central finite
 * differences through {@link Check#agrees} (the functions are smooth and O(1)-scaled, so 1e-6
 * leaves room for long chains while a wrong term still fails). Long runs start on a fresh thread,
 * whose tapes hold 1024 doubles and 256 ints, so that anything stored past the room a loop
 * reserved runs off the array.
 */
class CursorsAdversarialTest {
  private static final double FD = 1e-6;

  private static final String SOURCE = """
      package cadv;

      import dev.jgrad.Differentiable;

      public final class P {
        // A break: the update is guarded, so no room is reserved; saves before and after it.
        @Differentiable(wrt = "x")
        public static double breaking(double[] x, int n, int stop) {
          double s = 0.3;
          for (int i = 0; i < n; i++) {
            s = Math.sin(s * x[i % x.length]) + 0.25;
            if (i == stop) {
              break;
            }
            s = s * s + 0.1 * x[(i + 1) % x.length];
          }
          return s;
        }

        // Counted loops in counted loops: saves at both levels, <=, a down-counting loop whose
        // bound is an expression, and trip counts on the int tape.
        @Differentiable(wrt = "x")
        public static double nested(double[] x, int n) {
          double s = 0.5;
          for (int i = 0; i < n; i++) {
            double p = x[i % x.length];
            s = s * 0.9 + Math.sin(p * s);
            for (int j = 0; j <= i % 5; j++) {
              p = Math.cos(p) * x[j % x.length];
            }
            for (int k = x.length - 1; k >= i % 3; k--) {
              s = Math.sin(s + p * x[k]);
            }
            s = s * p;
          }
          return s;
        }

        // The counter goes back in the body: more trips than n - i.
        @Differentiable(wrt = "x")
        public static double rewind(double[] x, int n) {
          double s = 0.1;
          int back = 3;
          for (int i = 0; i < n; i++) {
            s = Math.sin(s + x[i % x.length]) * 0.9;
            if (i % 7 == 6 && back > 0) {
              i = i - 5;
              back = back - 1;
            }
          }
          return s;
        }

        // The bound grows in the body: twice the trips the loop starts with.
        @Differentiable(wrt = "x")
        public static double stretch(double[] x, int n) {
          double s = 0.1;
          for (int i = 0; i < n; i++) {
            s = Math.sin(s + x[i % x.length]) * 0.9;
            if (i == 2) {
              n = n * 2;
            }
          }
          return s;
        }

        // A for-each over an array the body reassigns (it iterates over the original), and one
        // over a parameter.
        @Differentiable(wrt = "x")
        public static double each(double[] x, double[] y) {
          double s = 0.2;
          double[] w = y;
          for (double v : w) {
            s = Math.sin(s + v) * v;
            w = x;
          }
          for (double v : x) {
            s = Math.cos(s * v);
          }
          return s + w[0];
        }

        // A do-while runs once even when its condition is false at the start.
        @Differentiable(wrt = "x")
        public static double doWhile(double[] x, int n) {
          double s = 0.4;
          int i = 0;
          do {
            s = Math.sin(s * x[i % x.length]) + 0.5;
            i++;
          } while (i < n);
          return s;
        }

        // A switch with a fall-through-free default.
        @Differentiable(wrt = "x")
        public static double switched(double[] x, int n) {
          double s = 0.4;
          for (int i = 0; i < n; i++) {
            switch (i % 3) {
              case 0:
                s = s * s * x[i % x.length];
                break;
              case 1:
                s = Math.sin(s) + x[i % x.length];
                break;
              default:
                s = s + 0.1;
            }
          }
          return s;
        }

        // An int and a boolean saved every iteration, beside a double.
        @Differentiable(wrt = "x")
        public static double intsAndFlags(double[] x, int n) {
          double s = 0.2;
          int k = 0;
          boolean up = true;
          for (int i = 0; i < n; i++) {
            k = (k * 7 + 3) % x.length;
            up = s < 0.5;
            s = up ? s * x[k] + 0.3 : Math.sin(s) * x[k];
          }
          return s;
        }

        // A return from inside the loop.
        @Differentiable(wrt = "x")
        public static double returning(double[] x, int n, int stop) {
          double s = 0.3;
          for (int i = 0; i < n; i++) {
            s = Math.sin(s) * x[i % x.length] + 0.5;
            if (i == stop) {
              return s * s;
            }
          }
          return s;
        }

        // Bounds: n / 2 with <=, x.length - 1, a shift on the left, a conditional counting
        // down, and Math.min joined with another condition.
        @Differentiable(wrt = "x")
        public static double bounds(double[] x, int n) {
          double s = 0.3;
          for (int i = 0; i <= n / 2; i++) {
            s = Math.sin(s) * x[i % x.length] + 0.5;
          }
          for (int i = 1; i < x.length - 1; i++) {
            s = Math.sin(s * x[i]);
          }
          for (int i = 0; n >> 1 > i; i++) {
            s = Math.cos(s) * x[i % x.length];
          }
          for (int i = n; i > (n > 4 ? n - 4 : 0); i--) {
            s = Math.sin(s) * x[i % x.length];
          }
          for (int i = 0; i < Math.min(n, 3) && s < 100.0; i++) {
            s = s * s * x[i % x.length];
          }
          return s;
        }

        // A labeled continue of the outer loop from the inner one.
        @Differentiable(wrt = "x")
        public static double labeled(double[] x, int n) {
          double s = 0.3;
          outer:
          for (int i = 0; i < n; i++) {
            for (int j = 0; j < 3; j++) {
              s = Math.sin(s + x[j]);
              if (i % 2 == 1 && j == 1) {
                continue outer;
              }
            }
            s = s * x[i % x.length];
          }
          return s;
        }

        // Called from a loop below (a split pair): its own loops work through cursors.
        @Differentiable(wrt = "x")
        public static double callee(double[] x, double w, int m) {
          double q = w;
          for (int j = 0; j < m; j++) {
            q = Math.sin(q * x[j % x.length]) + w;
          }
          for (int j = m; j > 0; j--) {
            if (q > 0.0) {
              q = q * 0.5 + x[j % x.length];
            } else {
              q = q * q;
            }
          }
          return q;
        }

        // A loop that calls: push and pop around the callee's cursors; then a cursor loop.
        @Differentiable(wrt = "x")
        public static double caller(double[] x, int n, int m) {
          double t = 0.1;
          for (int k = 0; k < n; k++) {
            double v = callee(x, 0.3 + 0.01 * k, m);
            t = Math.sin(t) * v;
          }
          for (int k = 0; k < m; k++) {
            t = Math.cos(t * x[k % x.length]);
          }
          return t;
        }

        // Recursion from inside a loop, and a cursor loop at every level.
        @Differentiable(wrt = "x")
        public static double rec(double[] x, int depth) {
          double s = 0.2;
          for (int i = 0; i < x.length; i++) {
            s = Math.sin(s * x[i]) + 0.3;
          }
          if (depth > 0) {
            for (int i = 0; i < 2; i++) {
              s = s * rec(x, depth - 1);
            }
          }
          return s;
        }

        // A helper that runs a generated pullback, called inside a loop and between two loops
        // that work through cursors.
        static double probe(int i) {
          double[] d = new double[3];
          PGrad.nestedPullback(new double[] {0.3, -0.2 + 0.01 * i, 0.5}, 40, 1.0, d);
          return d[1];
        }

        @Differentiable(wrt = "x")
        public static double probing(double[] x, int n) {
          double s = 0.2;
          for (int i = 0; i < n; i++) {
            s = Math.sin(s * x[i % x.length]) + 0.25;
          }
          double c = probe(n);
          for (int i = 0; i < n; i++) {
            s = Math.sin(s + c * x[i % x.length]);
            s = s + 0.01 * probe(i);
          }
          for (int i = 0; i < n; i++) {
            s = Math.cos(s) * x[i % x.length];
          }
          return s;
        }

        // Iterates until it converges, at most maxIter times: the bound is a cap, not a count.
        @Differentiable(wrt = "x")
        public static double converge(double[] x, int maxIter) {
          double s = 1.0;
          for (int i = 0; i < maxIter && s > 1e-3; i++) {
            s = s * (0.5 + 0.1 * Math.sin(x[i % x.length]));
          }
          return s;
        }

        // Throws (index out of bounds) half way through a cursor loop when bad >= 0.
        @Differentiable(wrt = "x")
        public static double throwing(double[] x, int[] idx, int n) {
          double s = 0.3;
          for (int i = 0; i < n; i++) {
            s = Math.sin(s * x[idx[i % idx.length]]) + 0.25;
          }
          return s;
        }
      }
      """;

  // ---------------------------------------------------------------------------------------------
  // Dual numbers: the forward-mode twins the gradients are checked against.
  // ---------------------------------------------------------------------------------------------

  private interface Twin {
    Dual run(Dual[] x);
  }

  /** The generated value and gradient with respect to x equal the twin's to 1e-12 relative. */
  private static void exact(Gradient g, Twin t, double[] x) {
    double[] want = Dual.valueAndGradient(t::run, x);
    assertEquals(want[0], g.value(), 1e-12 * Math.max(1, Math.abs(want[0])), "value");
    double[] got = (double[]) g.gradient("x");
    for (int j = 0; j < x.length; j++) {
      assertEquals(want[j + 1], got[j], 1e-12 * Math.max(1, Math.abs(want[j + 1])),
          "d/dx[" + j + "]");
    }
  }

  private static void exactAndFd(Differentiated f, Twin t, double[] x, Object... rest) {
    Object[] args = new Object[rest.length + 1];
    args[0] = x.clone();
    System.arraycopy(rest, 0, args, 1, rest.length);
    exact(f.gradient(Check.copy(args)), t, x);
    Check.agrees(f, FD, args);
  }

  /** Runs the gradient on a new thread, whose tapes start at their initial capacity. */
  private static Gradient onFreshThread(Differentiated f, Object... args) throws Exception {
    Gradient[] out = new Gradient[1];
    Throwable[] failure = new Throwable[1];
    Thread t = new Thread(() -> {
      try {
        out[0] = f.gradient(Check.copy(args));
      } catch (Throwable e) {
        failure[0] = e;
      }
    });
    t.start();
    t.join();
    if (failure[0] != null) {
      throw new AssertionError("on a fresh thread: " + failure[0], failure[0]);
    }
    return out[0];
  }

  /** Fresh thread, then this thread twice: all bit-identical, and the twin agrees. */
  private static void longRun(Differentiated f, Twin t, double[] x, Object... rest)
      throws Exception {
    Object[] args = new Object[rest.length + 1];
    args[0] = x.clone();
    System.arraycopy(rest, 0, args, 1, rest.length);
    Gradient fresh = onFreshThread(f, args);
    int doubles = Workspace.current().doubles().size();
    int ints = Workspace.current().ints().size();
    Gradient warm = f.gradient(Check.copy(args));
    Gradient again = f.gradient(Check.copy(args));
    assertEquals(doubles, Workspace.current().doubles().size(), "doubles left on the tape");
    assertEquals(ints, Workspace.current().ints().size(), "ints left on the tape");
    assertEquals(f.value(Check.copy(args)), fresh.value(), 0.0);
    assertEquals(fresh.value(), warm.value(), 0.0);
    assertArrayEquals((double[]) fresh.gradient("x"), (double[]) warm.gradient("x"), 0.0);
    assertArrayEquals((double[]) warm.gradient("x"), (double[]) again.gradient("x"), 0.0);
    exact(fresh, t, x);
  }

  private static Compiled compiled;

  private static synchronized Compiled compiled() {
    if (compiled == null) {
      compiled = InMemory.compile(InMemory.source("cadv.P", SOURCE));
    }
    return compiled;
  }

  private static String pullback(String name) {
    return compiled().generatedMethod("cadv.PGrad", "double " + name + "Pullback(");
  }

  // ---------------------------------------------------------------------------------------------
  // Twins
  // ---------------------------------------------------------------------------------------------

  private static Twin breaking(int n, int stop) {
    return x -> {
      Dual s = new Dual(0.3, 0);
      for (int i = 0; i < n; i++) {
        s = s.times(x[i % x.length]).sin().plus(0.25);
        if (i == stop) {
          break;
        }
        s = s.times(s).plus(x[(i + 1) % x.length].times(0.1));
      }
      return s;
    };
  }

  private static Twin nested(int n) {
    return x -> {
      Dual s = new Dual(0.5, 0);
      for (int i = 0; i < n; i++) {
        Dual p = x[i % x.length];
        s = s.times(0.9).plus(p.times(s).sin());
        for (int j = 0; j <= i % 5; j++) {
          p = p.cos().times(x[j % x.length]);
        }
        for (int k = x.length - 1; k >= i % 3; k--) {
          s = s.plus(p.times(x[k])).sin();
        }
        s = s.times(p);
      }
      return s;
    };
  }

  private static Twin rewind(int n) {
    return x -> {
      Dual s = new Dual(0.1, 0);
      int back = 3;
      for (int i = 0; i < n; i++) {
        s = s.plus(x[i % x.length]).sin().times(0.9);
        if (i % 7 == 6 && back > 0) {
          i = i - 5;
          back = back - 1;
        }
      }
      return s;
    };
  }

  private static Twin stretch(int n0) {
    return x -> {
      int n = n0;
      Dual s = new Dual(0.1, 0);
      for (int i = 0; i < n; i++) {
        s = s.plus(x[i % x.length]).sin().times(0.9);
        if (i == 2) {
          n = n * 2;
        }
      }
      return s;
    };
  }

  /** The twin of each(x, y) with y constant. */
  private static Twin each(double[] y) {
    return x -> {
      Dual s = new Dual(0.2, 0);
      for (double yv : y) {
        Dual v = new Dual(yv, 0);
        s = s.plus(v).sin().times(v);
      }
      for (Dual v : x) {
        s = s.times(v).cos();
      }
      // y is not empty, so w is x after the first loop.
      return s.plus(x[0]);
    };
  }

  private static Twin doWhile(int n) {
    return x -> {
      Dual s = new Dual(0.4, 0);
      int i = 0;
      do {
        s = s.times(x[i % x.length]).sin().plus(0.5);
        i++;
      } while (i < n);
      return s;
    };
  }

  private static Twin switched(int n) {
    return x -> {
      Dual s = new Dual(0.4, 0);
      for (int i = 0; i < n; i++) {
        switch (i % 3) {
          case 0:
            s = s.times(s).times(x[i % x.length]);
            break;
          case 1:
            s = s.sin().plus(x[i % x.length]);
            break;
          default:
            s = s.plus(0.1);
        }
      }
      return s;
    };
  }

  private static Twin intsAndFlags(int n) {
    return x -> {
      Dual s = new Dual(0.2, 0);
      int k = 0;
      for (int i = 0; i < n; i++) {
        k = (k * 7 + 3) % x.length;
        boolean up = s.v() < 0.5;
        s = up ? s.times(x[k]).plus(0.3) : s.sin().times(x[k]);
      }
      return s;
    };
  }

  private static Twin returning(int n, int stop) {
    return x -> {
      Dual s = new Dual(0.3, 0);
      for (int i = 0; i < n; i++) {
        s = s.sin().times(x[i % x.length]).plus(0.5);
        if (i == stop) {
          return s.times(s);
        }
      }
      return s;
    };
  }

  private static Twin bounds(int n) {
    return x -> {
      Dual s = new Dual(0.3, 0);
      for (int i = 0; i <= n / 2; i++) {
        s = s.sin().times(x[i % x.length]).plus(0.5);
      }
      for (int i = 1; i < x.length - 1; i++) {
        s = s.times(x[i]).sin();
      }
      for (int i = 0; n >> 1 > i; i++) {
        s = s.cos().times(x[i % x.length]);
      }
      for (int i = n; i > (n > 4 ? n - 4 : 0); i--) {
        s = s.sin().times(x[i % x.length]);
      }
      for (int i = 0; i < Math.min(n, 3) && s.v() < 100.0; i++) {
        s = s.times(s).times(x[i % x.length]);
      }
      return s;
    };
  }

  private static Twin labeled(int n) {
    return x -> {
      Dual s = new Dual(0.3, 0);
      outer:
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < 3; j++) {
          s = s.plus(x[j]).sin();
          if (i % 2 == 1 && j == 1) {
            continue outer;
          }
        }
        s = s.times(x[i % x.length]);
      }
      return s;
    };
  }

  private static Dual callee(Dual[] x, Dual w, int m) {
    Dual q = w;
    for (int j = 0; j < m; j++) {
      q = q.times(x[j % x.length]).sin().plus(w);
    }
    for (int j = m; j > 0; j--) {
      q = q.v() > 0.0 ? q.times(0.5).plus(x[j % x.length]) : q.times(q);
    }
    return q;
  }

  private static Twin callee(double w, int m) {
    return x -> callee(x, new Dual(w, 0), m);
  }

  private static Twin caller(int n, int m) {
    return x -> {
      Dual t = new Dual(0.1, 0);
      for (int k = 0; k < n; k++) {
        Dual v = callee(x, new Dual(0.3 + 0.01 * k, 0), m);
        t = t.sin().times(v);
      }
      for (int k = 0; k < m; k++) {
        t = t.times(x[k % x.length]).cos();
      }
      return t;
    };
  }

  private static Dual rec(Dual[] x, int depth) {
    Dual s = new Dual(0.2, 0);
    for (Dual xi : x) {
      s = s.times(xi).sin().plus(0.3);
    }
    if (depth > 0) {
      for (int i = 0; i < 2; i++) {
        s = s.times(rec(x, depth - 1));
      }
    }
    return s;
  }

  private static Twin throwing(int[] idx, int n) {
    return x -> {
      Dual s = new Dual(0.3, 0);
      for (int i = 0; i < n; i++) {
        s = s.times(x[idx[i % idx.length]]).sin().plus(0.25);
      }
      return s;
    };
  }

  private static final double[] X4 = {0.8, -0.6, 0.5, 0.3};

  // ---------------------------------------------------------------------------------------------
  // Tests
  // ---------------------------------------------------------------------------------------------

  @Test
  void aBreakGuardsTheUpdateAndNothingIsReserved() throws Exception {
    Differentiated f = compiled().method("cadv.P", "breaking");
    String code = pullback("breaking");
    assertTrue(code.contains("doubleTape.items()"), code);
    assertFalse(code.contains(".reserve("), code);
    exactAndFd(f, breaking(9, 3), X4, 9, 3);
    exactAndFd(f, breaking(9, -1), X4, 9, -1);
    exactAndFd(f, breaking(9, 0), X4, 9, 0);
    longRun(f, breaking(3000, 2500), X4, 3000, 2500);
  }

  @Test
  void nestedCountedLoopsReserveAtTheInnermostLevelOnly() throws Exception {
    Differentiated f = compiled().method("cadv.P", "nested");
    String code = pullback("nested");
    // Both inner loops reserve; the outer one, with saves in nested loops, does not.
    assertEquals(2, code.split("\\.reserve\\(", -1).length - 1, code);
    for (int n : new int[] {0, 1, 2, 7, 11}) {
      exactAndFd(f, nested(n), X4, n);
    }
    longRun(f, nested(2000), X4, 2000);
    // A longer x: the down-counting inner loop runs many times per outer iteration.
    double[] x = new double[600];
    for (int i = 0; i < x.length; i++) {
      x[i] = 0.9 * Math.sin(1.7 * i);
    }
    longRun(f, nested(7), x, 7);
  }

  @Test
  void aCounterMovedBackInTheBodyReservesNothing() throws Exception {
    Differentiated f = compiled().method("cadv.P", "rewind");
    assertFalse(pullback("rewind").contains(".reserve("), pullback("rewind"));
    exactAndFd(f, rewind(20), X4, 20);
    // 1500 + 15 trips with one double each, from a fresh 1024-slot tape.
    longRun(f, rewind(1500), X4, 1500);
  }

  @Test
  void aBoundChangedInTheBodyReservesNothing() throws Exception {
    Differentiated f = compiled().method("cadv.P", "stretch");
    assertFalse(pullback("stretch").contains(".reserve("), pullback("stretch"));
    exactAndFd(f, stretch(5), X4, 5);
    // The loop starts with 1100 trips and runs 2200: room for 1100 would run off 2048 slots.
    longRun(f, stretch(1100), X4, 1100);
  }

  @Test
  void forEachOverAReassignedArrayIteratesTheOriginal() throws Exception {
    Differentiated f = compiled().method("cadv.P", "each");
    assertTrue(pullback("each").contains(".reserve("), pullback("each"));
    double[] y = {0.4, -0.3, 0.9};
    exactAndFd(f, each(y), X4, y);
    double[] longY = new double[1500];
    for (int i = 0; i < longY.length; i++) {
      longY[i] = 0.5 * Math.cos(0.3 * i);
    }
    longRun(f, each(longY), X4, longY);
  }

  @Test
  void aDoWhileRunsOnceWhenItsConditionStartsFalse() throws Exception {
    Differentiated f = compiled().method("cadv.P", "doWhile");
    exactAndFd(f, doWhile(0), X4, 0);
    exactAndFd(f, doWhile(-5), X4, -5);
    exactAndFd(f, doWhile(6), X4, 6);
    longRun(f, doWhile(3000), X4, 3000);
  }

  @Test
  void aSwitchInACountedLoop() throws Exception {
    Differentiated f = compiled().method("cadv.P", "switched");
    exactAndFd(f, switched(8), X4, 8);
    longRun(f, switched(3001), X4, 3001);
  }

  @Test
  void intsAndBooleansSavedEachIteration() throws Exception {
    Differentiated f = compiled().method("cadv.P", "intsAndFlags");
    String code = pullback("intsAndFlags");
    assertTrue(code.contains("ints = intTape.reserve(ints, intTop, ((long) n - i) * 2)"), code);
    exactAndFd(f, intsAndFlags(10), X4, 10);
    // 600 trips push 1200 ints: past the 256 a fresh int tape holds.
    longRun(f, intsAndFlags(600), X4, 600);
  }

  @Test
  void aReturnFromInsideALoop() throws Exception {
    Differentiated f = compiled().method("cadv.P", "returning");
    exactAndFd(f, returning(8, 3), X4, 8, 3);
    exactAndFd(f, returning(8, 0), X4, 8, 0);
    exactAndFd(f, returning(8, 20), X4, 8, 20);
    longRun(f, returning(4000, 3500), X4, 4000, 3500);
  }

  @Test
  void boundsOfEveryShapeReserveEnough() throws Exception {
    Differentiated f = compiled().method("cadv.P", "bounds");
    String code = pullback("bounds");
    // Every loop but the last, whose cap is joined with another test by &&.
    assertEquals(4, code.split("\\.reserve\\(", -1).length - 1, code);
    for (int n : new int[] {0, 1, 2, 3, 4, 5, 9}) {
      exactAndFd(f, bounds(n), X4, n);
    }
    double[] x = new double[1400];
    for (int i = 0; i < x.length; i++) {
      x[i] = 0.9 * Math.cos(0.7 * i);
    }
    longRun(f, bounds(2001), x, 2001);
  }

  @Test
  void aLabeledContinueOfTheOuterLoop() throws Exception {
    Differentiated f = compiled().method("cadv.P", "labeled");
    exactAndFd(f, labeled(7), X4, 7);
    longRun(f, labeled(1500), X4, 1500);
  }

  @Test
  void aSplitPairsCursorsInsideACallersPushes() throws Exception {
    Differentiated callee = compiled().method("cadv.P", "callee");
    assertTrue(compiled().generatedMethod("cadv.PGrad", "double calleeForward(")
        .contains(".reserve("));
    Differentiated caller = compiled().method("cadv.P", "caller");
    String code = pullback("caller");
    assertTrue(code.contains("calleeForward("), code);
    assertTrue(code.contains("doubleTape.push("), code);
    // callee's own pullback, with w fixed to compare the twin's x gradient.
    Gradient g = callee.gradient(X4.clone(), 0.35, 6);
    exact(g, callee(0.35, 6), X4);
    Check.agrees(callee, FD, X4.clone(), 0.35, 6);
    exactAndFd(caller, caller(5, 6), X4, 5, 6);
    longRun(caller, caller(40, 700), X4, 40, 700);
  }

  @Test
  void recursionInALoopAroundCursorLoops() throws Exception {
    Differentiated f = compiled().method("cadv.P", "rec");
    for (int depth = 0; depth <= 3; depth++) {
      int d = depth;
      exactAndFd(f, x -> rec(x, d), X4, depth);
    }
    double[] x = new double[300];
    for (int i = 0; i < x.length; i++) {
      x[i] = 0.9 * Math.sin(0.37 * i + 0.2);
    }
    longRun(f, xs -> rec(xs, 4), x, 4);
  }

  @Test
  void aHelperThatRunsAPullbackBetweenCursorLoops() throws Exception {
    Differentiated f = compiled().method("cadv.P", "probing");
    String code = pullback("probing");
    // The first and last loops call nothing; the middle one calls probe.
    // (each wrapped once in the forward sweep and once in the reverse sweep).
    assertEquals(4, code.split("doubles = doubleTape.items\\(\\)", -1).length - 1, code);
    Class<?> p = compiled().loadClass("cadv.P");
    java.lang.reflect.Method probe = p.getDeclaredMethod("probe", int.class);
    probe.setAccessible(true);
    for (int n : new int[] {1, 4, 9}) {
      double[] c = new double[n + 1];
      for (int i = 0; i <= n; i++) {
        c[i] = (Double) probe.invoke(null, i);
      }
      int nn = n;
      Twin t = x -> {
        Dual s = new Dual(0.2, 0);
        for (int i = 0; i < nn; i++) {
          s = s.times(x[i % x.length]).sin().plus(0.25);
        }
        for (int i = 0; i < nn; i++) {
          s = s.plus(x[i % x.length].times(c[nn])).sin();
          s = s.plus(0.01 * c[i]);
        }
        for (int i = 0; i < nn; i++) {
          s = s.cos().times(x[i % x.length]);
        }
        return s;
      };
      exactAndFd(f, t, X4, n);
    }
  }

  @Test
  void twoThreadsAtOnceGiveTheSingleThreadBits() throws Exception {
    Differentiated nested = compiled().method("cadv.P", "nested");
    Differentiated caller = compiled().method("cadv.P", "caller");
    Gradient a = nested.gradient(X4.clone(), 1200);
    Gradient b = caller.gradient(X4.clone(), 20, 300);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Gradient[]>> results = new ArrayList<>();
      for (int t = 0; t < 2; t++) {
        int which = t;
        Callable<Gradient[]> task = () -> {
          start.await();
          Gradient[] out = new Gradient[20];
          for (int k = 0; k < out.length; k++) {
            out[k] = (k + which) % 2 == 0 ? nested.gradient(X4.clone(), 1200)
                : caller.gradient(X4.clone(), 20, 300);
          }
          return out;
        };
        results.add(pool.submit(task));
      }
      start.countDown();
      for (int t = 0; t < 2; t++) {
        Gradient[] out = results.get(t).get(120, TimeUnit.SECONDS);
        for (int k = 0; k < out.length; k++) {
          Gradient want = (k + t) % 2 == 0 ? a : b;
          assertEquals(want.value(), out[k].value(), 0.0);
          assertArrayEquals((double[]) want.gradient("x"), (double[]) out[k].gradient("x"), 0.0);
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aCallThatThrowsHalfWayDoesNotBreakTheNextOne() throws Exception {
    Differentiated f = compiled().method("cadv.P", "throwing");
    int[] good = {0, 1, 2, 3, 2, 1};
    int[] bad = {0, 1, 2, 3, 2, 1, 0, 3, 9};
    Gradient before = onFreshThread(f, X4.clone(), good, 2000);
    Gradient[] after = new Gradient[2];
    Throwable[] thrown = new Throwable[1];
    Thread t = new Thread(() -> {
      try {
        f.gradient(X4.clone(), bad, 5000);
      } catch (Throwable e) {
        thrown[0] = e;
      }
      after[0] = f.gradient(X4.clone(), good, 2000);
      try {
        f.gradient(X4.clone(), bad, 900);
      } catch (Throwable e) {
        thrown[0] = e;
      }
      after[1] = f.gradient(X4.clone(), good, 2000);
    });
    t.start();
    t.join();
    assertTrue(thrown[0] instanceof ArrayIndexOutOfBoundsException, String.valueOf(thrown[0]));
    for (Gradient g : after) {
      assertEquals(before.value(), g.value(), 0.0);
      assertArrayEquals((double[]) before.gradient("x"), (double[]) g.gradient("x"), 0.0);
    }
    exact(before, throwing(good, 2000), X4);
    Check.agrees(f, FD, X4.clone(), good, 50);
    assertThrows(ArrayIndexOutOfBoundsException.class, () -> f.gradient(X4.clone(), bad, 9));
  }

  private static Twin converge(int maxIter) {
    return x -> {
      Dual s = new Dual(1.0, 0);
      for (int i = 0; i < maxIter && s.v() > 1e-3; i++) {
        s = s.times(x[i % x.length].sin().times(0.1).plus(0.5));
      }
      return s;
    };
  }

  @Test
  void aLargeCapOnALoopThatExitsEarlyReservesWhatItNeeds() throws Exception {
    Differentiated f = compiled().method("cadv.P", "converge");
    exactAndFd(f, converge(100), X4, 100);
    // The loop stops after about ten trips, whatever the cap.
    exactAndFd(f, converge(Integer.MAX_VALUE), X4, Integer.MAX_VALUE);
  }

  // ---------------------------------------------------------------------------------------------
  // A static final field read inside a cursor loop: its class's initializer runs there.
  // ---------------------------------------------------------------------------------------------

  private static final String STALE = """
      package cstale;

      import dev.jgrad.Differentiable;

      public final class S {
        private S() {}

        @Differentiable(wrt = "x")
        public static double work(double[] x, int n) {
          double s = 0.5;
          for (int i = 0; i < n; i++) {
            s = Math.sin(s * x[i % x.length]) + 0.25;
          }
          return s;
        }

        @Differentiable(wrt = "x")
        public static double stale(double[] x, int n) {
          double s = 0.3;
          for (int i = 0; i < n; i++) {
            s = Math.sin(s * x[i % x.length]) + Init.K;
          }
          return s;
        }
      }
      """;

  private static final String INIT = """
      package cstale;

      // Computed by a generated pullback when Init is first initialized: inside the loop of
      // S.stale, when nothing has read Init.K before.
      final class Init {
        static final double K = kick();

        private Init() {}

        static double kick() {
          double[] x = {0.9, -0.4, 0.7};
          return 0.001 * SGrad.workPullback(x, 3000, 1.0, new double[3]);
        }
      }
      """;

  @Test
  void aStaticInitializerRunInsideACursorLoopSeesTheTrueTops() throws Exception {
    Compiled c = InMemory.compile(InMemory.source("cstale.S", STALE),
        InMemory.source("cstale.Init", INIT));
    Differentiated stale = c.method("cstale.S", "stale");
    double[] x = X4.clone();
    int n = 2000;
    // First: Init is not initialized yet, so reading Init.K inside the loop runs kick() there.
    Gradient first = onFreshThread(stale, x.clone(), n);
    Gradient second = onFreshThread(stale, x.clone(), n);
    double k = (Double) readK(c);
    Twin t = xs -> {
      Dual s = new Dual(0.3, 0);
      for (int i = 0; i < n; i++) {
        s = s.times(xs[i % xs.length]).sin().plus(k);
      }
      return s;
    };
    exact(second, t, x);
    Check.agrees(stale, FD, x.clone(), n);
    assertArrayEquals((double[]) second.gradient("x"), (double[]) first.gradient("x"), 0.0);
  }

  private static Object readK(Compiled c) throws Exception {
    java.lang.reflect.Field f = c.loadClass("cstale.Init").getDeclaredField("K");
    f.setAccessible(true);
    return f.get(null);
  }
}
