package dev.jgrad.samples.digits;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A few steps of the sample's training loop, not a training run: the loss must go down. */
class TrainDigitsTest {
  @Test
  void aFewStepsLowerTheLoss() {
    Digits.Examples batch = Digits.split(0.2, 3).train();
    int[] first = new int[64];
    for (int i = 0; i < first.length; i++) {
      first[i] = i;
    }
    batch = batch.select(first, 0, first.length);
    NetWeights w = NetWeights.heInit(Digits.PIXELS, 32, Digits.CLASSES, 5);
    NetWeights grad = w.zerosLike();
    NetWeights velocity = w.zerosLike();
    double start = loss(w, batch);
    for (int step = 0; step < 5; step++) {
      grad.clear();
      TrainDigits.lossAndGradient(w, batch.x(), batch.y(), grad);
      TrainDigits.step(w, grad, velocity);
    }
    double end = loss(w, batch);
    assertTrue(end < 0.8 * start, "loss went from " + start + " to " + end);
  }

  private static double loss(NetWeights w, Digits.Examples batch) {
    return TwoLayerNet.loss(w.W1(), w.b1(), w.W2(), w.b2(), batch.x(), batch.y(), TrainDigits.REG);
  }
}
