package dev.jgrad.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jgrad.runtime.GradientCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** GMM against ADBench's published numbers, with ADBench's tolerance, 1e-8 absolute. */
class GmmTest {
  private static final double UPSTREAM_TOLERANCE = 1e-8;
  private static final double OBJECTIVE = DataFile.numbers("gmm/test.expected-objective.txt")[0];
  private static final double[] GRADIENT = DataFile.numbers("gmm/test.expected-gradient.txt");

  @Test
  void objectiveMatchesAdbench() {
    assertEquals(OBJECTIVE, GmmInput.read("test.txt").objective(), UPSTREAM_TOLERANCE);
  }

  @Test
  void generatedGradientMatchesAdbench() {
    GmmInput in = GmmInput.read("test.txt");
    GmmGrad.Objective g =
        GmmGrad.objective(in.alphas(), in.means(), in.icf(), in.x(), in.gamma(), in.m());
    assertEquals(OBJECTIVE, g.value(), UPSTREAM_TOLERANCE);
    Close.absolute(GRADIENT, GmmInput.flatten(g.dAlphas(), g.dMeans(), g.dIcf()),
        UPSTREAM_TOLERANCE, "generated");
  }

  @Test
  void handWrittenGradientMatchesAdbench() {
    GmmInput in = GmmInput.read("test.txt");
    double[][][] d = in.zeroGradient();
    double value = GmmManual.gradient(in.alphas(), in.means(), in.icf(), in.x(), in.gamma(),
        in.m(), d[0][0], d[1], d[2]);
    assertEquals(OBJECTIVE, value, UPSTREAM_TOLERANCE);
    Close.absolute(GRADIENT, GmmInput.flatten(d[0][0], d[1], d[2]), UPSTREAM_TOLERANCE,
        "hand-written");
  }

  @Test
  void forwardModeMatchesAdbench() {
    var g = GmmForward.objective(GmmInput.read("test.txt"));
    assertEquals(OBJECTIVE, g.getValue(), UPSTREAM_TOLERANCE);
    Close.absolute(GRADIENT, g.getGradient(), UPSTREAM_TOLERANCE, "forward");
  }

  @ParameterizedTest
  @ValueSource(strings = {"test.txt", "gmm_d2_K5.txt", "gmm_d10_K5.txt"})
  void handWrittenMatchesGenerated(String file) {
    GmmInput in = GmmInput.read(file);
    GmmGrad.Objective g =
        GmmGrad.objective(in.alphas(), in.means(), in.icf(), in.x(), in.gamma(), in.m());
    double[][][] d = in.zeroGradient();
    double value = GmmManual.gradient(in.alphas(), in.means(), in.icf(), in.x(), in.gamma(),
        in.m(), d[0][0], d[1], d[2]);
    Close.scaled(g.value(), value, 1e-12, "value");
    Close.scaled(GmmInput.flatten(g.dAlphas(), g.dMeans(), g.dIcf()),
        GmmInput.flatten(d[0][0], d[1], d[2]), 1e-10, file);
  }

  @Test
  void forwardModeMatchesGeneratedOnD2() {
    GmmInput in = GmmInput.read("gmm_d2_K5.txt");
    GmmGrad.Objective g =
        GmmGrad.objective(in.alphas(), in.means(), in.icf(), in.x(), in.gamma(), in.m());
    Close.scaled(GmmInput.flatten(g.dAlphas(), g.dMeans(), g.dIcf()),
        GmmForward.objective(in).getGradient(), 1e-10, "forward");
  }

  @ParameterizedTest
  @ValueSource(strings = {"test.txt", "gmm_d2_K5.txt"})
  void passesGradientCheck(String file) {
    GmmInput in = GmmInput.read(file);
    // Sums over 1000 points: a looser relative tolerance, and a sample to keep the test quick.
    GradientCheck.options().sample(12, 5).check(GmmGrad.objectiveFunction(), in.alphas(),
        in.means(), in.icf(), in.x(), in.gamma(), in.m()).assertBelow(1e-6);
  }

  @Test
  void logGammaOfHalfIntegers() {
    assertEquals(0.5 * Math.log(Math.PI), Gmm.logGammaOfHalf(1), 1e-15);
    assertEquals(0.0, Gmm.logGammaOfHalf(2), 0.0);
    assertEquals(Math.log(0.5 * Math.sqrt(Math.PI)), Gmm.logGammaOfHalf(3), 1e-15);
    assertEquals(Math.log(24.0), Gmm.logGammaOfHalf(10), 1e-15);
  }
}
