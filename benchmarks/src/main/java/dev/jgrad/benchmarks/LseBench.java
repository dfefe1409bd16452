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

/** {@code lse}: small is 16 values, medium 1024; uniform in [-4, 4) from seed 2. */
@BenchmarkMode(Mode.AverageTime)
@Fork(1)
@Warmup(iterations = 4, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 5, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class LseBench {
  /** The problem; subclasses only choose which sizes JMH runs. */
  public abstract static class Problem {
    double[] x;
    double[] gradient;

    void load(String size) {
      x = Lse.randomInput(size.equals("small") ? 16 : 1024, 2);
      gradient = new double[x.length];
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
    return Lse.objective(p.x);
  }

  @Benchmark
  public LseGrad.Objective jgrad(Sizes p) {
    return LseGrad.objective(p.x);
  }

  @Benchmark
  public double jgradPullback(Sizes p) {
    Arrays.fill(p.gradient, 0.0);
    return LseGrad.objectivePullback(p.x, 1.0, p.gradient);
  }

  @Benchmark
  public double manual(Sizes p) {
    return LseManual.gradient(p.x, p.gradient);
  }

  @Benchmark
  public Gradient forward(Sizes p) {
    return ForwardMode.lse(p.x);
  }

  @Benchmark
  public double finiteDifferences(Small p) {
    return CentralDifferences.gradient(
        () -> Lse.objective(p.x), new double[][] {p.x}, new double[][] {p.gradient});
  }
}
