package dev.jgrad.samples.svm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgrad.runtime.GradientCheck;
import dev.jgrad.samples.Close;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LinearSvmTest {
  private static final int N = 12;
  private static final int D = 5;
  private static final int C = 4;
  private static final double REG = 0.3;
  /**
   * How far every margin must be from the hinge's kink. A finite difference moves a margin by at
   * most about {@code |x| * step}, under 1e-4 here, so the check never straddles the kink.
   */
  private static final double KINK_CLEARANCE = 1e-3;

  /** A small random problem whose margins are all well clear of the hinge's kink. */
  private record Problem(double[][] W, double[][] X, int[] y) {
    static Problem random(long seed) {
      SplittableRandom random = new SplittableRandom(seed);
      double[][] W = gaussian(D, C, 0.5, random);
      double[][] X = gaussian(N, D, 1.0, random);
      int[] y = new int[N];
      for (int i = 0; i < N; i++) {
        y[i] = random.nextInt(C);
      }
      Problem p = new Problem(W, X, y);
      assertTrue(p.kinkDistance() > KINK_CLEARANCE,
          "seed " + seed + " puts a margin at " + p.kinkDistance() + " from the kink");
      return p;
    }

    /** {@code s_j - s_y + MARGIN} for every row and every wrong class {@code j}. */
    double[] margins() {
      double[] margins = new double[N * (C - 1)];
      int next = 0;
      for (int i = 0; i < N; i++) {
        for (int j = 0; j < C; j++) {
          if (j == y[i]) {
            continue;
          }
          double difference = 0;
          for (int k = 0; k < D; k++) {
            difference += X[i][k] * (W[k][j] - W[k][y[i]]);
          }
          margins[next++] = difference + LinearSvm.MARGIN;
        }
      }
      return margins;
    }

    double kinkDistance() {
      return Arrays.stream(margins()).map(Math::abs).min().orElseThrow();
    }

    long positiveMargins() {
      return Arrays.stream(margins()).filter(m -> m > 0).count();
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {21, 22, 23, 24})
  void matchesHandDerivedGradient(long seed) {
    Problem p = Problem.random(seed);
    long positive = p.positiveMargins();
    assertTrue(positive > 0 && positive < N * (C - 1), "both hinge branches taken: " + positive);
    LinearSvmGrad.Loss g = LinearSvmGrad.loss(p.W, p.X, p.y, REG);
    Close.relative(LinearSvm.loss(p.W, p.X, p.y, REG), g.value(), 1e-12, "value");
    Close.relative(LinearSvmManual.gradient(p.W, p.X, p.y, REG), g.dW(), 1e-10, "dW");
  }

  @ParameterizedTest
  @ValueSource(longs = {31, 32, 33, 34})
  void passesGradientCheck(long seed) {
    Problem p = Problem.random(seed);
    GradientCheck.check(LinearSvmGrad.lossFunction(), p.W, p.X, p.y, REG).assertBelow(1e-7);
  }

  @Test
  void regulariserPathAddsToDataPath() {
    // The copy gate: W reaches the loss through the scores and through |W|^2, and the two
    // gradients must be summed; a generator that let one overwrite the other fails here.
    Problem p = Problem.random(41);
    double[][] dataOnly = LinearSvmGrad.loss(p.W, p.X, p.y, 0.0).dW();
    double[][] both = LinearSvmGrad.loss(p.W, p.X, p.y, REG).dW();
    for (int k = 0; k < D; k++) {
      for (int j = 0; j < C; j++) {
        assertEquals(REG * p.W[k][j], both[k][j] - dataOnly[k][j], 1e-14, "dW[" + k + "][" + j
            + "]");
      }
    }
  }

  @Test
  void pullbackAddsAndScales() {
    Problem p = Problem.random(51);
    double[][] wBefore = Close.copy(p.W);
    double[][] xBefore = Close.copy(p.X);
    double[][] once = LinearSvmGrad.loss(p.W, p.X, p.y, REG).dW();
    double[][] buffer = new double[D][C];
    LinearSvmGrad.lossPullback(p.W, p.X, p.y, REG, 1.0, buffer);
    double value = LinearSvmGrad.lossPullback(p.W, p.X, p.y, REG, 1.0, buffer);
    assertEquals(LinearSvm.loss(p.W, p.X, p.y, REG), value, 0.0);
    // Rounding aside, twice the gradient: a pullback that overwrote its buffer gives once.
    Close.relative(scale(once, 2.0), buffer, 1e-12, "dW after two calls");
    double[][] scaled = new double[D][C];
    LinearSvmGrad.lossPullback(p.W, p.X, p.y, REG, -0.375, scaled);
    Close.relative(scale(once, -0.375), scaled, 1e-12, "dW at upstream -0.375");
    for (int k = 0; k < D; k++) {
      assertArrayEquals(wBefore[k], p.W[k], 0.0);
    }
    for (int i = 0; i < N; i++) {
      assertArrayEquals(xBefore[i], p.X[i], 0.0);
    }
  }

  private static double[][] scale(double[][] m, double factor) {
    double[][] scaled = new double[m.length][];
    for (int i = 0; i < m.length; i++) {
      scaled[i] = Arrays.stream(m[i]).map(v -> factor * v).toArray();
    }
    return scaled;
  }

  private static double[][] gaussian(int rows, int cols, double scale, SplittableRandom random) {
    double[][] m = new double[rows][cols];
    for (double[] row : m) {
      for (int j = 0; j < cols; j++) {
        row[j] = scale * random.nextGaussian();
      }
    }
    return m;
  }
}
