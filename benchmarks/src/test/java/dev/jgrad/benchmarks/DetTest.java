package dev.jgrad.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jgrad.runtime.GradientCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DetTest {
  @Test
  void smallDeterminants() {
    assertEquals(-2.0, Det.objective(new double[] {1, 2, 3, 4}, 2), 0.0);
    assertEquals(1.0, Det.objective(new double[] {2, 0, 0, 0, 0.5, 0, 0, 0, 1}, 3), 0.0);
    assertEquals(0.0, Det.objective(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, 3), 0.0);
  }

  /** The gradient of det(A) is det(A) A^-T: checked against an LU solve, independent of AD. */
  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 5, 7})
  void gradientIsTheCofactorMatrix(int ell) {
    double[] a = Det.randomMatrix(ell, 40 + ell);
    double[] inverse = invert(a, ell);
    double det = Det.objective(a, ell);
    double[] cofactors = new double[ell * ell];
    for (int i = 0; i < ell; i++) {
      for (int j = 0; j < ell; j++) {
        cofactors[i * ell + j] = det * inverse[j * ell + i];
      }
    }
    DetGrad.Objective g = DetGrad.objective(a, ell);
    assertEquals(det, g.value(), 0.0);
    Close.scaled(cofactors, g.dA(), 1e-12, "generated");
    double[] manual = new double[ell * ell];
    assertEquals(det, DetManual.gradient(a, ell, manual), 1e-14);
    Close.scaled(cofactors, manual, 1e-12, "hand-written");
    Close.scaled(cofactors, ForwardMode.det(a, ell).getGradient(), 1e-12, "forward");
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3, 4})
  void passesGradientCheck(int ell) {
    GradientCheck.check(DetGrad.objectiveFunction(), Det.randomMatrix(ell, ell), ell)
        .assertBelow(1e-7);
  }

  /** Gauss-Jordan elimination with partial pivoting. */
  private static double[] invert(double[] a, int n) {
    double[][] m = new double[n][2 * n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        m[i][j] = a[i * n + j];
      }
      m[i][n + i] = 1.0;
    }
    for (int col = 0; col < n; col++) {
      int pivot = col;
      for (int r = col + 1; r < n; r++) {
        if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
          pivot = r;
        }
      }
      double[] swap = m[col];
      m[col] = m[pivot];
      m[pivot] = swap;
      double p = m[col][col];
      for (int j = 0; j < 2 * n; j++) {
        m[col][j] /= p;
      }
      for (int r = 0; r < n; r++) {
        if (r != col) {
          double f = m[r][col];
          for (int j = 0; j < 2 * n; j++) {
            m[r][j] -= f * m[col][j];
          }
        }
      }
    }
    double[] inverse = new double[n * n];
    for (int i = 0; i < n; i++) {
      System.arraycopy(m[i], n, inverse, i * n, n);
    }
    return inverse;
  }
}
