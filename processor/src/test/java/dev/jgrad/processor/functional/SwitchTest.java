package dev.jgrad.processor.functional;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jgrad.processor.testing.Compiled;
import dev.jgrad.processor.testing.Differentiated;
import dev.jgrad.processor.testing.InMemory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code switch} statements (with fall-through, break, continue) and switch expressions. */
class SwitchTest {
  private static Compiled compiled;

  @BeforeAll
  static void compile() {
    compiled = InMemory.compile(InMemory.source("sw.Sw", """
        package sw;

        import dev.jgrad.Differentiable;

        @SuppressWarnings("fallthrough")
        public final class Sw {
          @Differentiable
          public static double fall(double x, double y, int k) {
            double s = 0.0;
            for (int i = 0; i < 4; i++) {
              switch ((k + i) % 4) {
                case 0:
                  s += x * y;
                case 1:
                  s += Math.sin(x);
                  break;
                case 2:
                  if (x > 0.3) {
                    continue;
                  }
                  s -= y * y;
                  break;
                default:
                  s *= 1.5;
              }
            }
            return s;
          }

          @Differentiable
          public static double arrow(double x, double y, int k) {
            double w = switch (k) {
              case 0, 1 -> x * y;
              case 2 -> {
                double t = Math.exp(x);
                yield t * y;
              }
              default -> 2;
            };
            switch (k) {
              case 1 -> w += x;
              case 2 -> {
                return w * x;
              }
              default -> w -= y;
            }
            return w * w;
          }
        }
        """));
  }

  @Test
  void fallThroughBreakAndContinueAgreeWithFiniteDifferences() {
    Differentiated f = compiled.method("sw.Sw", "fall");
    for (int k = 0; k < 5; k++) {
      Check.agrees(f, 1e-8, 0.4, 1.3, k);
      Check.agrees(f, 1e-8, 0.2, -0.7, k);
    }
  }

  @Test
  void fallThroughHasTheExactGradient() {
    // k = 0: i=0 enters case 0 and falls into case 1; i=1 case 1; i=2 case 2 (x > 0.3:
    // continue); i=3 default. s = 1.5 * (x*y + 2 sin x).
    Differentiated f = compiled.method("sw.Sw", "fall");
    double x = 0.4;
    double y = 1.3;
    var g = f.gradient(x, y, 0);
    assertEquals(1.5 * (y + 2 * Math.cos(x)), (double) g.gradient("x"), 1e-15);
    assertEquals(1.5 * x, (double) g.gradient("y"), 1e-15);
  }

  @Test
  void switchExpressionsAndArrowsAgreeWithFiniteDifferences() {
    Differentiated f = compiled.method("sw.Sw", "arrow");
    for (int k = -1; k < 4; k++) {
      Check.agrees(f, 1e-8, 0.4, 1.3, k);
      Check.agrees(f, 1e-8, -0.9, 0.6, k);
    }
  }

  @Test
  void yieldFromABlockHasTheExactGradient() {
    // k = 2: w = exp(x) y, then return w x.
    Differentiated f = compiled.method("sw.Sw", "arrow");
    double x = 0.4;
    double y = 1.3;
    var g = f.gradient(x, y, 2);
    assertEquals(Math.exp(x) * y * (x + 1), (double) g.gradient("x"), 1e-14);
    assertEquals(Math.exp(x) * x, (double) g.gradient("y"), 1e-15);
  }
}
