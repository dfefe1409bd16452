package dev.jgrad.samples.lecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jgrad.runtime.GradientCheck;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SigmoidTest {
  @ParameterizedTest
  @ValueSource(doubles = {-3.0, -0.5, 0.0, 0.8, 4.0})
  void sigmoidRuleGivesTheExactDerivative(double x) {
    SigmoidGrad.Sigmoid g = SigmoidGrad.sigmoid(x);
    double s = 1.0 / (1.0 + Math.exp(-x));
    assertEquals(s, g.value(), 0.0);
    assertEquals(s * (1 - s), g.dX(), 1e-16);
    GradientCheck.check(SigmoidGrad.sigmoidFunction(), x).assertBelow(1e-8);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void logSumExpRuleIsTheSoftmax(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] x = {r.nextDouble(-3, 3), r.nextDouble(-3, 3), r.nextDouble(-3, 3)};
    SigmoidGrad.LogSumExp g = SigmoidGrad.logSumExp(x);
    double z = Math.exp(x[0]) + Math.exp(x[1]) + Math.exp(x[2]);
    assertEquals(Math.log(z), g.value(), 1e-14);
    for (int i = 0; i < 3; i++) {
      assertEquals(Math.exp(x[i]) / z, g.dX()[i], 1e-15);
    }
    GradientCheck.check(SigmoidGrad.logSumExpFunction(), (Object) x).assertBelow(1e-8);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void derivedCodeAroundTheRulesAgreesWithFiniteDifferences(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] w = {r.nextDouble(-1, 1), r.nextDouble(-1, 1)};
    double[] x = {r.nextDouble(-1, 1), r.nextDouble(-1, 1)};
    double b = r.nextDouble(-1, 1);
    GradientCheck.check(SigmoidGrad.neuronFunction(), w, x, b).assertBelow(1e-8);
    // Exact: sigma'(s) x_i + 0.1 softmax(w)_i for w; sigma'(s) w_i for x; sigma'(s) for b.
    SigmoidGrad.Neuron g = SigmoidGrad.neuron(w, x, b);
    double s = b + w[0] * x[0] + w[1] * x[1];
    double sig = 1.0 / (1.0 + Math.exp(-s));
    double slope = sig * (1 - sig);
    double z = Math.exp(w[0]) + Math.exp(w[1]);
    assertEquals(slope * x[0] + 0.1 * Math.exp(w[0]) / z, g.dW()[0], 1e-15);
    assertEquals(slope * w[1], g.dX()[1], 1e-15);
    assertEquals(slope, g.dB(), 1e-15);
  }
}
