package dev.jgrad.samples.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jgrad.runtime.GradientCheck;
import dev.jgrad.runtime.Jacobians;
import dev.jgrad.samples.Close;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LayersTest {
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4})
  void reluIsTheUpstreamMaskedByTheInputsSign(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] x = vector(r, 7);
    double[] dy = vector(r, 7);
    LayersGrad.Relu g = LayersGrad.relu(x, dy);
    double[] expected = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      expected[i] = x[i] > 0 ? dy[i] : 0.0;
      assertEquals(Math.max(0.0, x[i]), g.value()[i], 0.0);
    }
    assertArrayEquals(expected, g.dX(), 0.0);
    GradientCheck.check(LayersGrad.reluFunction().along(dy), (Object) x).assertBelow(1e-8);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4})
  void reluJacobianIsDiagonal(long seed) {
    double[] x = vector(new SplittableRandom(seed), 5);
    double[][] j = Jacobians.of(LayersGrad.reluFunction(), "x", (Object) x);
    for (int r = 0; r < x.length; r++) {
      for (int c = 0; c < x.length; c++) {
        assertEquals(r == c && x[r] > 0 ? 1.0 : 0.0, j[r][c], 0.0);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4})
  void matmulGradientsAreDyWTransposedAndXTransposedDy(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[][] x = matrix(r, 4, 3);
    double[][] w = matrix(r, 3, 5);
    double[][] dy = matrix(r, 4, 5);
    LayersGrad.Matmul g = LayersGrad.matmul(x, w, dy);
    Close.relative(product(x, w), g.value(), 1e-15, "y = x w");
    Close.relative(product(dy, transpose(w)), g.dX(), 1e-14, "dx = dy w^T");
    Close.relative(product(transpose(x), dy), g.dW(), 1e-14, "dw = x^T dy");
    GradientCheck.check(LayersGrad.matmulFunction().along(dy), x, w).assertBelow(1e-8);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void aLayerOfBothAgreesWithFiniteDifferences(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[][] x = matrix(r, 3, 4);
    double[][] w = matrix(r, 4, 2);
    double[] v = vector(r, 2);
    GradientCheck.check(LayersGrad.scoreFunction(), x, w, v).assertBelow(1e-7);
  }

  private static double[] vector(SplittableRandom r, int n) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      // Away from the ReLU's kink, where finite differences would straddle it.
      double u = r.nextDouble(0.1, 2.0);
      v[i] = r.nextBoolean() ? u : -u;
    }
    return v;
  }

  private static double[][] matrix(SplittableRandom r, int n, int m) {
    double[][] a = new double[n][];
    for (int i = 0; i < n; i++) {
      a[i] = vector(r, m);
    }
    return a;
  }

  private static double[][] product(double[][] a, double[][] b) {
    double[][] c = new double[a.length][b[0].length];
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < b[0].length; j++) {
        for (int k = 0; k < b.length; k++) {
          c[i][j] += a[i][k] * b[k][j];
        }
      }
    }
    return c;
  }

  private static double[][] transpose(double[][] a) {
    double[][] t = new double[a[0].length][a.length];
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < a[0].length; j++) {
        t[j][i] = a[i][j];
      }
    }
    return t;
  }
}
