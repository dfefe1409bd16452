package dev.jgrad.processor.functional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgrad.processor.testing.Compiled;
import dev.jgrad.processor.testing.Differentiated;
import dev.jgrad.processor.testing.InMemory;
import dev.jgrad.runtime.Gradient;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A loop that overwrites a whole scratch array, saving what was there, makes saves of later
 * writes to it needless: the reverse of the loop puts every element back before anything
 * earlier reads the array. Loops that might not overwrite it all, or whose own reverse reads
 * other elements of it, keep the later saves.
 */
class FullWritesTest {
  private static final String SOURCE = """
      package fw;

      import dev.jgrad.Differentiable;

      public final class F {
        // z is refilled for every r, then updated in place (an update whose reverse does not
        // read z), then read in reverse (z[j]^2).
        @Differentiable
        public static double refill(double[] x, double w) {
          int d = x.length;
          double[] z = new double[d];
          double s = 0.0;
          for (int r = 1; r <= 3; r++) {
            for (int j = 0; j < d; j++) {
              z[j] = x[j] * r;
            }
            for (int j = 1; j < d; j++) {
              z[j] += w * x[j - 1];
            }
            for (int j = 0; j < d; j++) {
              s += z[j] * z[j];
            }
          }
          return s;
        }

        // The refill's reverse reads z[j - 1], and z[0] changes after it: that change must
        // be saved, or the refill's reverse would read the changed z[0].
        @Differentiable
        public static double chained(double[] x, double w) {
          int d = x.length;
          double[] z = new double[d];
          double s = 0.0;
          for (int r = 1; r <= 2; r++) {
            for (int j = 0; j < d; j++) {
              z[j] = j == 0 ? x[0] * r : z[j - 1] * x[j];
            }
            z[0] = z[0] + w;
            s += z[d - 1] + z[0];
          }
          return s;
        }

        // Stops one short of the end: z[d - 1] keeps its old value.
        @Differentiable
        public static double shortOfTheEnd(double[] x, double w) {
          int d = x.length;
          double[] z = new double[d];
          double s = 0.0;
          for (int r = 1; r <= 2; r++) {
            for (int j = 0; j < d - 1; j++) {
              z[j] = x[j] * r;
            }
            z[d - 1] = z[d - 1] + w * x[0];
            for (int j = 0; j < d; j++) {
              s += z[j] * z[j];
            }
          }
          return s;
        }
      }
      """;

  @Test
  void updatesAfterAWholeRefillAreNotSaved() {
    Compiled c = InMemory.compile(InMemory.source("fw.F", SOURCE));
    String refill = c.generatedMethod("fw.FGrad", "double refillPullback(");
    assertTrue(pushes(refill, "z\\[j\\]"), refill);
    assertFalse(pushes(refill, "z\\[j2\\]"), refill);
    Differentiated f = c.method("fw.F", "refill");
    double[] x = {0.5, -1.0, 2.0};
    double w = 0.3;
    // For each r, z = (r x0, r x1 + w x0, r x2 + w x1), and s = sum_r |z_r|^2.
    double value = 0;
    double[] gx = new double[3];
    double gw = 0;
    for (int r = 1; r <= 3; r++) {
      double z0 = r * x[0];
      double z1 = r * x[1] + w * x[0];
      double z2 = r * x[2] + w * x[1];
      value += z0 * z0 + z1 * z1 + z2 * z2;
      gx[0] += 2 * z0 * r + 2 * z1 * w;
      gx[1] += 2 * z1 * r + 2 * z2 * w;
      gx[2] += 2 * z2 * r;
      gw += 2 * z1 * x[0] + 2 * z2 * x[1];
    }
    Gradient g = f.gradient(x, w);
    assertEquals(value, g.value(), 1e-12);
    assertArrayEquals(gx, (double[]) g.gradient("x"), 1e-12);
    assertEquals(gw, (double) g.gradient("w"), 1e-12);
    Check.agrees(f, 1e-8, x, w);
  }

  @Test
  void aRefillWhoseReverseReadsOtherElementsKeepsLaterSaves() {
    Compiled c = InMemory.compile(InMemory.source("fw.F", SOURCE));
    String chained = c.generatedMethod("fw.FGrad", "double chainedPullback(");
    Differentiated f = c.method("fw.F", "chained");
    double[] x = {0.5, -1.5, 2.0};
    double w = 0.7;
    // For each r, z2 = r x0 x1 x2 and z0 = r x0 + w: s = 3 x0 x1 x2 + 3 x0 + 2 w.
    Gradient g = f.gradient(x, w);
    assertEquals(3 * x[0] * x[1] * x[2] + 3 * x[0] + 2 * w, g.value(), 1e-12);
    assertArrayEquals(new double[] {3 * x[1] * x[2] + 3, 3 * x[0] * x[2], 3 * x[0] * x[1]},
        (double[]) g.gradient("x"), 1e-12);
    assertEquals(2.0, (double) g.gradient("w"), 1e-12);
    Check.agrees(f, 1e-8, x, w);
    assertTrue(pushes(chained, "z\\[0\\]"), chained);
  }

  @Test
  void aLoopThatStopsShortOfTheEndKeepsLaterSaves() {
    Compiled c = InMemory.compile(InMemory.source("fw.F", SOURCE));
    String partial = c.generatedMethod("fw.FGrad", "double shortOfTheEndPullback(");
    assertTrue(pushes(partial, "z\\[d - 1\\]") || partial.contains("= z[d - 1]"), partial);
    Differentiated f = c.method("fw.F", "shortOfTheEnd");
    double[] x = {0.5, -1.5, 2.0};
    double w = 0.7;
    // z = (r x0, r x1, r w x0) for r = 1, 2 (z2 accumulates: w x0, then 2 w x0).
    double value = 5 * (x[0] * x[0] + x[1] * x[1]) + Math.pow(w * x[0], 2)
        + Math.pow(2 * w * x[0], 2);
    Gradient g = f.gradient(x, w);
    assertEquals(value, g.value(), 1e-12);
    assertArrayEquals(new double[] {10 * x[0] + 10 * w * w * x[0], 10 * x[1], 0},
        (double[]) g.gradient("x"), 1e-12);
    assertEquals(10 * w * x[0] * x[0], (double) g.gradient("w"), 1e-12);
    Check.agrees(f, 1e-8, x, w);
  }

  /** Whether {@code code} pushes {@code element} (a regex) on a tape, by cursor or not. */
  private static boolean pushes(String code, String element) {
    return Pattern.compile("(\\.push\\(|Top\\+\\+, |Top\\+\\+\\] = )" + element).matcher(code)
        .find();
  }
}
