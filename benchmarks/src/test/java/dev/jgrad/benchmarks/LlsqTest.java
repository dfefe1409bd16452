package dev.jgrad.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jgrad.runtime.GradientCheck;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LlsqTest {
  @ParameterizedTest
  @CsvSource({"1, 2", "3, 5", "8, 64", "16, 33"})
  void generatedMatchesHandWrittenAndForwardMode(int m, int n) {
    double[] x = Llsq.randomCoefficients(m, 7 * m + n);
    LlsqGrad.Objective g = LlsqGrad.objective(x, n);
    double[] manual = new double[m];
    Arrays.fill(manual, Double.NaN);
    assertEquals(Llsq.objective(x, n), LlsqManual.gradient(x, n, manual), 1e-12);
    assertEquals(Llsq.objective(x, n), g.value(), 0.0);
    Close.scaled(manual, g.dX(), 1e-11, "manual vs generated");
    Close.scaled(ForwardMode.llsq(x, n).getGradient(), g.dX(), 1e-11, "forward vs generated");
  }

  @ParameterizedTest
  @CsvSource({"1, 2", "4, 7", "8, 64"})
  void passesGradientCheck(int m, int n) {
    double[] x = Llsq.randomCoefficients(m, 11 * m + n);
    GradientCheck.check(LlsqGrad.objectiveFunction(), x, n).assertBelow(1e-7);
    double[] fd = new double[m];
    CentralDifferences.gradient(() -> Llsq.objective(x, n), new double[][] {x},
        new double[][] {fd});
    Close.scaled(LlsqGrad.objective(x, n).dX(), fd, 1e-7, "central differences");
  }

  @ParameterizedTest
  @CsvSource({"3, 5", "8, 64"})
  void pullbackAddsScaledGradient(int m, int n) {
    double[] x = Llsq.randomCoefficients(m, m + n);
    double[] once = LlsqGrad.objective(x, n).dX();
    double[] buffer = new double[m];
    Arrays.fill(buffer, 1.0);
    LlsqGrad.objectivePullback(x, n, -0.5, buffer);
    double[] expected = Arrays.stream(once).map(v -> 1.0 - 0.5 * v).toArray();
    Close.scaled(expected, buffer, 1e-14, "1 - gradient / 2");
  }
}
