package dev.jgrad.benchmarks;

import java.util.Arrays;
import org.hipparchus.analysis.differentiation.Gradient;

/**
 * The BA Jacobian as ADBench stores it: the nonzero values of a CSR matrix with {@code 3p} rows,
 * {@code 30} values per observation (its two rows of 11 camera, 3 point and 1 weight entries) and
 * then {@code p} values {@code -2w}. The sparsity pattern depends only on {@code n, m, p}, so only
 * the values are computed here.
 */
public final class BaJacobian {
  /** Nonzeros in one row of an observation: camera, point, weight. */
  public static final int ROW = Ba.CAMERA + 3 + 1;

  private BaJacobian() {}

  /** A zeroed array for the values of {@code in}'s Jacobian. */
  public static double[] values(BaInput in) {
    return new double[in.observations() * 2 * ROW + in.observations()];
  }

  /** Reusable one-observation gradient buffers for {@link #jgrad}. */
  public static final class Buffers {
    final double[] cam = new double[Ba.CAMERA];
    final double[] point = new double[3];
    final double[] w = new double[1];
  }

  /** Fills {@code values} with two jgrad pullbacks (one per row) per observation. */
  public static void jgrad(BaInput in, double[] values, Buffers b) {
    int p = in.observations();
    for (int i = 0; i < p; i++) {
      for (int coordinate = 0; coordinate < 2; coordinate++) {
        Arrays.fill(b.cam, 0.0);
        Arrays.fill(b.point, 0.0);
        b.w[0] = 0.0;
        BaGrad.residualPullback(in.camOf(i), in.pointOf(i), in.weights()[i], in.features()[i],
            coordinate, 1.0, b.cam, b.point, b.w);
        int at = (2 * i + coordinate) * ROW;
        System.arraycopy(b.cam, 0, values, at, Ba.CAMERA);
        System.arraycopy(b.point, 0, values, at + Ba.CAMERA, 3);
        values[at + ROW - 1] = b.w[0];
      }
    }
    weightRows(in, values);
  }

  /** Fills {@code values} by forward mode: 15 Hipparchus variables per observation. */
  public static void forward(BaInput in, double[] values) {
    int p = in.observations();
    for (int i = 0; i < p; i++) {
      double[] camValues = in.camOf(i);
      double[] pointValues = in.pointOf(i);
      Gradient[] cam = new Gradient[Ba.CAMERA];
      for (int j = 0; j < Ba.CAMERA; j++) {
        cam[j] = Gradient.variable(ROW, j, camValues[j]);
      }
      Gradient[] x = new Gradient[3];
      for (int j = 0; j < 3; j++) {
        x[j] = Gradient.variable(ROW, Ba.CAMERA + j, pointValues[j]);
      }
      Gradient w = Gradient.variable(ROW, ROW - 1, in.weights()[i]);
      Gradient[] err = BaForward.reprojectionError(cam, x, w, in.features()[i]);
      System.arraycopy(err[0].getGradient(), 0, values, 2 * i * ROW, ROW);
      System.arraycopy(err[1].getGradient(), 0, values, (2 * i + 1) * ROW, ROW);
    }
    weightRows(in, values);
  }

  /**
   * Fills {@code values} by central differences, perturbing one of the 15 inputs of each
   * observation at a time in a copy of its camera and point.
   */
  public static void finiteDifferences(BaInput in, double[] values) {
    int p = in.observations();
    double[] cam = new double[Ba.CAMERA];
    double[] x = new double[3];
    double[] up = new double[2];
    double[] down = new double[2];
    for (int i = 0; i < p; i++) {
      System.arraycopy(in.camOf(i), 0, cam, 0, Ba.CAMERA);
      System.arraycopy(in.pointOf(i), 0, x, 0, 3);
      double w = in.weights()[i];
      double[] feat = in.features()[i];
      for (int j = 0; j < ROW; j++) {
        double[] owner = j < Ba.CAMERA ? cam : j < ROW - 1 ? x : null;
        int at = j < Ba.CAMERA ? j : j - Ba.CAMERA;
        double saved = owner == null ? w : owner[at];
        double h = CentralDifferences.STEP * Math.max(1.0, Math.abs(saved));
        double plus = saved + h;
        double minus = saved - h;
        if (owner == null) {
          Ba.reprojectionError(cam, x, plus, feat, up);
          Ba.reprojectionError(cam, x, minus, feat, down);
        } else {
          owner[at] = plus;
          Ba.reprojectionError(cam, x, w, feat, up);
          owner[at] = minus;
          Ba.reprojectionError(cam, x, w, feat, down);
          owner[at] = saved;
        }
        values[2 * i * ROW + j] = (up[0] - down[0]) / (plus - minus);
        values[(2 * i + 1) * ROW + j] = (up[1] - down[1]) / (plus - minus);
      }
    }
    weightRows(in, values);
  }

  private static void weightRows(BaInput in, double[] values) {
    int p = in.observations();
    for (int i = 0; i < p; i++) {
      values[2 * p * ROW + i] = -2.0 * in.weights()[i];
    }
  }
}
