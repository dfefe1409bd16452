package dev.jgrad.samples.digits;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgrad.runtime.GradientCheck;
import dev.jgrad.samples.Close;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The generated gradient of {@link TwoLayerNet#loss} against the hand-derived
 * {@link TwoLayerNetManual} and against finite differences.
 */
class TwoLayerNetTest {
  /** Large enough that the regulariser's share of the gradient is not lost in the data's. */
  private static final double REG = 0.05;
  /**
   * How far every hidden pre-activation must be from the ReLU's kink. A finite difference moves
   * one by at most about {@code 6e-6 * max(1, |w|) * |x|}, under 6e-5 with these weights and
   * inputs, so a check never straddles the kink.
   */
  private static final double KINK_CLEARANCE = 2e-4;
  /**
   * Where the finite-difference check turns absolute: with a loss of order 1, the differences
   * carry rounding noise of a few 1e-11, which is 1e-7 of a component of 1e-4, a tenth of the
   * tolerance. The sample's {@code main} checks with the same floor and tolerance.
   */
  private static final double CHECK_ABSOLUTE_BELOW = 1e-4;
  private static final double CHECK_TOLERANCE = 1e-6;

  /** Parameters and a batch; arrays are fresh, so a test may hand them to code that writes. */
  private record Point(NetWeights w, double[][] X, int[] y) {
    /** A random network and batch of small shapes, Gaussian inputs. */
    static Point synthetic(long seed) {
      SplittableRandom random = new SplittableRandom(seed);
      NetWeights w = NetWeights.heInit(6, 5, 4, seed);
      fill(w.b1(), 0.3, random);
      fill(w.b2(), 0.3, random);
      double[][] X = new double[10][6];
      for (double[] row : X) {
        fill(row, 1.0, random);
      }
      int[] y = random.ints(10, 0, 4).toArray();
      return new Point(w, X, y).clearOfKinks(seed);
    }

    /** A random network on ten real digits, at the sample's shapes but fewer hidden units. */
    static Point digits(long seed) {
      SplittableRandom random = new SplittableRandom(seed);
      NetWeights w = NetWeights.heInit(Digits.PIXELS, 16, Digits.CLASSES, seed);
      fill(w.b1(), 0.3, random);
      fill(w.b2(), 0.3, random);
      Digits.Examples all = Digits.load();
      int[] rows = random.ints(10, 0, all.size()).toArray();
      double[][] X = new double[rows.length][];
      int[] y = new int[rows.length];
      for (int i = 0; i < rows.length; i++) {
        X[i] = all.x()[rows[i]].clone();
        y[i] = all.y()[rows[i]];
      }
      return new Point(w, X, y).clearOfKinks(seed);
    }

    private Point clearOfKinks(long seed) {
      double closest = Double.POSITIVE_INFINITY;
      for (double[] x : X) {
        for (int j = 0; j < w.b1().length; j++) {
          double a = w.b1()[j];
          for (int k = 0; k < x.length; k++) {
            a += x[k] * w.W1()[k][j];
          }
          closest = Math.min(closest, Math.abs(a));
        }
      }
      assertTrue(closest > KINK_CLEARANCE,
          "seed " + seed + " puts a hidden unit at " + closest + " from the ReLU kink");
      return this;
    }

    double loss() {
      return TwoLayerNet.loss(w.W1(), w.b1(), w.W2(), w.b2(), X, y, REG);
    }

    TwoLayerNetGrad.Loss generated() {
      return TwoLayerNetGrad.loss(w.W1(), w.b1(), w.W2(), w.b2(), X, y, REG);
    }

    /** Adds {@code upstream} times the generated gradient into {@code grad}. */
    double pullback(double upstream, NetWeights grad) {
      return TwoLayerNetGrad.lossPullback(w.W1(), w.b1(), w.W2(), w.b2(), X, y, REG, upstream,
          grad.W1(), grad.b1(), grad.W2(), grad.b2());
    }

    NetWeights manual() {
      NetWeights grad = w.zerosLike();
      TwoLayerNetManual.lossAndGradient(w.W1(), w.b1(), w.W2(), w.b2(), X, y, REG, 1.0,
          grad.W1(), grad.b1(), grad.W2(), grad.b2());
      return grad;
    }

    Object[] args() {
      return new Object[] {w.W1(), w.b1(), w.W2(), w.b2(), X, y, REG};
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void matchesHandDerivedGradientOnSyntheticBatch(long seed) {
    assertMatchesManual(Point.synthetic(seed));
  }

  @ParameterizedTest
  @ValueSource(longs = {4, 5, 15})
  void matchesHandDerivedGradientOnDigits(long seed) {
    assertMatchesManual(Point.digits(seed));
  }

  @ParameterizedTest
  @ValueSource(longs = {7, 8, 9, 14})
  void passesFullGradientCheckOnSyntheticBatch(long seed) {
    GradientCheck.options().absoluteBelow(CHECK_ABSOLUTE_BELOW)
        .check(TwoLayerNetGrad.lossFunction(), Point.synthetic(seed).args())
        .assertBelow(CHECK_TOLERANCE);
  }

  @ParameterizedTest
  @ValueSource(longs = {11, 12, 13})
  void passesSampledGradientCheckOnDigits(long seed) {
    GradientCheck.options().absoluteBelow(CHECK_ABSOLUTE_BELOW).sample(60, seed)
        .check(TwoLayerNetGrad.lossFunction(), Point.digits(seed).args())
        .assertBelow(CHECK_TOLERANCE);
  }

  @Test
  void pullbackAddsIntoBuffersAndLeavesArgumentsAlone() {
    Point p = Point.synthetic(20);
    List<double[][]> before = List.of(Close.copy(p.w().W1()), Close.copy(p.w().W2()),
        Close.copy(p.X()), new double[][] {p.w().b1().clone(), p.w().b2().clone()});
    NetWeights once = p.w().zerosLike();
    p.pullback(1.0, once);
    NetWeights twice = p.w().zerosLike();
    p.pullback(1.0, twice);
    double value = p.pullback(1.0, twice);
    assertEquals(p.loss(), value, 0.0);
    NetWeights doubled = p.w().zerosLike();
    p.pullback(2.0, doubled);
    // Adding once more rounds differently from doubling, so this allows rounding but no more:
    // a pullback that overwrote its buffers would be off by a factor of 2.
    assertScaled(once, 2.0, twice, "called twice");
    assertScaled(once, 2.0, doubled, "upstream 2");
    NetWeights scaled = p.w().zerosLike();
    p.pullback(-0.375, scaled);
    assertScaled(once, -0.375, scaled, "upstream -0.375");
    List<double[][]> after = List.of(p.w().W1(), p.w().W2(), p.X(),
        new double[][] {p.w().b1(), p.w().b2()});
    for (int m = 0; m < before.size(); m++) {
      for (int r = 0; r < before.get(m).length; r++) {
        assertArrayEquals(before.get(m)[r], after.get(m)[r], 0.0, "argument changed");
      }
    }
  }

  @Test
  void describesItselfForGradientCheck() {
    assertEquals(List.of("W1", "b1", "W2", "b2", "X", "y", "reg"),
        TwoLayerNetGrad.lossFunction().parameterNames());
    assertEquals(List.of("W1", "b1", "W2", "b2"), TwoLayerNetGrad.lossFunction().wrt());
  }

  private static void assertMatchesManual(Point p) {
    TwoLayerNetGrad.Loss g = p.generated();
    NetWeights m = p.manual();
    Close.relative(p.loss(), g.value(), 1e-12, "value");
    Close.relative(m.W1(), g.dW1(), 1e-10, "dW1");
    Close.relative(m.b1(), g.dB1(), 1e-10, "db1");
    Close.relative(m.W2(), g.dW2(), 1e-10, "dW2");
    Close.relative(m.b2(), g.dB2(), 1e-10, "db2");
  }

  private static void assertScaled(NetWeights once, double factor, NetWeights actual,
      String what) {
    double[][][] o = once.blocks();
    double[][][] a = actual.blocks();
    for (int b = 0; b < o.length; b++) {
      for (int r = 0; r < o[b].length; r++) {
        for (int j = 0; j < o[b][r].length; j++) {
          Close.relative(factor * o[b][r][j], a[b][r][j], 1e-12, what + ", block " + b);
        }
      }
    }
  }

  private static void fill(double[] v, double scale, SplittableRandom random) {
    for (int j = 0; j < v.length; j++) {
      v[j] = scale * random.nextGaussian();
    }
  }
}
