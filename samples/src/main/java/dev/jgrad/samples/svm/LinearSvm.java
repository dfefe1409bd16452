package dev.jgrad.samples.svm;

import dev.jgrad.Differentiable;

/**
 * A multiclass linear SVM: scores {@code s = x W}, the hinge loss of the Weston-Watkins
 * formulation, and L2 regularisation.
 *
 * <p>{@code W} is {@code d x c} for {@code d} features and {@code c} classes; {@code X} holds one
 * example per row, {@code y} the class of each. {@code W} feeds both the scores and the
 * regulariser, so its gradient is the sum of two paths: the "copy gate" of the lecture, which the
 * generated code must add up rather than overwrite.
 */
public final class LinearSvm {
  /** The margin by which the right class should beat each wrong one. */
  public static final double MARGIN = 1.0;

  private LinearSvm() {}

  /**
   * Returns the mean over rows of {@code sum_{j != y} max(0, s_j - s_y + MARGIN)} plus
   * {@code 0.5 * reg * |W|^2}.
   */
  @Differentiable(wrt = "W")
  public static double loss(double[][] W, double[][] X, int[] y, double reg) {
    int n = X.length;
    int d = W.length;
    int c = W[0].length;
    double dataLoss = 0.0;
    for (int i = 0; i < n; i++) {
      double[] scores = new double[c];
      for (int j = 0; j < c; j++) {
        double s = 0.0;
        for (int k = 0; k < d; k++) {
          s += X[i][k] * W[k][j];
        }
        scores[j] = s;
      }
      for (int j = 0; j < c; j++) {
        // The right class would always add max(0, MARGIN) to the loss, a constant: skip it.
        if (j == y[i]) {
          continue;
        }
        dataLoss += Math.max(0.0, scores[j] - scores[y[i]] + MARGIN);
      }
    }
    double squares = 0.0;
    for (int k = 0; k < d; k++) {
      for (int j = 0; j < c; j++) {
        squares += W[k][j] * W[k][j];
      }
    }
    return dataLoss / n + 0.5 * reg * squares;
  }
}
