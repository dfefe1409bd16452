package dev.jgrad.samples.digits;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The parameters of {@link TwoLayerNet}, or anything shaped like them: gradient buffers and
 * momentum. The arrays are shared, not copied.
 *
 * @param W1 first layer weights, inputs x hidden
 * @param b1 first layer biases, one per hidden unit
 * @param W2 second layer weights, hidden x classes
 * @param b2 second layer biases, one per class
 */
public record NetWeights(double[][] W1, double[] b1, double[][] W2, double[] b2) {
  /** Returns zero parameters for {@code d} inputs, {@code h} hidden units, {@code c} classes. */
  public static NetWeights zeros(int d, int h, int c) {
    return new NetWeights(new double[d][h], new double[h], new double[h][c], new double[c]);
  }

  /**
   * Returns He-initialised weights (Gaussian, variance 2 / fan-in, which suits ReLU) and zero
   * biases, drawn from a fixed seed so that a run can be repeated.
   */
  public static NetWeights heInit(int d, int h, int c, long seed) {
    NetWeights w = zeros(d, h, c);
    SplittableRandom random = new SplittableRandom(seed);
    fillGaussian(w.W1, Math.sqrt(2.0 / d), random);
    fillGaussian(w.W2, Math.sqrt(2.0 / h), random);
    return w;
  }

  /** Returns zeros shaped like these parameters. */
  public NetWeights zerosLike() {
    return zeros(W1.length, b1.length, b2.length);
  }

  /**
   * Returns the four arrays as matrices, each bias as a one-row matrix that shares its storage,
   * so that element-wise passes need one loop nest, not four.
   */
  public double[][][] blocks() {
    return new double[][][] {W1, {b1}, W2, {b2}};
  }

  /** Sets every element to zero; gradient buffers need this between steps. */
  public void clear() {
    for (double[][] block : blocks()) {
      for (double[] row : block) {
        Arrays.fill(row, 0.0);
      }
    }
  }

  private static void fillGaussian(double[][] m, double scale, SplittableRandom random) {
    for (double[] row : m) {
      for (int j = 0; j < row.length; j++) {
        row[j] = scale * random.nextGaussian();
      }
    }
  }
}
