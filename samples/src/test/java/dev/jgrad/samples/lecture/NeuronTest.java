package dev.jgrad.samples.lecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jgrad.runtime.GradientCheck;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NeuronTest {
  @Test
  void lectureNumbers() {
    NeuronGrad.Fire g = NeuronGrad.fire(2, -1, -3, -2, -3);
    // As printed on the slide, to three decimals.
    assertEquals(0.7311, g.value(), 1e-3);
    assertEquals(-0.197, g.dW0(), 1e-3);
    assertEquals(-0.393, g.dW1(), 1e-3);
    assertEquals(0.197, g.dW2(), 1e-3);
    assertEquals(0.393, g.dX0(), 1e-3);
    assertEquals(-0.590, g.dX1(), 1e-3);
  }

  @Test
  void exactAtLecturePoint() {
    assertClosedForm(2, -1, -3, -2, -3);
  }

  @ParameterizedTest
  @ValueSource(longs = {11, 12, 13, 14, 15})
  void exactAndCheckedAtRandomPoints(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] p = new double[5];
    for (int i = 0; i < p.length; i++) {
      p[i] = random.nextDouble(-2, 2);
    }
    assertClosedForm(p[0], p[1], p[2], p[3], p[4]);
    GradientCheck.check(NeuronGrad.fireFunction(), p[0], p[1], p[2], p[3], p[4])
        .assertBelow(1e-7);
  }

  @Test
  void pullbackAddsTwice() {
    double[][] buffers = new double[5][1];
    NeuronGrad.firePullback(2, -1, -3, -2, -3, 1.0,
        buffers[0], buffers[1], buffers[2], buffers[3], buffers[4]);
    NeuronGrad.firePullback(2, -1, -3, -2, -3, 1.0,
        buffers[0], buffers[1], buffers[2], buffers[3], buffers[4]);
    NeuronGrad.Fire g = NeuronGrad.fire(2, -1, -3, -2, -3);
    // Doubling is exact in floating point, so twice the gradient must come out exactly.
    double[] once = {g.dW0(), g.dX0(), g.dW1(), g.dX1(), g.dW2()};
    for (int i = 0; i < once.length; i++) {
      assertEquals(2 * once[i], buffers[i][0], 0.0);
    }
  }

  /**
   * sigma'(s) = sigma(s) (1 - sigma(s)), and s is linear in each weight and input, so each
   * partial is sigma'(s) times the factor that multiplies that variable in s.
   */
  private static void assertClosedForm(double w0, double x0, double w1, double x1, double w2) {
    double sig = 1.0 / (1.0 + Math.exp(-(w0 * x0 + w1 * x1 + w2)));
    double slope = sig * (1 - sig);
    NeuronGrad.Fire g = NeuronGrad.fire(w0, x0, w1, x1, w2);
    assertEquals(sig, g.value(), 1e-12);
    assertEquals(slope * x0, g.dW0(), 1e-12);
    assertEquals(slope * w0, g.dX0(), 1e-12);
    assertEquals(slope * x1, g.dW1(), 1e-12);
    assertEquals(slope * w1, g.dX1(), 1e-12);
    assertEquals(slope, g.dW2(), 1e-12);
  }
}
