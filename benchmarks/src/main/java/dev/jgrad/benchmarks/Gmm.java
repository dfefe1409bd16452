package dev.jgrad.benchmarks;

import dev.jgrad.Differentiable;

/**
 * ADBench's {@code gmm}: the negative log-likelihood of a Gaussian mixture with {@code k}
 * components in {@code d} dimensions at {@code n} points, plus a Wishart prior on the inverse
 * covariances, with ADBench's sign of the prior (the published numbers use it).
 *
 * <p>Component {@code c} has weight logit {@code alphas[c]}, mean {@code means[c]} and inverse
 * covariance factor {@code Q_c}, lower triangular, packed in {@code icf[c]}: {@code d} values
 * {@code q} whose exponentials form the diagonal, then the {@code d(d-1)/2} entries below it,
 * column by column.
 */
public final class Gmm {
  private Gmm() {}

  /**
   * {@code -n d/2 log(2 pi) + sum_i logsumexp_c(alphas_c + sum_j q_cj - |Q_c (x_i - mu_c)|^2 / 2)
   * - n logsumexp(alphas)} plus the prior {@code sum_c (gamma^2/2 (|exp(q_c)|^2 + |l_c|^2)
   * - m sum_j q_cj) - k C(d, gamma, m)}.
   */
  @Differentiable(wrt = {"alphas", "means", "icf"})
  public static double objective(double[] alphas, double[][] means, double[][] icf,
      double[][] x, double gamma, int m) {
    int k = alphas.length;
    int n = x.length;
    int d = x[0].length;
    // Per component, once: the diagonal of Q and log det Q (the sum of the q's).
    double[][] diag = new double[k][d];
    double[] sumQ = new double[k];
    for (int c = 0; c < k; c++) {
      for (int j = 0; j < d; j++) {
        diag[c][j] = Math.exp(icf[c][j]);
        sumQ[c] += icf[c][j];
      }
    }
    double[] centered = new double[d];
    double[] z = new double[d];
    double[] terms = new double[k];
    double sumLse = 0.0;
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < k; c++) {
        for (int j = 0; j < d; j++) {
          centered[j] = x[i][j] - means[c][j];
          z[j] = diag[c][j] * centered[j];
        }
        // The strictly lower part of Q, column by column as it is packed.
        int at = d;
        for (int col = 0; col < d; col++) {
          for (int row = col + 1; row < d; row++) {
            z[row] += icf[c][at] * centered[col];
            at++;
          }
        }
        double squared = 0.0;
        for (int j = 0; j < d; j++) {
          squared += z[j] * z[j];
        }
        terms[c] = alphas[c] + sumQ[c] - 0.5 * squared;
      }
      sumLse += Lse.objective(terms);
    }
    double prior = 0.0;
    for (int c = 0; c < k; c++) {
      double frobenius = 0.0;
      for (int j = 0; j < icf[c].length; j++) {
        double v = j < d ? diag[c][j] : icf[c][j];
        frobenius += v * v;
      }
      prior += 0.5 * gamma * gamma * frobenius - m * sumQ[c];
    }
    double constant = -0.5 * n * d * Math.log(2 * Math.PI) - k * wishartLogC(d, gamma, m);
    return constant + sumLse - n * Lse.objective(alphas) + prior;
  }

  /**
   * The Wishart normaliser {@code C = N d (log gamma - log(2)/2) - log Gamma_d(N/2)} with
   * {@code N = d + m + 1}: a constant of the objective, so it needs no derivative.
   */
  static double wishartLogC(int d, double gamma, int m) {
    int big = d + m + 1;
    return big * d * (Math.log(gamma) - 0.5 * Math.log(2)) - logMultiGamma(big, d);
  }

  /**
   * {@code log Gamma_d(twiceA / 2) = d(d-1)/4 log(pi) + sum_{j=1..d} lgamma((twiceA + 1 - j) / 2)}.
   * Every argument is a multiple of 1/2, so each {@code lgamma} is exact from
   * {@code Gamma(1) = 1}, {@code Gamma(1/2) = sqrt(pi)} and {@code Gamma(x + 1) = x Gamma(x)}.
   */
  static double logMultiGamma(int twiceA, int d) {
    double sum = 0.25 * d * (d - 1) * Math.log(Math.PI);
    for (int j = 1; j <= d; j++) {
      sum += logGammaOfHalf(twiceA + 1 - j);
    }
    return sum;
  }

  /** {@code log Gamma(h / 2)} for a positive integer {@code h}. */
  static double logGammaOfHalf(int h) {
    if (h < 1) {
      throw new IllegalArgumentException("log Gamma(" + h + "/2) is not defined here");
    }
    double log = h % 2 == 0 ? 0.0 : 0.5 * Math.log(Math.PI);
    for (int twice = h % 2 == 0 ? 2 : 1; twice < h; twice += 2) {
      log += Math.log(0.5 * twice);
    }
    return log;
  }
}
