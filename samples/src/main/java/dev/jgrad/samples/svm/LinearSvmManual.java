package dev.jgrad.samples.svm;

/**
 * The gradient of {@link LinearSvm#loss} with respect to {@code W}, derived by hand: the oracle
 * that the generated {@code LinearSvmGrad} is tested against.
 *
 * <p>Each positive margin {@code s_j - s_y + 1} pushes column {@code j} of {@code W} up by the row
 * {@code x} and column {@code y} down by it, so column {@code y} receives {@code -count * x} for
 * {@code count} positive margins. At a margin of exactly zero the hinge has no derivative; this
 * takes the slope 0 there, so test points must stay away from such kinks.
 */
public final class LinearSvmManual {
  private LinearSvmManual() {}

  /** Returns the gradient of {@code LinearSvm.loss(W, X, y, reg)} with respect to {@code W}. */
  public static double[][] gradient(double[][] W, double[][] X, int[] y, double reg) {
    int n = X.length;
    int d = W.length;
    int c = W[0].length;
    double[][] dW = new double[d][c];
    double[] scores = new double[c];
    for (int i = 0; i < n; i++) {
      double[] x = X[i];
      for (int j = 0; j < c; j++) {
        double s = 0.0;
        for (int k = 0; k < d; k++) {
          s += x[k] * W[k][j];
        }
        scores[j] = s;
      }
      int positive = 0;
      for (int j = 0; j < c; j++) {
        if (j != y[i] && scores[j] - scores[y[i]] + LinearSvm.MARGIN > 0.0) {
          positive++;
          for (int k = 0; k < d; k++) {
            dW[k][j] += x[k] / n;
          }
        }
      }
      for (int k = 0; k < d; k++) {
        dW[k][y[i]] -= positive * x[k] / n;
      }
    }
    // The regulariser's path through the copy gate adds to the data path, it does not replace it.
    for (int k = 0; k < d; k++) {
      for (int j = 0; j < c; j++) {
        dW[k][j] += reg * W[k][j];
      }
    }
    return dW;
  }
}
