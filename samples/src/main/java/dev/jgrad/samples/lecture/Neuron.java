package dev.jgrad.samples.lecture;

import dev.jgrad.Differentiable;
import java.util.Locale;

/**
 * The lecture's two-input sigmoid neuron, written out gate by gate as on the slide.
 *
 * <p>Its gradient needs only the output: {@code sigma'(s) = sigma(s) (1 - sigma(s))}, which the
 * generated code reaches by chaining the {@code exp}, add and reciprocal gates one by one.
 */
public final class Neuron {
  private Neuron() {}

  /** Returns {@code 1 / (1 + exp(-(w0 x0 + w1 x1 + w2)))}; {@code w2} is the bias. */
  @Differentiable
  public static double fire(double w0, double x0, double w1, double x1, double w2) {
    return 1.0 / (1.0 + Math.exp(-(w0 * x0 + w1 * x1 + w2)));
  }

  /** Prints the value and gradient at the lecture's point {@code w = (2, -3, -3), x = (-1, -2)}. */
  public static void main(String[] args) {
    NeuronGrad.Fire g = NeuronGrad.fire(2, -1, -3, -2, -3);
    System.out.printf(Locale.ROOT, "value %.4f%n", g.value());
    System.out.printf(Locale.ROOT, "dw = (%.3f, %.3f, %.3f)%n", g.dW0(), g.dW1(), g.dW2());
    System.out.printf(Locale.ROOT, "dx = (%.3f, %.3f)%n", g.dX0(), g.dX1());
  }
}
