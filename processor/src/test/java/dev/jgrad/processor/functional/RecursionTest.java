package dev.jgrad.processor.functional;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jgrad.processor.testing.Compiled;
import dev.jgrad.processor.testing.Differentiated;
import dev.jgrad.processor.testing.InMemory;
import org.junit.jupiter.api.Test;

/** Direct and mutual recursion: each level's reverse sweep calls the next level's pullback. */
class RecursionTest {
  @Test
  void mutualRecursionAgreesWithTheClosedForm() {
    Compiled c = InMemory.compile(InMemory.source("rec.R", """
        package rec;

        import dev.jgrad.Differentiable;

        public final class R {
          @Differentiable
          public static double even(double x, int n) {
            if (n == 0) {
              return 1.0;
            }
            return x * odd(x, n - 1);
          }

          @Differentiable
          public static double odd(double x, int n) {
            if (n == 0) {
              return 1.0;
            }
            return 2.0 * x * even(x, n - 1);
          }
        }
        """));
    Differentiated even = c.method("rec.R", "even");
    // even(x, 5) = x * 2x * x * 2x * x = 4 x^5.
    double x = 1.3;
    assertEquals(4 * Math.pow(x, 5), even.value(x, 5), 1e-12);
    assertEquals(20 * Math.pow(x, 4), (double) even.gradient(x, 5).gradient("x"), 1e-12);
    for (int n = 0; n < 6; n++) {
      Check.agrees(even, 1e-8, 0.7, n);
      Check.agrees(c.method("rec.R", "odd"), 1e-8, -1.1, n);
    }
  }
}
