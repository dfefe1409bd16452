package dev.jgrad.benchmarks;

import org.hipparchus.analysis.differentiation.Gradient;

/**
 * Forward-mode gradients with Hipparchus {@link Gradient}: every intermediate value carries its
 * derivative with respect to all {@code p} inputs, so each arithmetic operation costs {@code O(p)}
 * and allocates a {@code double[p]}. The baseline that reverse mode should beat for large
 * {@code p}. Each objective is the same computation as its {@code @Differentiable} original.
 */
public final class ForwardMode {
  private ForwardMode() {}

  /** One variable per element of {@code x}, in order. */
  static Gradient[] variables(double[] x) {
    Gradient[] v = new Gradient[x.length];
    for (int i = 0; i < x.length; i++) {
      v[i] = Gradient.variable(x.length, i, x[i]);
    }
    return v;
  }

  /** {@link Llsq#objective} with its gradient. */
  public static Gradient llsq(double[] xs, int n) {
    Gradient[] x = variables(xs);
    int m = x.length;
    Gradient sum = Gradient.constant(m, 0.0);
    for (int i = 0; i < n; i++) {
      double t = -1.0 + 2.0 * i / (n - 1);
      double power = 1.0;
      Gradient fit = Gradient.constant(m, 0.0);
      for (int j = 0; j < m; j++) {
        fit = fit.add(x[j].multiply(power));
        power *= t;
      }
      Gradient r = fit.negate().add(Math.signum(t));
      sum = sum.add(r.square());
    }
    return sum.multiply(0.5);
  }

  /** {@link Lse#objective} with its gradient. */
  public static Gradient lse(double[] xs) {
    return lse(variables(xs));
  }

  /** Log-sum-exp of values that already carry derivatives (used by gmm too). */
  static Gradient lse(Gradient[] x) {
    Gradient max = x[0];
    for (int i = 1; i < x.length; i++) {
      if (x[i].getValue() > max.getValue()) {
        max = x[i];
      }
    }
    Gradient sum = max.getField().getZero();
    for (Gradient v : x) {
      sum = sum.add(v.subtract(max).exp());
    }
    return max.add(sum.log());
  }

  /** {@link Det#objective} with its gradient. */
  public static Gradient det(double[] as, int ell) {
    return minor(variables(as), ell, 0, 0);
  }

  private static Gradient minor(Gradient[] a, int ell, int row, int used) {
    if (row == ell) {
      return a[0].getField().getOne();
    }
    Gradient sum = a[0].getField().getZero();
    double sign = 1.0;
    for (int c = 0; c < ell; c++) {
      if ((used & (1 << c)) != 0) {
        continue;
      }
      Gradient term = a[row * ell + c].multiply(minor(a, ell, row + 1, used | (1 << c)));
      sum = sum.add(term.multiply(sign));
      sign = -sign;
    }
    return sum;
  }
}
