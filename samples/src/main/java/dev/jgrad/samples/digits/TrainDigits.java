package dev.jgrad.samples.digits;

import dev.jgrad.runtime.GradientCheck;
import dev.jgrad.runtime.GradientReport;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Trains {@link TwoLayerNet} on the handwritten digits with minibatch momentum SGD.
 *
 * <p>What the sample shows: the whole model is one ordinary Java method, {@link TwoLayerNet#loss},
 * and jgrad writes its gradient at compile time as {@code TwoLayerNetGrad}: no tensors, no graph,
 * no hand-written backward pass. It prints the mean minibatch loss every few epochs, then, as its
 * last two lines, the largest relative error between the generated gradient and finite
 * differences, and the accuracy on held-out test images.
 */
public final class TrainDigits {
  private static final long DATA_SEED = 20240501L;
  private static final long INIT_SEED = 7L;
  private static final long SHUFFLE_SEED = 11L;
  private static final double TEST_FRACTION = 0.2;

  private static final int HIDDEN = 64;
  private static final int EPOCHS = 40;
  private static final int BATCH = 32;
  private static final double LEARNING_RATE = 0.1;
  private static final double MOMENTUM = 0.9;
  static final double REG = 1e-4;
  private static final int PRINT_EVERY = 5;
  private static final int CHECK_BATCH = 10;
  /**
   * Where the check switches from relative to absolute error. Each central difference of the loss
   * carries rounding noise of about 1e-11 in absolute terms (measured here: 0.5e-11 to 2e-11),
   * which is 1e-6 of a component of 1e-5: a correct but tiny component would look wrong. At 1e-4
   * the noise is 1e-7 relative, a tenth of the promised 1e-6, and 40% of the components at the
   * trained point are still judged relatively. The rest are judged by absolute error, which stays
   * near 1e-11 unless the gradient is wrong.
   */
  private static final double CHECK_ABSOLUTE_BELOW = 1e-4;

  private TrainDigits() {}

  /** Runs the sample; takes no arguments. */
  public static void main(String[] args) {
    Digits.Split data = Digits.split(TEST_FRACTION, DATA_SEED);
    Digits.Examples train = data.train();
    Digits.Examples test = data.test();
    NetWeights w = NetWeights.heInit(Digits.PIXELS, HIDDEN, Digits.CLASSES, INIT_SEED);
    NetWeights grad = w.zerosLike();
    NetWeights velocity = w.zerosLike();
    System.out.printf(Locale.ROOT, "digits: %d training, %d test images; %d hidden units%n",
        train.size(), test.size(), HIDDEN);

    int n = train.size();
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    SplittableRandom random = new SplittableRandom(SHUFFLE_SEED);
    for (int epoch = 1; epoch <= EPOCHS; epoch++) {
      shuffle(order, random);
      double lossSum = 0.0;
      int batches = 0;
      for (int start = 0; start < n; start += BATCH) {
        Digits.Examples batch = train.select(order, start, Math.min(n, start + BATCH));
        grad.clear();
        lossSum += lossAndGradient(w, batch.x(), batch.y(), grad);
        batches++;
        step(w, grad, velocity);
      }
      if (epoch == 1 || epoch % PRINT_EVERY == 0) {
        System.out.printf(Locale.ROOT, "epoch %3d  loss %.4f%n", epoch, lossSum / batches);
      }
    }

    // Checked at the trained weights, where the gradient is small and a wrong one would matter.
    Digits.Examples check = train.select(order, 0, CHECK_BATCH);
    GradientReport report = GradientCheck.options()
        .absoluteBelow(CHECK_ABSOLUTE_BELOW)
        .check(TwoLayerNetGrad.lossFunction(),
            w.W1(), w.b1(), w.W2(), w.b2(), check.x(), check.y(), REG);
    double accuracy = TwoLayerNet.accuracy(w.W1(), w.b1(), w.W2(), w.b2(), test.x(), test.y());
    System.out.printf(Locale.ROOT, "gradient check: max relative error %.3e%n",
        report.maxRelativeError());
    System.out.printf(Locale.ROOT, "test accuracy: %.4f%n", accuracy);
  }

  /**
   * Returns the loss on one batch and adds its gradient into {@code grad}, which the caller
   * zeroes first. The one place that decides where gradients come from.
   */
  static double lossAndGradient(NetWeights w, double[][] X, int[] y, NetWeights grad) {
    return TwoLayerNetGrad.lossPullback(w.W1(), w.b1(), w.W2(), w.b2(), X, y, REG,
        1.0, grad.W1(), grad.b1(), grad.W2(), grad.b2());
  }

  /** Momentum SGD: {@code v = mu v - lr g; w += v}. */
  static void step(NetWeights w, NetWeights grad, NetWeights velocity) {
    double[][][] ws = w.blocks();
    double[][][] gs = grad.blocks();
    double[][][] vs = velocity.blocks();
    for (int b = 0; b < ws.length; b++) {
      for (int r = 0; r < ws[b].length; r++) {
        for (int j = 0; j < ws[b][r].length; j++) {
          vs[b][r][j] = MOMENTUM * vs[b][r][j] - LEARNING_RATE * gs[b][r][j];
          ws[b][r][j] += vs[b][r][j];
        }
      }
    }
  }

  private static void shuffle(int[] order, SplittableRandom random) {
    for (int i = order.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
  }
}
