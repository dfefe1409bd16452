package dev.jgrad.processor.functional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jgrad.processor.testing.Compiled;
import dev.jgrad.processor.testing.Differentiated;
import dev.jgrad.processor.testing.InMemory;
import dev.jgrad.runtime.Gradient;
import java.util.ArrayList;
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
 * Generated gradients called from 8 threads at once give exactly the single-thread results: the
 * tapes are per thread, and nothing else is shared.
 */
class ThreadsTest {
  private static final int THREADS = 8;
  private static final int CALLS = 200;

  @Test
  void eightThreadsGiveTheSingleThreadBits() throws Exception {
    Compiled c = InMemory.compile(InMemory.source("thr.T", """
        package thr;

        import dev.jgrad.Differentiable;

        public final class T {
          @Differentiable
          public static double f(double[] w, double x, int depth) {
            double s = 0.0;
            for (int i = 0; i < w.length; i++) {
              double t = Math.tanh(w[i] * x + s);
              if (t > 0.1) {
                s += t * t;
              } else {
                s -= 0.5 * t;
              }
            }
            return depth == 0 ? s : s * f(w, x * 0.9, depth - 1);
          }
        }
        """));
    Differentiated f = c.method("thr.T", "f");
    List<Object[]> inputs = new ArrayList<>();
    SplittableRandom r = new SplittableRandom(7);
    for (int k = 0; k < CALLS; k++) {
      double[] w = new double[8 + r.nextInt(24)];
      for (int i = 0; i < w.length; i++) {
        w[i] = r.nextDouble(-1, 1);
      }
      inputs.add(new Object[] {w, r.nextDouble(-2, 2), r.nextInt(4)});
    }
    List<Gradient> expected = new ArrayList<>();
    for (Object[] in : inputs) {
      expected.add(f.gradient(Check.copy(in)));
    }
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<List<Gradient>>> results = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int offset = t;
        Callable<List<Gradient>> task = () -> {
          start.await();
          List<Gradient> out = new ArrayList<>();
          for (int k = 0; k < CALLS; k++) {
            out.add(f.gradient(Check.copy(inputs.get((k + offset * 17) % CALLS))));
          }
          return out;
        };
        results.add(pool.submit(task));
      }
      start.countDown();
      for (int t = 0; t < THREADS; t++) {
        List<Gradient> got = results.get(t).get(2, TimeUnit.MINUTES);
        for (int k = 0; k < CALLS; k++) {
          Gradient want = expected.get((k + t * 17) % CALLS);
          assertEquals(want.value(), got.get(k).value(), 0.0);
          assertEquals((Double) want.gradient("x"), (Double) got.get(k).gradient("x"), 0.0);
          assertArrayEquals((double[]) want.gradient("w"), (double[]) got.get(k).gradient("w"),
              0.0);
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
