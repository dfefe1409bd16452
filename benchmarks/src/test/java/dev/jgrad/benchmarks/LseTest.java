package dev.jgrad.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jgrad.runtime.GradientCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LseTest {
  @ParameterizedTest
  @ValueSource(ints = {1, 2, 16, 1000})
  void gradientIsTheSoftmax(int n) {
    double[] x = Lse.randomInput(n, 100 + n);
    double sum = 0.0;
    for (double v : x) {
      sum += Math.exp(v);
    }
    double[] softmax = new double[n];
    for (int i = 0; i < n; i++) {
      softmax[i] = Math.exp(x[i]) / sum;
    }
    LseGrad.Objective g = LseGrad.objective(x);
    assertEquals(Math.log(sum), g.value(), 1e-13);
    Close.scaled(softmax, g.dX(), 1e-14, "generated");
    double[] manual = new double[n];
    assertEquals(Lse.objective(x), LseManual.gradient(x, manual), 0.0);
    Close.scaled(softmax, manual, 1e-14, "hand-written");
    Close.scaled(softmax, ForwardMode.lse(x).getGradient(), 1e-14, "forward");
  }

  @Test
  void largeValuesDoNotOverflow() {
    double[] x = {1000.0, 1000.0};
    assertEquals(1000.0 + Math.log(2.0), Lse.objective(x), 1e-12);
    Close.scaled(new double[] {0.5, 0.5}, LseGrad.objective(x).dX(), 1e-15, "at a tie");
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3, 16})
  void passesGradientCheck(int n) {
    GradientCheck.check(LseGrad.objectiveFunction(), Lse.randomInput(n, n)).assertBelow(1e-7);
  }
}
