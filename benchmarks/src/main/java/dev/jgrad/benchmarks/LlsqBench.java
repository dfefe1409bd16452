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
 * {@code llsq}: small is 8 coefficients fitted at 64 points, medium 128 coefficients at 1024
 * points; coefficients uniform in [-1, 1) from seed 1.
 */
@BenchmarkMode(Mode.AverageTime)
@Fork(1)
@Warmup(iterations = 4, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 5, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class LlsqBench {
  /** The problem; subclasses only choose which sizes JMH runs. */
  public abstract static class Problem {
    double[] x;
    int n;
    double[] gradient;

    void load(String size) {
      int m = size.equals("small") ? 8 : 128;
      n = size.equals("small") ? 64 : 1024;
      x = Llsq.randomCoefficients(m, 1);
      gradient = new double[m];
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
    return Llsq.objective(p.x, p.n);
  }

  @Benchmark
  public LlsqGrad.Objective jgrad(Sizes p) {
    return LlsqGrad.objective(p.x, p.n);
  }

  @Benchmark
  public double jgradPullback(Sizes p) {
    Arrays.fill(p.gradient, 0.0);
    return LlsqGrad.objectivePullback(p.x, p.n, 1.0, p.gradient);
  }

  @Benchmark
  public double manual(Sizes p) {
    return LlsqManual.gradient(p.x, p.n, p.gradient);
  }

  @Benchmark
  public Gradient forward(Sizes p) {
    return ForwardMode.llsq(p.x, p.n);
  }

  @Benchmark
  public double finiteDifferences(Small p) {
    return CentralDifferences.gradient(
        () -> Llsq.objective(p.x, p.n), new double[][] {p.x}, new double[][] {p.gradient});
  }
}
