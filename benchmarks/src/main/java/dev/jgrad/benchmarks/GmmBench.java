package dev.jgrad.benchmarks;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.hipparchus.analysis.differentiation.Gradient;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code gmm} on ADBench's 1k inputs: small is {@code gmm_d2_K5} (1000 points, 30 inputs), medium
 * {@code gmm_d10_K5} (1000 points, 330 inputs).
 */
@BenchmarkMode(Mode.AverageTime)
@Fork(1)
// The generated adjoint is one large method that C2 recompiles several times before it
// settles (about 5 s on 2 cores): shorter warmups measure the recompilations.
@Warmup(iterations = 6, time = 1, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class GmmBench {
  /** The problem; subclasses only choose which sizes JMH runs. */
  public abstract static class Problem {
    GmmInput in;
    double[] dAlphas;
    double[][] dMeans;
    double[][] dIcf;

    void load(String size) {
      in = GmmInput.read(size.equals("small") ? "gmm_d2_K5.txt" : "gmm_d10_K5.txt");
      double[][][] zeros = in.zeroGradient();
      dAlphas = zeros[0][0];
      dMeans = zeros[1];
      dIcf = zeros[2];
    }
  }

  /** Both sizes. */
  @State(Scope.Benchmark)
  public static class Sizes extends Problem {
    @Param({"small", "medium"})
    public String size;

    @Setup
    public void setUp() {
      load(size);
    }
  }

  /** The small size only, for finite differences. */
  @State(Scope.Benchmark)
  public static class Small extends Problem {
    @Param({"small"})
    public String size;

    @Setup
    public void setUp() {
      load(size);
    }
  }

  @Benchmark
  public double primal(Sizes p) {
    GmmInput in = p.in;
    return Gmm.objective(in.alphas(), in.means(), in.icf(), in.x(), in.gamma(), in.m());
  }

  @Benchmark
  public GmmGrad.Objective jgrad(Sizes p) {
    GmmInput in = p.in;
    return GmmGrad.objective(in.alphas(), in.means(), in.icf(), in.x(), in.gamma(), in.m());
  }

  @Benchmark
  public double jgradPullback(Sizes p) {
    GmmInput in = p.in;
    Arrays.fill(p.dAlphas, 0.0);
    for (int c = 0; c < p.dMeans.length; c++) {
      Arrays.fill(p.dMeans[c], 0.0);
      Arrays.fill(p.dIcf[c], 0.0);
    }
    return GmmGrad.objectivePullback(in.alphas(), in.means(), in.icf(), in.x(), in.gamma(),
        in.m(), 1.0, p.dAlphas, p.dMeans, p.dIcf);
  }

  @Benchmark
  public double manual(Sizes p) {
    GmmInput in = p.in;
    return GmmManual.gradient(in.alphas(), in.means(), in.icf(), in.x(), in.gamma(), in.m(),
        p.dAlphas, p.dMeans, p.dIcf);
  }

  @Benchmark
  public Gradient forward(Sizes p) {
    return GmmForward.objective(p.in);
  }

  @Benchmark
  public double finiteDifferences(Small p) {
    GmmInput in = p.in;
    double[][] arrays = new double[1 + 2 * in.k()][];
    double[][] out = new double[arrays.length][];
    arrays[0] = in.alphas();
    out[0] = p.dAlphas;
    for (int c = 0; c < in.k(); c++) {
      arrays[1 + c] = in.means()[c];
      out[1 + c] = p.dMeans[c];
      arrays[1 + in.k() + c] = in.icf()[c];
      out[1 + in.k() + c] = p.dIcf[c];
    }
    return CentralDifferences.gradient(
        () -> Gmm.objective(in.alphas(), in.means(), in.icf(), in.x(), in.gamma(), in.m()),
        arrays, out);
  }
}
