package dev.jgrad.benchmarks;

/**
 * A bundle-adjustment problem from an ADBench BA file: {@code n m p}, then one camera, one point,
 * one weight and one feature, which the full problem copies {@code n}, {@code m} and {@code p}
 * times. Observation {@code i} sees point {@code i mod m} with camera {@code i mod n}.
 */
public record BaInput(
    double[][] cams, double[][] points, double[] weights, double[][] features) {

  /** Reads {@code ba/<name>} from this module's resources and replicates it. */
  public static BaInput read(String name) {
    DataFile in = DataFile.open("ba/" + name);
    int n = in.nextInt();
    int m = in.nextInt();
    int p = in.nextInt();
    double[] cam = in.nextDoubles(Ba.CAMERA);
    double[] point = in.nextDoubles(3);
    double w = in.nextDouble();
    double[] feature = in.nextDoubles(2);
    in.expectEnd();
    double[][] cams = new double[n][];
    double[][] points = new double[m][];
    double[] weights = new double[p];
    double[][] features = new double[p][];
    for (int i = 0; i < n; i++) {
      cams[i] = cam.clone();
    }
    for (int i = 0; i < m; i++) {
      points[i] = point.clone();
    }
    for (int i = 0; i < p; i++) {
      weights[i] = w;
      features[i] = feature.clone();
    }
    return new BaInput(cams, points, weights, features);
  }

  /** The number of observations {@code p}. */
  public int observations() {
    return weights.length;
  }

  /** The camera of observation {@code i}. */
  public double[] camOf(int i) {
    return cams[i % cams.length];
  }

  /** The point of observation {@code i}. */
  public double[] pointOf(int i) {
    return points[i % points.length];
  }

  /**
   * Every residual, into {@code err} of length {@code 3p}: {@code 2p} reprojection errors, two
   * per observation, then {@code p} weight errors. The primal of the benchmark.
   */
  public void residuals(double[] err, double[] pair) {
    int p = observations();
    for (int i = 0; i < p; i++) {
      Ba.reprojectionError(camOf(i), pointOf(i), weights[i], features[i], pair);
      err[2 * i] = pair[0];
      err[2 * i + 1] = pair[1];
    }
    for (int i = 0; i < p; i++) {
      err[2 * p + i] = Ba.weightError(weights[i]);
    }
  }
}
