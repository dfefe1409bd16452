package dev.jgrad.samples.digits;

/**
 * Checks a gradient of {@link TwoLayerNet#loss} against central finite differences. Stands in
 * for {@code dev.jgrad.runtime.GradientCheck} until that exists.
 */
final class FiniteDifferences {
  /**
   * Balances truncation error, which grows with the step (and a large step may carry a ReLU
   * input across zero), against rounding noise, which grows as the step shrinks.
   */
  private static final double STEP = 1e-5;
  /**
   * The difference quotients carry absolute rounding noise of the order of 1e-11, so gradient
   * elements smaller than this floor are judged in absolute terms: dividing by their own tiny
   * size would report that noise (errors up to 3e-4 in trials) as if the gradient were wrong.
   */
  private static final double FLOOR = 1e-6;

  private FiniteDifferences() {}

  /**
   * Returns the largest relative error {@code |a - f| / max(|a| + |f|, 1e-6)} over every element,
   * where {@code a} is from {@code gradient} and {@code f} the central difference of the loss.
   * {@code w} is perturbed in place and restored.
   */
  static double maxRelativeError(NetWeights w, double[][] X, int[] y, double reg,
      NetWeights gradient) {
    double[][][] params = w.blocks();
    double[][][] grads = gradient.blocks();
    double worst = 0.0;
    for (int b = 0; b < params.length; b++) {
      for (int r = 0; r < params[b].length; r++) {
        double[] row = params[b][r];
        for (int j = 0; j < row.length; j++) {
          double saved = row[j];
          row[j] = saved + STEP;
          double up = TwoLayerNet.loss(w.W1(), w.b1(), w.W2(), w.b2(), X, y, reg);
          row[j] = saved - STEP;
          double down = TwoLayerNet.loss(w.W1(), w.b1(), w.W2(), w.b2(), X, y, reg);
          row[j] = saved;
          double numeric = (up - down) / (2 * STEP);
          double analytic = grads[b][r][j];
          double error = Math.abs(analytic - numeric)
              / Math.max(Math.abs(analytic) + Math.abs(numeric), FLOOR);
          worst = Math.max(worst, error);
        }
      }
    }
    return worst;
  }
}
