package dev.jgrad.samples.digits;

import dev.jgrad.Differentiable;

/**
 * A two-layer classifier: affine, ReLU, affine, softmax cross-entropy, with L2 regularisation.
 *
 * <p>Shapes, for {@code d} inputs, {@code h} hidden units and {@code c} classes: {@code W1} is
 * {@code d x h}, {@code b1} has {@code h}, {@code W2} is {@code h x c}, {@code b2} has {@code c}.
 * {@code X} holds one example per row, {@code y} the class of each.
 *
 * <p>{@link #loss} is the only method jgrad differentiates: ordinary Java with locals, arrays
 * created per example, nested loops and {@code Math.max/exp/log}, written the way one would
 * without any differentiation in mind.
 */
public final class TwoLayerNet {
  private TwoLayerNet() {}

  /**
   * Returns the mean softmax cross-entropy of the network over {@code X} plus
   * {@code 0.5 * reg * (|W1|^2 + |W2|^2)}. Biases are not regularised.
   */
  @Differentiable(wrt = {"W1", "b1", "W2", "b2"})
  public static double loss(double[][] W1, double[] b1, double[][] W2, double[] b2,
      double[][] X, int[] y, double reg) {
    int n = X.length;
    int d = W1.length;
    int h = b1.length;
    int c = b2.length;
    double dataLoss = 0.0;
    for (int i = 0; i < n; i++) {
      double[] hidden = new double[h];
      for (int j = 0; j < h; j++) {
        double a = b1[j];
        for (int k = 0; k < d; k++) {
          a += X[i][k] * W1[k][j];
        }
        hidden[j] = Math.max(0.0, a);
      }
      double[] scores = new double[c];
      for (int m = 0; m < c; m++) {
        double s = b2[m];
        for (int j = 0; j < h; j++) {
          s += hidden[j] * W2[j][m];
        }
        scores[m] = s;
      }
      // Shifting by the largest score keeps exp from overflowing; it cancels in the loss, so
      // its own gradient is zero whichever score the max picks.
      double top = scores[0];
      for (int m = 1; m < c; m++) {
        top = Math.max(top, scores[m]);
      }
      double sumExp = 0.0;
      for (int m = 0; m < c; m++) {
        sumExp += Math.exp(scores[m] - top);
      }
      dataLoss += Math.log(sumExp) - (scores[y[i]] - top);
    }
    double squares = 0.0;
    for (int k = 0; k < d; k++) {
      for (int j = 0; j < h; j++) {
        squares += W1[k][j] * W1[k][j];
      }
    }
    for (int j = 0; j < h; j++) {
      for (int m = 0; m < c; m++) {
        squares += W2[j][m] * W2[j][m];
      }
    }
    return dataLoss / n + 0.5 * reg * squares;
  }

  /** Returns the class with the highest score for one input row {@code x}. */
  public static int predict(double[][] W1, double[] b1, double[][] W2, double[] b2, double[] x) {
    double[] hidden = new double[b1.length];
    for (int j = 0; j < hidden.length; j++) {
      double a = b1[j];
      for (int k = 0; k < x.length; k++) {
        a += x[k] * W1[k][j];
      }
      hidden[j] = Math.max(0.0, a);
    }
    int best = 0;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (int m = 0; m < b2.length; m++) {
      double s = b2[m];
      for (int j = 0; j < hidden.length; j++) {
        s += hidden[j] * W2[j][m];
      }
      if (s > bestScore) {
        best = m;
        bestScore = s;
      }
    }
    return best;
  }

  /** Returns the fraction of rows of {@code X} whose predicted class is {@code y}. */
  public static double accuracy(double[][] W1, double[] b1, double[][] W2, double[] b2,
      double[][] X, int[] y) {
    int correct = 0;
    for (int i = 0; i < X.length; i++) {
      if (predict(W1, b1, W2, b2, X[i]) == y[i]) {
        correct++;
      }
    }
    return (double) correct / X.length;
  }
}
