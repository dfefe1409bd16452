package dev.jgrad.samples.lecture;

import dev.jgrad.Differentiable;
import java.util.Locale;

/**
 * The smallest circuit of the backpropagation lecture: an add gate feeding a multiply gate.
 *
 * <p>The add gate hands its upstream gradient unchanged to both inputs, and the multiply gate
 * hands each input the other input times the upstream gradient; so {@code df/dx = df/dy = z} and
 * {@code df/dz = x + y}.
 */
public final class Gates {
  private Gates() {}

  /** Returns {@code (x + y) * z}. */
  @Differentiable
  public static double f(double x, double y, double z) {
    double q = x + y;
    return q * z;
  }

  /** Prints the value and gradient at the lecture's point {@code (-2, 5, -4)}. */
  public static void main(String[] args) {
    GatesGrad.F g = GatesGrad.f(-2, 5, -4);
    System.out.printf(Locale.ROOT, "f(-2, 5, -4) = %s%n", g.value());
    System.out.printf(Locale.ROOT, "df/dx = %s, df/dy = %s, df/dz = %s%n",
        g.dX(), g.dY(), g.dZ());
  }
}
