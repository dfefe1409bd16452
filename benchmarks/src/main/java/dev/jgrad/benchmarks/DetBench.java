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
 * {@code det}: small is 4 x 4 (16 inputs), medium 8 x 8 (64 inputs, 109 600 minors); entries
 * uniform in [-1, 1) from seed 3.
 */
@BenchmarkMode(Mode.AverageTime)
@Fork(1)
@Warmup(iterations = 4, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 5, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DetBench {
  /** The problem; subclasses only choose which sizes JMH runs. */
  public abstract static class Problem {
    double[] a;
    int ell;
    double[] gradient;

    void load(String size) {
      ell = size.equals("small") ? 4 : 8;
      a = Det.randomMatrix(ell, 3);
      gradient = new double[a.length];
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
    return Det.objective(p.a, p.ell);
  }

  @Benchmark
  public DetGrad.Objective jgrad(Sizes p) {
    return DetGrad.objective(p.a, p.ell);
  }

  @Benchmark
  public double jgradPullback(Sizes p) {
    Arrays.fill(p.gradient, 0.0);
    return DetGrad.objectivePullback(p.a, p.ell, 1.0, p.gradient);
  }

  @Benchmark
  public double manual(Sizes p) {
    return DetManual.gradient(p.a, p.ell, p.gradient);
  }

  @Benchmark
  public Gradient forward(Sizes p) {
    return ForwardMode.det(p.a, p.ell);
  }

  @Benchmark
  public double finiteDifferences(Small p) {
    return CentralDifferences.gradient(
        () -> Det.objective(p.a, p.ell), new double[][] {p.a}, new double[][] {p.gradient});
  }
}
