package dev.jgrad.benchmarks;

import dev.jgrad.Differentiable;

/**
 * ADBench's {@code ba} (bundle adjustment): the weighted reprojection error of one observation of
 * point {@code x} by camera {@code cam}, and the weight's own error {@code 1 - w^2}.
 *
 * <p>A camera is 11 numbers: a Rodrigues rotation (3), the centre (3), the focal length, the
 * principal point (2) and two radial distortion coefficients. The objective is a vector, not a
 * scalar: its derivative is a sparse Jacobian (see {@link BaJacobian}).
 */
public final class Ba {
  /** Where each part of a camera starts. */
  public static final int ROTATION = 0;
  public static final int CENTRE = 3;
  public static final int FOCAL = 6;
  public static final int PRINCIPAL = 7;
  public static final int DISTORTION = 9;
  /** Numbers per camera. */
  public static final int CAMERA = 11;

  private Ba() {}

  /**
   * Coordinate {@code coordinate} (0 or 1) of {@code w (proj - feat)}. jgrad differentiates
   * functions with one result, so each of the two Jacobian rows is one pullback of this.
   */
  @Differentiable(wrt = {"cam", "x", "w"})
  public static double residual(double[] cam, double[] x, double w, double[] feat,
      int coordinate) {
    double x0 = x[0] - cam[CENTRE];
    double x1 = x[1] - cam[CENTRE + 1];
    double x2 = x[2] - cam[CENTRE + 2];
    double r0 = cam[ROTATION];
    double r1 = cam[ROTATION + 1];
    double r2 = cam[ROTATION + 2];
    double thetaSquared = r0 * r0 + r1 * r1 + r2 * r2;
    double y0;
    double y1;
    double y2;
    if (thetaSquared != 0.0) {
      // Rodrigues: X cos t + (v x X) sin t + v (v . X)(1 - cos t) for the unit axis v.
      double theta = Math.sqrt(thetaSquared);
      double cos = Math.cos(theta);
      double sin = Math.sin(theta);
      double v0 = r0 / theta;
      double v1 = r1 / theta;
      double v2 = r2 / theta;
      double along = (v0 * x0 + v1 * x1 + v2 * x2) * (1.0 - cos);
      y0 = x0 * cos + (v1 * x2 - v2 * x1) * sin + v0 * along;
      y1 = x1 * cos + (v2 * x0 - v0 * x2) * sin + v1 * along;
      y2 = x2 * cos + (v0 * x1 - v1 * x0) * sin + v2 * along;
    } else {
      // The first-order rotation X + r x X, which has the right derivative at r = 0.
      y0 = x0 + r1 * x2 - r2 * x1;
      y1 = x1 + r2 * x0 - r0 * x2;
      y2 = x2 + r0 * x1 - r1 * x0;
    }
    double p0 = y0 / y2;
    double p1 = y1 / y2;
    double rSquared = p0 * p0 + p1 * p1;
    double distortion = 1.0 + cam[DISTORTION] * rSquared
        + cam[DISTORTION + 1] * rSquared * rSquared;
    double p = coordinate == 0 ? p0 : p1;
    double projected = p * distortion * cam[FOCAL] + cam[PRINCIPAL + coordinate];
    return w * (projected - feat[coordinate]);
  }

  /**
   * Both coordinates of the weighted reprojection error, into {@code err}: the primal as one
   * would write it without AD, sharing the rotation between the two coordinates.
   */
  public static void reprojectionError(double[] cam, double[] x, double w, double[] feat,
      double[] err) {
    double x0 = x[0] - cam[CENTRE];
    double x1 = x[1] - cam[CENTRE + 1];
    double x2 = x[2] - cam[CENTRE + 2];
    double r0 = cam[ROTATION];
    double r1 = cam[ROTATION + 1];
    double r2 = cam[ROTATION + 2];
    double thetaSquared = r0 * r0 + r1 * r1 + r2 * r2;
    double y0;
    double y1;
    double y2;
    if (thetaSquared != 0.0) {
      double theta = Math.sqrt(thetaSquared);
      double cos = Math.cos(theta);
      double sin = Math.sin(theta);
      double v0 = r0 / theta;
      double v1 = r1 / theta;
      double v2 = r2 / theta;
      double along = (v0 * x0 + v1 * x1 + v2 * x2) * (1.0 - cos);
      y0 = x0 * cos + (v1 * x2 - v2 * x1) * sin + v0 * along;
      y1 = x1 * cos + (v2 * x0 - v0 * x2) * sin + v1 * along;
      y2 = x2 * cos + (v0 * x1 - v1 * x0) * sin + v2 * along;
    } else {
      y0 = x0 + r1 * x2 - r2 * x1;
      y1 = x1 + r2 * x0 - r0 * x2;
      y2 = x2 + r0 * x1 - r1 * x0;
    }
    double p0 = y0 / y2;
    double p1 = y1 / y2;
    double rSquared = p0 * p0 + p1 * p1;
    double scale = (1.0 + cam[DISTORTION] * rSquared
        + cam[DISTORTION + 1] * rSquared * rSquared) * cam[FOCAL];
    err[0] = w * (p0 * scale + cam[PRINCIPAL] - feat[0]);
    err[1] = w * (p1 * scale + cam[PRINCIPAL + 1] - feat[1]);
  }

  /** The weight's error, {@code 1 - w^2}. */
  public static double weightError(double w) {
    return 1.0 - w * w;
  }
}
