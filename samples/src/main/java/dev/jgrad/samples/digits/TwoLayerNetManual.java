package dev.jgrad.samples.digits;

/**
 * The gradient of {@link TwoLayerNet#loss}, derived by hand: the oracle that jgrad's generated
 * pullback is tested against.
 *
 * <p>It keeps the contract of {@code TwoLayerNetGrad.lossPullback}, so that the two can be swapped
 * in one call: it returns the loss and <em>adds</em> {@code upstream} times the gradient into
 * caller-owned buffers shaped like the parameters.
 */
public final class TwoLayerNetManual {
  private TwoLayerNetManual() {}

  /**
   * Returns {@code TwoLayerNet.loss(W1, b1, W2, b2, X, y, reg)} and adds {@code upstream} times
   * its gradient with respect to {@code W1, b1, W2, b2} into {@code dW1, db1, dW2, db2}.
   */
  public static double lossAndGradient(double[][] W1, double[] b1, double[][] W2, double[] b2,
      double[][] X, int[] y, double reg, double upstream,
      double[][] dW1, double[] db1, double[][] dW2, double[] db2) {
    int n = X.length;
    int d = W1.length;
    int h = b1.length;
    int c = b2.length;
    double[] hidden = new double[h];
    double[] scores = new double[c];
    double[] dScores = new double[c];
    double[] dHidden = new double[h];
    double dataLoss = 0.0;
    for (int i = 0; i < n; i++) {
      double[] x = X[i];
      for (int j = 0; j < h; j++) {
        double a = b1[j];
        for (int k = 0; k < d; k++) {
          a += x[k] * W1[k][j];
        }
        hidden[j] = Math.max(0.0, a);
      }
      double top = Double.NEGATIVE_INFINITY;
      for (int m = 0; m < c; m++) {
        double s = b2[m];
        for (int j = 0; j < h; j++) {
          s += hidden[j] * W2[j][m];
        }
        scores[m] = s;
        top = Math.max(top, s);
      }
      double sumExp = 0.0;
      for (int m = 0; m < c; m++) {
        sumExp += Math.exp(scores[m] - top);
      }
      dataLoss += Math.log(sumExp) - (scores[y[i]] - top);

      // d(loss)/d(scores) = (softmax - onehot) / n; the 1/n comes from taking the mean.
      double scale = upstream / n;
      for (int m = 0; m < c; m++) {
        double softmax = Math.exp(scores[m] - top) / sumExp;
        dScores[m] = (softmax - (m == y[i] ? 1.0 : 0.0)) * scale;
        db2[m] += dScores[m];
      }
      for (int j = 0; j < h; j++) {
        double dh = 0.0;
        for (int m = 0; m < c; m++) {
          dW2[j][m] += hidden[j] * dScores[m];
          dh += dScores[m] * W2[j][m];
        }
        // ReLU passes the gradient only where the unit was active; at exactly 0 it passes none.
        dHidden[j] = hidden[j] > 0.0 ? dh : 0.0;
        db1[j] += dHidden[j];
      }
      for (int k = 0; k < d; k++) {
        double xk = x[k];
        if (xk == 0.0) {
          continue; // blank pixels are common in digits and add nothing to dW1
        }
        for (int j = 0; j < h; j++) {
          dW1[k][j] += xk * dHidden[j];
        }
      }
    }
    double squares = 0.0;
    double regScale = upstream * reg;
    for (int k = 0; k < d; k++) {
      for (int j = 0; j < h; j++) {
        squares += W1[k][j] * W1[k][j];
        dW1[k][j] += regScale * W1[k][j];
      }
    }
    for (int j = 0; j < h; j++) {
      for (int m = 0; m < c; m++) {
        squares += W2[j][m] * W2[j][m];
        dW2[j][m] += regScale * W2[j][m];
      }
    }
    return dataLoss / n + 0.5 * reg * squares;
  }
}
