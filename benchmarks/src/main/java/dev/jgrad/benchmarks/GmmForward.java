package dev.jgrad.benchmarks;

import org.hipparchus.analysis.differentiation.Gradient;

/**
 * {@link Gmm#objective} in forward mode with Hipparchus {@link Gradient}; the variables are
 * alphas, then means, then icf, row by row (ADBench's order, as {@link GmmInput#flatten}).
 */
public final class GmmForward {
  private GmmForward() {}

  /** The objective with its gradient. */
  public static Gradient objective(GmmInput in) {
    int k = in.k();
    int d = in.d();
    int n = in.x().length;
    int icfSize = in.icf()[0].length;
    int p = k + k * d + k * icfSize;
    Gradient[] alphas = new Gradient[k];
    Gradient[][] means = new Gradient[k][d];
    Gradient[][] icf = new Gradient[k][icfSize];
    int next = 0;
    for (int c = 0; c < k; c++) {
      alphas[c] = Gradient.variable(p, next++, in.alphas()[c]);
    }
    for (int c = 0; c < k; c++) {
      for (int j = 0; j < d; j++) {
        means[c][j] = Gradient.variable(p, next++, in.means()[c][j]);
      }
    }
    for (int c = 0; c < k; c++) {
      for (int j = 0; j < icfSize; j++) {
        icf[c][j] = Gradient.variable(p, next++, in.icf()[c][j]);
      }
    }
    Gradient zero = Gradient.constant(p, 0.0);
    Gradient[][] diag = new Gradient[k][d];
    Gradient[] sumQ = new Gradient[k];
    for (int c = 0; c < k; c++) {
      sumQ[c] = zero;
      for (int j = 0; j < d; j++) {
        diag[c][j] = icf[c][j].exp();
        sumQ[c] = sumQ[c].add(icf[c][j]);
      }
    }
    Gradient[] centered = new Gradient[d];
    Gradient[] z = new Gradient[d];
    Gradient[] terms = new Gradient[k];
    Gradient sumLse = zero;
    for (int i = 0; i < n; i++) {
      double[] xi = in.x()[i];
      for (int c = 0; c < k; c++) {
        for (int j = 0; j < d; j++) {
          centered[j] = means[c][j].negate().add(xi[j]);
          z[j] = diag[c][j].multiply(centered[j]);
        }
        int at = d;
        for (int col = 0; col < d; col++) {
          for (int row = col + 1; row < d; row++) {
            z[row] = z[row].add(icf[c][at].multiply(centered[col]));
            at++;
          }
        }
        Gradient squared = zero;
        for (int j = 0; j < d; j++) {
          squared = squared.add(z[j].square());
        }
        terms[c] = alphas[c].add(sumQ[c]).subtract(squared.multiply(0.5));
      }
      sumLse = sumLse.add(ForwardMode.lse(terms));
    }
    Gradient prior = zero;
    double gamma = in.gamma();
    for (int c = 0; c < k; c++) {
      Gradient frobenius = zero;
      for (int j = 0; j < icfSize; j++) {
        frobenius = frobenius.add((j < d ? diag[c][j] : icf[c][j]).square());
      }
      prior = prior.add(frobenius.multiply(0.5 * gamma * gamma)).subtract(
          sumQ[c].multiply(in.m()));
    }
    double constant =
        -0.5 * n * d * Math.log(2 * Math.PI) - k * Gmm.wishartLogC(d, gamma, in.m());
    return sumLse.subtract(ForwardMode.lse(alphas).multiply(n)).add(prior).add(constant);
  }
}
