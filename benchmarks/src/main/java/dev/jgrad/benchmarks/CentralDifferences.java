package dev.jgrad.benchmarks;

import java.util.function.DoubleSupplier;

/**
 * Gradients by central finite differences, the baseline every AD method should beat: two
 * evaluations of the objective per input, each perturbing one element of its argument in place
 * and putting it back, so nothing is allocated.
 */
public final class CentralDifferences {
  /** The relative step, the cube root of the machine epsilon, as in {@code GradientCheck}. */
  public static final double STEP = Math.cbrt(Math.ulp(1.0));

  private CentralDifferences() {}

  /**
   * Writes into {@code out[r][i]} the central difference of {@code objective} in
   * {@code arrays[r][i]}: {@code objective} must read its inputs from {@code arrays} (it is
   * usually a lambda that captured them). Returns the value at the unperturbed point.
   */
  public static double gradient(DoubleSupplier objective, double[][] arrays, double[][] out) {
    for (int r = 0; r < arrays.length; r++) {
      double[] a = arrays[r];
      for (int i = 0; i < a.length; i++) {
        double saved = a[i];
        double h = STEP * Math.max(1.0, Math.abs(saved));
        a[i] = saved + h;
        double up = objective.getAsDouble();
        double upAt = a[i];
        a[i] = saved - h;
        double down = objective.getAsDouble();
        // Divide by the step actually taken, after rounding, not by 2h.
        out[r][i] = (up - down) / (upAt - a[i]);
        a[i] = saved;
      }
    }
    return objective.getAsDouble();
  }
}
