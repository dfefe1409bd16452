package dev.jgrad.processor.functional;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jgrad.processor.testing.Differentiated;
import dev.jgrad.runtime.GradientCheck;
import dev.jgrad.runtime.GradientReport;

/** Shared checks for functional tests: value agreement and finite differences. */
final class Check {
  private Check() {}

  /**
   * The generated value equals the plain method's, and the gradient agrees with central finite
   * differences to {@code tolerance}.
   */
  static GradientReport agrees(Differentiated f, double tolerance, Object... args) {
    double plain = f.value(copy(args));
    double generated = f.gradient(copy(args)).value();
    assertEquals(plain, generated, 0.0, "value of the generated method");
    return GradientCheck.check(f.function(), args).assertBelow(tolerance);
  }

  static Object[] copy(Object[] args) {
    Object[] out = args.clone();
    for (int i = 0; i < out.length; i++) {
      if (out[i] instanceof double[]) {
        out[i] = ((double[]) out[i]).clone();
      } else if (out[i] instanceof double[][]) {
        double[][] m = ((double[][]) out[i]).clone();
        for (int r = 0; r < m.length; r++) {
          m[r] = m[r].clone();
        }
        out[i] = m;
      }
    }
    return out;
  }
}
