package dev.jgrad.benchmarks;

/**
 * The arguments of {@link Gmm#objective}, read from an ADBench GMM file: {@code d k n}, then
 * {@code k} alphas, {@code k} means, {@code k} icf rows, {@code n} points, then {@code gamma m}.
 */
public record GmmInput(
    double[] alphas, double[][] means, double[][] icf, double[][] x, double gamma, int m) {

  /** Reads {@code gmm/<name>} from this module's resources, for example {@code "test.txt"}. */
  public static GmmInput read(String name) {
    DataFile in = DataFile.open("gmm/" + name);
    int d = in.nextInt();
    int k = in.nextInt();
    int n = in.nextInt();
    double[] alphas = in.nextDoubles(k);
    double[][] means = in.nextMatrix(k, d);
    double[][] icf = in.nextMatrix(k, d + d * (d - 1) / 2);
    double[][] x = in.nextMatrix(n, d);
    double gamma = in.nextDouble();
    int m = in.nextInt();
    in.expectEnd();
    return new GmmInput(alphas, means, icf, x, gamma, m);
  }

  /** The dimension {@code d}. */
  public int d() {
    return x[0].length;
  }

  /** The number of components {@code k}. */
  public int k() {
    return alphas.length;
  }

  /** The objective at this input. */
  public double objective() {
    return Gmm.objective(alphas, means, icf, x, gamma, m);
  }

  /** Zeroed buffers shaped like {@code alphas}, {@code means} and {@code icf}. */
  public double[][][] zeroGradient() {
    return new double[][][] {
        {new double[alphas.length]}, new double[means.length][d()], new double[icf.length][icf[0]
            .length]};
  }

  /** The gradient in ADBench's order, alphas then means then icf, row by row. */
  public static double[] flatten(double[] dAlphas, double[][] dMeans, double[][] dIcf) {
    int size = dAlphas.length;
    for (double[] row : dMeans) {
      size += row.length;
    }
    for (double[] row : dIcf) {
      size += row.length;
    }
    double[] flat = new double[size];
    System.arraycopy(dAlphas, 0, flat, 0, dAlphas.length);
    int at = dAlphas.length;
    for (double[][] block : new double[][][] {dMeans, dIcf}) {
      for (double[] row : block) {
        System.arraycopy(row, 0, flat, at, row.length);
        at += row.length;
      }
    }
    return flat;
  }
}
