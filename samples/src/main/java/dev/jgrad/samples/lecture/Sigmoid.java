package dev.jgrad.samples.lecture;

import dev.jgrad.Differentiable;
import java.util.Arrays;

/**
 * Backward rules written by hand, the way a custom autograd function supplies one. jgrad calls
 * the rule wherever the method is called, instead of deriving the method's body.
 */
public final class Sigmoid {
  private Sigmoid() {}

  /** The logistic function; its rule reuses the output instead of recomputing exp. */
  @Differentiable(backward = "sigmoidBackward")
  public static double sigmoid(double x) {
    return 1.0 / (1.0 + Math.exp(-x));
  }

  /** d sigmoid / dx = (1 - out) out. */
  static double sigmoidBackward(double x, double out, double upstream) {
    return upstream * (1.0 - out) * out;
  }

  /**
   * Log-sum-exp through streams and a lambda, which jgrad cannot read: with a rule, the body may
   * be any Java, a library call included.
   */
  @Differentiable(backward = "logSumExpBackward")
  public static double logSumExp(double[] x) {
    double top = Arrays.stream(x).max().orElse(0.0);
    return top + Math.log(Arrays.stream(x).map(v -> Math.exp(v - top)).sum());
  }

  /** The gradient of log-sum-exp is the softmax: exp(x_i - out). */
  static void logSumExpBackward(double[] x, double out, double upstream, double[] dX) {
    for (int i = 0; i < x.length; i++) {
      dX[i] += upstream * Math.exp(x[i] - out);
    }
  }

  /** A neuron that uses both rules, differentiated by jgrad around them. */
  @Differentiable
  public static double neuron(double[] w, double[] x, double b) {
    double s = b;
    for (int i = 0; i < w.length; i++) {
      s += w[i] * x[i];
    }
    return sigmoid(s) + 0.1 * logSumExp(w);
  }
}
