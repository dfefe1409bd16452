package dev.jgrad.benchmarks;

import java.util.Arrays;

/** A hand-written gradient of {@link Gmm#objective}: the reference an expert would write. */
public final class GmmManual {
  private GmmManual() {}

  /**
   * Writes the gradient of {@code Gmm.objective(...)} into {@code dAlphas}, {@code dMeans} and
   * {@code dIcf} (overwriting them) and returns the value.
   *
   * <p>Per point, one pass computes every component's {@code x - mu} and {@code z = Q (x - mu)}
   * into scratch rows; the log-sum-exp then gives each component its weight {@code w}, and a
   * second pass over the same scratch rows adds {@code w Q^T z} to the mean and
   * {@code -w z (x - mu)^T} to the packed factor. The parts that do not depend on the point
   * (alphas, the {@code +1} of {@code log det Q}) are summed as weights and applied once. The
   * scratch is allocated once per call, outside every loop.
   */
  public static double gradient(double[] alphas, double[][] means, double[][] icf,
      double[][] x, double gamma, int m, double[] dAlphas, double[][] dMeans, double[][] dIcf) {
    int k = alphas.length;
    int n = x.length;
    int d = x[0].length;
    double[] diag = new double[k * d];
    double[] sumQ = new double[k];
    double[] centered = new double[k * d];
    double[] z = new double[k * d];
    double[] terms = new double[k];
    double[] weightSum = new double[k];
    for (int c = 0; c < k; c++) {
      Arrays.fill(dMeans[c], 0.0);
      Arrays.fill(dIcf[c], 0.0);
      for (int j = 0; j < d; j++) {
        diag[c * d + j] = Math.exp(icf[c][j]);
        sumQ[c] += icf[c][j];
      }
    }
    double sumLse = 0.0;
    for (int i = 0; i < n; i++) {
      double[] xi = x[i];
      double max = Double.NEGATIVE_INFINITY;
      for (int c = 0; c < k; c++) {
        double[] mu = means[c];
        double[] q = icf[c];
        int base = c * d;
        for (int j = 0; j < d; j++) {
          double xc = xi[j] - mu[j];
          centered[base + j] = xc;
          z[base + j] = diag[base + j] * xc;
        }
        int at = d;
        for (int col = 0; col < d; col++) {
          double xc = centered[base + col];
          for (int row = col + 1; row < d; row++) {
            z[base + row] += q[at++] * xc;
          }
        }
        double squared = 0.0;
        for (int j = 0; j < d; j++) {
          squared += z[base + j] * z[base + j];
        }
        double term = alphas[c] + sumQ[c] - 0.5 * squared;
        terms[c] = term;
        max = Math.max(max, term);
      }
      double sumExp = 0.0;
      for (int c = 0; c < k; c++) {
        double e = Math.exp(terms[c] - max);
        terms[c] = e;
        sumExp += e;
      }
      sumLse += max + Math.log(sumExp);
      double inverse = 1.0 / sumExp;
      for (int c = 0; c < k; c++) {
        double w = terms[c] * inverse;
        weightSum[c] += w;
        double[] q = icf[c];
        double[] dq = dIcf[c];
        double[] dmu = dMeans[c];
        int base = c * d;
        int at = d;
        for (int col = 0; col < d; col++) {
          double zc = z[base + col];
          double xc = centered[base + col];
          // (Q^T z)_col: the diagonal entry, then the packed column below it.
          double qtz = diag[base + col] * zc;
          double wx = w * xc;
          for (int row = col + 1; row < d; row++) {
            double zr = z[base + row];
            qtz += q[at] * zr;
            dq[at] -= wx * zr;
            at++;
          }
          dmu[col] += w * qtz;
          dq[col] -= wx * zc * diag[base + col];
        }
      }
    }
    // -n logsumexp(alphas): its gradient is -n softmax(alphas).
    double maxAlpha = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < k; c++) {
      maxAlpha = Math.max(maxAlpha, alphas[c]);
    }
    double sumAlpha = 0.0;
    for (int c = 0; c < k; c++) {
      sumAlpha += Math.exp(alphas[c] - maxAlpha);
    }
    double lseAlphas = maxAlpha + Math.log(sumAlpha);
    double prior = 0.0;
    double gamma2 = gamma * gamma;
    for (int c = 0; c < k; c++) {
      dAlphas[c] = weightSum[c] - n * Math.exp(alphas[c] - lseAlphas);
      double[] q = icf[c];
      double[] dq = dIcf[c];
      double frobenius = 0.0;
      for (int j = 0; j < d; j++) {
        double e = diag[c * d + j];
        frobenius += e * e;
        // weightSum from log det Q in every point's term; the prior's gamma^2 e^2 - m.
        dq[j] += weightSum[c] + gamma2 * e * e - m;
      }
      for (int j = d; j < q.length; j++) {
        frobenius += q[j] * q[j];
        dq[j] += gamma2 * q[j];
      }
      prior += 0.5 * gamma2 * frobenius - m * sumQ[c];
    }
    double constant = -0.5 * n * d * Math.log(2 * Math.PI) - k * Gmm.wishartLogC(d, gamma, m);
    return constant + sumLse - n * lseAlphas + prior;
  }
}
