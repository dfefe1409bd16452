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
 * When an overwritten array element is saved: only while something the forward sweep already
 * passed reads that array in reverse. A fresh array filled once is not saved; a scratch array
 * refilled on every iteration, and read in between, is.
 */
class ArraySavesTest {
  private static final String SOURCE = """
      package as;

      import dev.jgrad.Differentiable;

      public final class A {
        // e is fresh and each element is written once before anything reads it back.
        @Differentiable
        public static double filled(double[] x) {
          double[] e = new double[x.length];
          for (int i = 0; i < x.length; i++) {
            e[i] = Math.exp(x[i]);
          }
          double s = 0.0;
          for (int i = 0; i < x.length; i++) {
            s += e[i] * x[i];
          }
          return s;
        }

        // work is refilled for every row and read (w * work[j]) before the next refill.
        @Differentiable
        public static double refilled(double[] x, double w) {
          double[] work = new double[x.length];
          double s = 0.0;
          for (int r = 0; r < 3; r++) {
            for (int j = 0; j < x.length; j++) {
              work[j] = x[j] * (r + 1);
            }
            for (int j = 0; j < x.length; j++) {
              s += w * work[j] * work[j];
            }
          }
          return s;
        }
      }
      """;

  @Test
  void aFreshArrayFilledOnceIsNotSaved() {
    Compiled c = InMemory.compile(InMemory.source("as.A", SOURCE));
    String filled = c.generatedMethod("as.AGrad", "double filledPullback(");
    assertFalse(pushes(filled, "e"), filled);
    Differentiated f = c.method("as.A", "filled");
    double[] x = {0.5, -1.0, 2.0};
    // f = sum x_i exp(x_i); df/dx_i = (1 + x_i) exp(x_i).
    Gradient g = f.gradient(x);
    double value = 0;
    double[] grad = new double[3];
    for (int i = 0; i < 3; i++) {
      value += x[i] * Math.exp(x[i]);
      grad[i] = (1 + x[i]) * Math.exp(x[i]);
    }
    assertEquals(value, g.value(), 1e-13);
    assertArrayEquals(grad, (double[]) g.gradient("x"), 1e-13);
    Check.agrees(f, 1e-8, x);
  }

  @Test
  void aScratchArrayReadBetweenRefillsIsSaved() {
    Compiled c = InMemory.compile(InMemory.source("as.A", SOURCE));
    String refilled = c.generatedMethod("as.AGrad", "double refilledPullback(");
    assertTrue(pushes(refilled, "work"), refilled);
    Differentiated f = c.method("as.A", "refilled");
    double[] x = {0.5, -1.0, 2.0};
    double w = 0.75;
    // s = w (1 + 4 + 9) |x|^2: ds/dx = 28 w x, ds/dw = 14 |x|^2.
    double norm = 0.25 + 1 + 4;
    Gradient g = f.gradient(x, w);
    assertEquals(14 * w * norm, g.value(), 1e-12);
    assertArrayEquals(new double[] {28 * w * 0.5, -28 * w, 28 * w * 2},
        (double[]) g.gradient("x"), 1e-12);
    assertEquals(14 * norm, (double) g.gradient("w"), 1e-12);
    Check.agrees(f, 1e-8, x, w);
  }

  /** Whether {@code code} pushes an element of {@code array} on a tape, through a cursor or not. */
  private static boolean pushes(String code, String array) {
    return java.util.regex.Pattern.compile(
        "(\\.push\\(|Top\\+\\+, |Top\\+\\+\\] = )" + array + "\\[").matcher(code).find();
  }
}
